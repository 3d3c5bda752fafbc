import type { KubeObject } from '../meta/types';
import { defaultEndpoints } from './endpoints-defaults';
import { defaultHorizontalPodAutoscaler } from './horizontal-pod-autoscaler-defaults';
import { defaultNamespace } from './namespace-defaults';
import { defaultNode } from './node-defaults';
import { defaultPersistentVolumeClaim } from './persistent-volume-claim-defaults';
import { defaultPod } from './pod-defaults';
import { defaultBinding } from './rbac-defaults';
import { defaultSecret } from './secret-defaults';
import { defaultService } from './service-defaults';
import {
  defaultDaemonSet,
  defaultDeployment,
  defaultReplicaSet,
  defaultReplicationController,
  defaultStatefulSet,
} from './workload-defaults';

type Defaulter = (obj: Record<string, unknown>) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  Namespace: defaultNamespace,
  Node: defaultNode,
  Pod: defaultPod,
  Service: defaultService,
  Endpoints: defaultEndpoints,
  Secret: defaultSecret,
  ReplicationController: defaultReplicationController,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  RoleBinding: defaultBinding,
  ClusterRoleBinding: defaultBinding,
};

/**
 * Fills in what the Kubernetes v1.32 API server would, in place: the caller passes a
 * copy it owns. Run before validateObject/validateObjectUpdate, as the server does.
 * Kinds without defaults (ConfigMap, Event, Lease, ControllerRevision, Role, ClusterRole, unknown) are left as they are.
 */
export function applyDefaults(kind: string, obj: KubeObject): void {
  // Looked up as data: a kind named `constructor` or `__proto__` has no defaults.
  if (Object.prototype.hasOwnProperty.call(DEFAULTERS, kind)) DEFAULTERS[kind](obj as unknown as Record<string, unknown>);
}
