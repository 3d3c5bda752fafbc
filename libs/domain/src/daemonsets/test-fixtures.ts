import type { DaemonSet } from '../kinds/daemon-set';
import type { Node } from '../kinds/node';
import type { Pod } from '../kinds/pod';
import { applyDefaults } from '../defaults/apply-defaults';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { isPodAvailable } from '../workloads/pod-control';
import { SimulatedPods } from '../workloads/simulated-pods';
import { daemonSetDecision, type DaemonSetDecision } from './daemon-set';
import { daemonPodTargetNode } from './daemon-set-pods';

/** Builders and an in-memory cluster for the DaemonSet specs (not exported from the library). */

export const T0 = new Date('2025-01-01T00:00:00Z');

export interface DaemonSetOptions {
  image?: string;
  strategy?: 'RollingUpdate' | 'OnDelete';
  maxUnavailable?: number | string;
  maxSurge?: number | string;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  nodeSelector?: Record<string, string>;
}

/** DaemonSet `agent` (selector app=agent), defaulted as the API stores it. */
export function makeDaemonSet(o: DaemonSetOptions = {}): DaemonSet {
  const ds: DaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'uid-agent', generation: 1, creationTimestamp: rfc3339(T0) },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'c', image: o.image ?? 'agent:1.0' }], ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}) },
      },
      updateStrategy:
        (o.strategy ?? 'RollingUpdate') === 'RollingUpdate'
          ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: o.maxUnavailable ?? 1, maxSurge: o.maxSurge ?? 0 } }
          : { type: 'OnDelete' },
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
    },
  };
  applyDefaults('DaemonSet', ds);
  return ds;
}

/**
 * Nodes, the DaemonSet's pods and revisions, run by daemonSetDecision the way the worker will.
 * Created pods are bound at once to the node their affinity names (the scheduler's part);
 * the rest of the simulation is SimulatedPods'.
 */
export class DaemonCluster extends SimulatedPods<DaemonSetDecision> {
  /** Lowest number of available pods seen after any change, and highest number of live pods on one node. */
  minAvailable = Number.POSITIVE_INFINITY;
  maxPodsOnNode = 0;

  constructor(public ds: DaemonSet, public nodes: Node[], terminatingTicks = 0) {
    super(terminatingTicks);
  }

  updateSpec(change: (ds: DaemonSet) => void): void {
    const ds = structuredClone(this.ds);
    change(ds);
    applyDefaults('DaemonSet', ds);
    ds.metadata.generation = (ds.metadata.generation ?? 1) + 1;
    this.ds = ds;
  }

  decide(): DaemonSetDecision {
    return daemonSetDecision({ ds: this.ds, nodes: this.nodes, pods: this.pods, revisions: this.revisions, now: this.now });
  }

  livePods(node?: string): Pod[] {
    return this.pods.filter((p) => !p.metadata.deletionTimestamp && (node === undefined || p.spec?.nodeName === node));
  }

  reconcile(): DaemonSetDecision {
    const d = this.decide();
    this.applyRevisionWrites(d);
    for (const p of d.relabelPods) this.replacePod(p);
    for (const r of d.duplicateRevisions) this.revisions = this.revisions.filter((x) => x.metadata.name !== r.metadata.name);
    for (const p of d.createPods) {
      const node = daemonPodTargetNode(p)!;
      this.addPod(p, { spec: { ...p.spec!, nodeName: node } });
      this.log.push(`+${node}`);
    }
    for (const p of d.deletePods) this.deletePod(p.metadata.uid ?? '');
    for (const r of d.deleteRevisions) this.revisions = this.revisions.filter((x) => x.metadata.name !== r.metadata.name);
    if (d.statusChanged) this.ds = { ...this.ds, status: d.status };
    this.afterTick();
    return d;
  }

  deletePod(uid: string): void {
    const pod = this.pods.find((p) => p.metadata.uid === uid);
    if (!pod) return;
    this.log.push(`-${pod.spec?.nodeName ?? '?'}`);
    this.terminate(pod);
  }

  setPhase(uid: string, phase: 'Running' | 'Failed'): void {
    this.reportPhase(this.pods.find((p) => p.metadata.uid === uid)!, phase);
  }

  override converge(max = 200): number {
    return super.converge(max);
  }

  protected busy(d: DaemonSetDecision): boolean {
    return !!d.createRevision || d.updateRevisions.length + d.createPods.length + d.deletePods.length + d.deleteRevisions.length + d.relabelPods.length > 0 || d.statusChanged;
  }

  /** Watches availability and pods per node after every change. */
  protected override afterTick(): void {
    const minReady = this.ds.spec?.minReadySeconds ?? 0;
    const available = this.livePods().filter((p) => isPodAvailable(p, minReady, this.now)).length;
    this.minAvailable = Math.min(this.minAvailable, available);
    for (const n of this.nodes) this.maxPodsOnNode = Math.max(this.maxPodsOnNode, this.livePods(n.metadata.name).length);
  }

  resetWatch(): void {
    this.minAvailable = Number.POSITIVE_INFINITY;
    this.maxPodsOnNode = 0;
  }
}
