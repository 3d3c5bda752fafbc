import { Logger } from '@nestjs/common';
import { createFailureStatus, deploymentDecision, findResourceType, type Deployment, type KubeObject, type Pod, type ReplicaSet } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import { objectKeyOf, onLatest, ownerKeys, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';

const DEPLOYMENTS = findResourceType('apps', 'v1', 'deployments')!;
const REPLICASETS = findResourceType('apps', 'v1', 'replicasets')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const ctx = () => internalContext('system:serviceaccount:kube-system:deployment-controller');

/**
 * The Deployment controller: each reconcile asks deploymentDecision (libs/domain) what
 * to do with the Deployment's ReplicaSets — create the new one, scale new and old within
 * maxSurge/maxUnavailable, adopt, clean up history — and writes it in order, each write
 * conditional on the resourceVersion it was decided from; a conflict ends the pass and
 * the next one decides again from fresh state. The ReplicaSet controller does the pods.
 */
export class DeploymentController implements Controller {
  readonly name = 'deployment';
  private readonly logger = new Logger('deployment-controller');
  private readonly ownerOfReplicaSet = new Map<string, string>(); // ReplicaSet key → Deployment key
  readonly watches = {
    'deployments.apps': (c: Change) => [objectKeyOf(c.object)],
    'replicasets.apps': (c: Change) => {
      const keys = ownerKeys(c, 'Deployment');
      if (c.type === 'DELETED' || !keys.length) this.ownerOfReplicaSet.delete(objectKeyOf(c.object));
      else this.ownerOfReplicaSet.set(objectKeyOf(c.object), keys[0]);
      return keys;
    },
    // Recreate waits for the old pods to be gone.
    pods: (c: Change) => (c.type === 'DELETED' ? ownerKeys(c, 'ReplicaSet').flatMap((k) => this.ownerOfReplicaSet.get(k) ?? []) : []),
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
    private readonly events: EventRecorder,
  ) {}

  async keys(): Promise<string[]> {
    return (await this.store.list(DEPLOYMENTS)).items.map(objectKeyOf);
  }

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const { namespace, name } = splitKey(key);
    const deployment = (await this.store.get({ type: DEPLOYMENTS, namespace, name })) as Deployment | undefined;
    if (!deployment || deployment.metadata.deletionTimestamp) return;
    const matchLabels = (deployment.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels;
    const [{ items: replicaSets }, { items: pods }] = await Promise.all([
      this.store.list(REPLICASETS, { namespace }),
      this.store.list(PODS, { namespace, ...(matchLabels ? { labelsContain: matchLabels } : {}) }),
    ]);
    const d = deploymentDecision({ deployment, replicaSets: replicaSets as ReplicaSet[], pods: pods as Pod[], now: new Date() });
    if (d.error) {
      this.logger.warn(`${key}: ${d.error}`);
      return;
    }
    const c = ctx();
    if (d.createReplicaSet) {
      try {
        await this.registry.create(REPLICASETS, namespace, d.createReplicaSet, c);
      } catch (e) {
        if ((e as { code?: number }).code === 409) return { requeueAfterMs: 0 };
        const failed = createFailureStatus(deployment, d.createReplicaSet.metadata.name!, (e as Error).message, new Date());
        await this.events.record(deployment, 'Warning', 'FailedCreate', failed.message);
        await this.registry.update(DEPLOYMENTS, namespace, name, (o) => ({ ...o, status: failed.status }), 'status', c);
        throw e;
      }
    }
    // Each replaced as read: a 409 (someone wrote it since) fails the pass, which is retried.
    for (const rs of d.updateReplicaSets) await this.registry.update(REPLICASETS, namespace, rs.metadata.name!, () => rs as KubeObject, 'main', c);
    for (const rs of d.deleteReplicaSets) {
      await this.registry.delete(REPLICASETS, namespace, rs.metadata.name!, { preconditions: { uid: rs.metadata.uid } }, c).catch((e) => {
        if ((e as { code?: number }).code !== 404) throw e;
      });
    }
    if (d.deploymentAnnotations) {
      const annotations = d.deploymentAnnotations;
      const rv = deployment.metadata.resourceVersion;
      await this.registry.update(DEPLOYMENTS, namespace, name, (o) => ({ ...o, metadata: { ...o.metadata, annotations, resourceVersion: rv } }), 'main', c);
    }
    for (const e of d.events) await this.events.record(deployment, e.type, e.reason, e.message);
    if (d.statusChanged) await this.registry.update(DEPLOYMENTS, namespace, name, onLatest((o) => ({ ...o, status: d.status })), 'status', c);
    return d.requeueAfterSeconds !== undefined ? { requeueAfterMs: Math.ceil(d.requeueAfterSeconds * 1000) } : undefined;
  }
}
