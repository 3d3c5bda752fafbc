import type { KubeObject, StatusCause } from '../meta/types';
import { RESOURCE_TYPES } from '../resources/registry';
import { validateConfigMap, validateConfigMapUpdate } from './config-map-validation';
import { validateControllerRevision, validateControllerRevisionUpdate } from './controller-revision-validation';
import { validateDaemonSet, validateDaemonSetUpdate } from './daemon-set-validation';
import { validateDeployHook, validateDeployHookUpdate } from './deploy-hook-validation';
import { validateDeployment, validateDeploymentUpdate } from './deployment-validation';
import { validateEndpoints, validateEndpointsUpdate } from './endpoints-validation';
import { validateEvent, validateEventUpdate } from './event-validation';
import { validateHorizontalPodAutoscaler, validateHorizontalPodAutoscalerUpdate } from './horizontal-pod-autoscaler-validation';
import { asRecord } from './json-access';
import { validateLease, validateLeaseUpdate } from './lease-validation';
import { isValidPathSegmentName, isValidPathSegmentPrefix, type NameValidator } from './name-rules';
import { validateNamespace, validateNamespaceUpdate } from './namespace-validation';
import { validateNode, validateNodeUpdate } from './node-validation';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from './persistent-volume-claim-validation';
import { validatePod, validatePodUpdate } from './pod-validation';
import {
  validateClusterRole,
  validateClusterRoleBinding,
  validateClusterRoleBindingUpdate,
  validateClusterRoleUpdate,
  validateRole,
  validateRoleBinding,
  validateRoleBindingUpdate,
  validateRoleUpdate,
} from './rbac-validation';
import { validateReplicaSet, validateReplicaSetUpdate } from './replica-set-validation';
import { validateReplicationController, validateReplicationControllerUpdate } from './replication-controller-validation';
import { validateSecret, validateSecretUpdate } from './secret-validation';
import { validateService, validateServiceUpdate } from './service-validation';
import { validateStatefulSet, validateStatefulSetUpdate } from './stateful-set-validation';

type Obj = Record<string, unknown>;

interface KindValidators {
  create: (obj: Obj) => StatusCause[];
  update: (obj: Obj, old: Obj) => StatusCause[];
}

const VALIDATORS: Record<string, KindValidators> = {
  Namespace: { create: validateNamespace, update: validateNamespaceUpdate },
  Node: { create: validateNode, update: validateNodeUpdate },
  Pod: { create: validatePod, update: validatePodUpdate },
  Service: { create: validateService, update: validateServiceUpdate },
  Endpoints: { create: validateEndpoints, update: validateEndpointsUpdate },
  Event: { create: validateEvent, update: validateEventUpdate },
  ConfigMap: { create: validateConfigMap, update: validateConfigMapUpdate },
  Secret: { create: validateSecret, update: validateSecretUpdate },
  ReplicationController: { create: validateReplicationController, update: validateReplicationControllerUpdate },
  PersistentVolumeClaim: { create: validatePersistentVolumeClaim, update: validatePersistentVolumeClaimUpdate },
  Deployment: { create: validateDeployment, update: validateDeploymentUpdate },
  ReplicaSet: { create: validateReplicaSet, update: validateReplicaSetUpdate },
  StatefulSet: { create: validateStatefulSet, update: validateStatefulSetUpdate },
  DaemonSet: { create: validateDaemonSet, update: validateDaemonSetUpdate },
  ControllerRevision: { create: validateControllerRevision, update: validateControllerRevisionUpdate },
  HorizontalPodAutoscaler: { create: validateHorizontalPodAutoscaler, update: validateHorizontalPodAutoscalerUpdate },
  Lease: { create: validateLease, update: validateLeaseUpdate },
  Role: { create: validateRole, update: validateRoleUpdate },
  ClusterRole: { create: validateClusterRole, update: validateClusterRoleUpdate },
  RoleBinding: { create: validateRoleBinding, update: validateRoleBindingUpdate },
  ClusterRoleBinding: { create: validateClusterRoleBinding, update: validateClusterRoleBindingUpdate },
  DeployHook: { create: validateDeployHook, update: validateDeployHookUpdate },
};

/** The kind's own checks; `kind` is looked up as data, so `constructor` or `__proto__` find nothing. */
function validatorsOf(kind: string): KindValidators | undefined {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, kind) ? VALIDATORS[kind] : undefined;
}

/** Every name must at least be usable as one URL path segment. */
const pathSegmentName: NameValidator = (name, prefix) => (prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name));

function isNamespaced(kind: string): boolean | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind)?.namespaced;
}

/** The checks the server runs on every object whatever its kind. */
function genericMeta(kind: string, obj: Obj): StatusCause[] {
  return validateObjectMeta(asRecord(obj.metadata), { namespaced: isNamespaced(kind), nameFn: pathSegmentName });
}

function dedupe(causes: StatusCause[]): StatusCause[] {
  const seen = new Set<string>();
  return causes.filter((c) => {
    const key = `${c.reason}\u0000${c.field}\u0000${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validates an object about to be created, after defaults were applied (as the server
 * does: several required fields are only missing when defaulting was skipped).
 * Returns the causes for a 422 Status; empty means valid. Unknown kinds get the
 * generic metadata checks only.
 */
export function validateObject(kind: string, obj: KubeObject): StatusCause[] {
  const o = obj as unknown as Obj;
  const specific = validatorsOf(kind)?.create(o) ?? [];
  // Like the server: generic metadata checks run only once the kind's own checks pass.
  return specific.length > 0 ? specific : genericMeta(kind, o);
}

/** Validates a replacement of `old` by `obj` (immutable fields, allowed transitions, and the new object itself). */
export function validateObjectUpdate(kind: string, obj: KubeObject, old: KubeObject): StatusCause[] {
  const o = obj as unknown as Obj;
  const prev = old as unknown as Obj;
  const common = [...genericMeta(kind, o), ...validateObjectMetaUpdate(asRecord(o.metadata), asRecord(prev.metadata))];
  const specific = validatorsOf(kind)?.update(o, prev) ?? [];
  return dedupe([...common, ...specific]);
}
