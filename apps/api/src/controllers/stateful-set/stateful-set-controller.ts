import { Logger } from '@nestjs/common';
import { findResourceType, statefulSetDecision, withOwnerRef, withoutOwnerRef, type KubeObject, type ResourceType } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ResourceStore } from '../../store/resource-store';
import type { Change } from '../../store/store-types';
import { objectKeyOf, ownerKeys, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';

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
    private readonly store: ResourceStore,
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
    const c = ctx();
    const replace = (type: ResourceType, o: KubeObject) => this.registry.update(type, namespace, o.metadata.name!, () => o, 'main', c);
    try {
      for (const r of d.adoptRevisions) await this.registry.update(REVISIONS, namespace, r.metadata.name!, (x) => withOwnerRef(x, d.controllerRef), 'main', c);
      if (d.createRevision) {
        try {
          await this.registry.create(REVISIONS, namespace, d.createRevision, c);
        } catch (e) {
          if ((e as { code?: number }).code === 409) return { requeueAfterMs: 0 };
          throw e;
        }
      }
      for (const r of d.updateRevisions) await replace(REVISIONS, r as KubeObject);
      for (const p of d.adoptPods) await this.registry.update(PODS, namespace, p.metadata.name!, (x) => withOwnerRef(x, d.controllerRef), 'main', c);
      for (const p of d.releasePods) await this.registry.update(PODS, namespace, p.metadata.name!, (x) => withoutOwnerRef(x, set.metadata.uid!), 'main', c);
      for (const claim of d.createClaims) {
        await this.registry.create(CLAIMS, namespace, claim, c).catch((e) => {
          if ((e as { code?: number }).code !== 409) throw e;
        });
      }
      for (const claim of d.updateClaims) await replace(CLAIMS, claim as KubeObject);
      for (const p of d.createPods) {
        await this.registry.create(PODS, namespace, p, c);
        void this.events.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${p.metadata.name} in StatefulSet ${name} successful`);
      }
      for (const p of d.updatePods) await replace(PODS, p as KubeObject);
      for (const p of d.deletePods) {
        await this.registry.delete(PODS, namespace, p.metadata.name!, { preconditions: { uid: p.metadata.uid } }, c).catch((e) => {
          if ((e as { code?: number }).code !== 404) throw e;
        });
        void this.events.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`);
      }
    } finally {
      // The status is written even when a step failed, as Kubernetes does.
      if (d.statusChanged) await this.registry.update(SETS, namespace, name, (o) => ({ ...o, status: d.status }), 'status', c).catch(() => undefined);
    }
    for (const r of d.deleteRevisions) {
      await this.registry.delete(REVISIONS, namespace, r.metadata.name!, { preconditions: { uid: r.metadata.uid } }, c).catch((e) => {
        if ((e as { code?: number }).code !== 404) throw e;
      });
    }
    return d.requeueAfterSeconds !== undefined ? { requeueAfterMs: Math.ceil(d.requeueAfterSeconds * 1000) } : undefined;
  }
}
