import { findResourceTypeByKind, hpaDecision, hpaRescaleFailed, findResourceType, toScale, type HpaRecommendation, type HpaScaleEvents, type KubeObject, type PodSample } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { MetricsStore } from '../../metrics/metrics-store';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import { objectKeyOf, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';

const HPAS = findResourceType('autoscaling', 'v2', 'horizontalpodautoscalers')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const ctx = () => internalContext('system:serviceaccount:kube-system:horizontal-pod-autoscaler');

/**
 * The HorizontalPodAutoscaler controller: every sync period, hpaDecision (libs/domain)
 * turns the target's pods' CPU use (the samples agents push) into a replica count, which
 * is written through the target's scale, and the HPA's status. Recommendations and scale
 * events (for stabilization windows and rate policies) are kept per HPA in this process,
 * as kube-controller-manager keeps them.
 */
export class HpaController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';
  private readonly memory = new Map<string, { recommendations?: HpaRecommendation[]; scaleEvents?: HpaScaleEvents }>();
  readonly watches = {
    'horizontalpodautoscalers.autoscaling': (c: Change) => {
      if (c.type === 'DELETED') this.memory.delete(objectKeyOf(c.object));
      return c.type === 'ADDED' ? [objectKeyOf(c.object)] : [];
    },
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
    private readonly metrics: MetricsStore,
    private readonly events: EventRecorder,
    private readonly syncMs: number,
  ) {}

  async keys(): Promise<string[]> {
    return (await this.store.list(HPAS)).items.map(objectKeyOf);
  }

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const { namespace, name } = splitKey(key);
    const hpa = await this.store.get({ type: HPAS, namespace, name });
    if (!hpa) return;
    const again = { requeueAfterMs: this.syncMs };
    const ref = (hpa.spec as { scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string } }).scaleTargetRef ?? {};
    const targetType = findResourceTypeByKind(ref.apiVersion ?? '', ref.kind ?? '');
    const target = targetType?.subresources.includes('scale') ? await this.store.get({ type: targetType, namespace, name: ref.name ?? '' }) : undefined;
    if (!targetType || !target) return again;
    const scale = toScale(target) as KubeObject & { spec: { replicas?: number }; status: { selector?: string } };
    const { items: pods } = await this.store.list(PODS, { namespace });
    const samples = await this.metrics.podSamples(pods.map((p) => ({ namespace, name: p.metadata.name! })));
    const usages: Record<string, PodSample | undefined> = Object.fromEntries(pods.map((p, i) => [p.metadata.name!, samples[i]]));
    const kept = this.memory.get(key) ?? {};
    const d = hpaDecision({ hpa: hpa as never, currentReplicas: scale.spec.replicas ?? 0, selector: scale.status.selector, pods: pods as never, usages: usages as never, now: new Date(), recommendations: kept.recommendations, scaleEvents: kept.scaleEvents });
    let status = d.status;
    let statusChanged = d.statusChanged;
    let events = d.events;
    let scaleEvents = d.scaleEvents;
    if (d.scaleTo !== undefined) {
      try {
        await this.registry.update(targetType, namespace, target.metadata.name!, (o) => ({ ...o, spec: { ...(o.spec as object), replicas: d.scaleTo } }), 'main', ctx());
      } catch (e) {
        ({ status, statusChanged, events } = hpaRescaleFailed({ hpa: hpa as never, decision: d, error: (e as Error).message, now: new Date() }));
        scaleEvents = kept.scaleEvents as never;
      }
    }
    this.memory.set(key, { recommendations: d.recommendations, scaleEvents });
    if (statusChanged) await this.registry.update(HPAS, namespace, name, (o) => ({ ...o, status }), 'status', ctx());
    for (const e of events) await this.events.record(hpa, e.type, e.reason, e.message);
    return again;
  }
}
