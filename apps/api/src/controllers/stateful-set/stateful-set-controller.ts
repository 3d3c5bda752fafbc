import { Logger } from '@nestjs/common';
import { findResourceType, statefulSetDecision } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import { objectKeyOf, ownerKeys, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';
import { OwnedObjects } from '../runtime/owned-objects';

const SETS = findResourceType('apps', 'v1', 'statefulsets')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const CLAIMS = findResourceType('', 'v1', 'persistentvolumeclaims')!;
const REVISIONS = findResourceType('apps', 'v1', 'controllerrevisions')!;
const ctx = () => internalContext('system:serviceaccount:kube-system:statefulset-controller');

/**
 * The StatefulSet controller: statefulSetDecision (libs/domain) says which revisions,
 * claims and pods to make, keep or remove — pods `<set>-<ordinal>` one at a time in order
 * (OrderedReady) or all at once — and this writes it in the order it gives, each update
 * conditional on what was read. Claims outlive their pods: the data of `web-1` is there
 * when `web-1` comes back.
 */
export class StatefulSetController implements Controller {
  readonly name = 'statefulset';
  private readonly logger = new Logger('statefulset-controller');
  readonly watches = {
    'statefulsets.apps': (c: Change) => [objectKeyOf(c.object)],
    pods: (c: Change) => ownerKeys(c, 'StatefulSet'),
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
    private readonly events: EventRecorder,
  ) {}

  async keys(): Promise<string[]> {
    return (await this.store.list(SETS)).items.map(objectKeyOf);
  }

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const { namespace, name } = splitKey(key);
    const set = await this.store.get({ type: SETS, namespace, name });
    if (!set || set.metadata.deletionTimestamp) return;
    const [pods, claims, revisions] = await Promise.all([PODS, CLAIMS, REVISIONS].map(async (t) => (await this.store.list(t, { namespace })).items));
    const d = statefulSetDecision({ set: set as never, pods: pods as never, claims: claims as never, revisions: revisions as never, now: new Date() });
    if (d.error) return void this.logger.warn(`${key}: ${d.error}`);
    const owned = new OwnedObjects(this.registry, ctx);
    try {
      await owned.adopt(REVISIONS, namespace, d.adoptRevisions, d.controllerRef);
      if (d.createRevision && !(await owned.create(REVISIONS, namespace, d.createRevision))) return { requeueAfterMs: 0 };
      await owned.replace(REVISIONS, namespace, d.updateRevisions);
      await owned.adopt(PODS, namespace, d.adoptPods, d.controllerRef);
      await owned.release(PODS, namespace, d.releasePods, set.metadata.uid!);
      // Claims first; one that exists already is the one wanted (its name is the ordinal's).
      for (const claim of d.createClaims) await owned.create(CLAIMS, namespace, claim);
      await owned.replace(CLAIMS, namespace, d.updateClaims);
      for (const p of d.createPods) {
        await this.registry.create(PODS, namespace, p, ctx());
        void this.events.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${p.metadata.name} in StatefulSet ${name} successful`);
      }
      await owned.replace(PODS, namespace, d.updatePods);
      await owned.delete(PODS, namespace, d.deletePods);
      for (const p of d.deletePods) void this.events.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`);
    } finally {
      // The status is written even when a step failed, as Kubernetes does.
      if (d.statusChanged) await owned.writeStatus(SETS, namespace, name, d.status);
    }
    await owned.delete(REVISIONS, namespace, d.deleteRevisions);
    return d.requeueAfterSeconds !== undefined ? { requeueAfterMs: Math.ceil(d.requeueAfterSeconds * 1000) } : undefined;
  }
}
