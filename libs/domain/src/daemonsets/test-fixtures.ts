import type { ControllerRevision } from '../kinds/controller-revision';
import type { DaemonSet } from '../kinds/daemon-set';
import type { Node } from '../kinds/node';
import type { Pod } from '../kinds/pod';
import { applyDefaults } from '../defaults/apply-defaults';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { isPodAvailable } from '../workloads/pod-control';
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
 * `tick` starts pending pods (unless their image is `bad`) and removes terminating ones
 * after `terminatingTicks` ticks.
 */
export class DaemonCluster {
  now = T0;
  pods: Pod[] = [];
  revisions: ControllerRevision[] = [];
  log: string[] = [];
  private seq = 0;
  private terminating = new Map<string, number>();
  /** Lowest number of available pods seen after any change, and highest number of live pods on one node. */
  minAvailable = Number.POSITIVE_INFINITY;
  maxPodsOnNode = 0;

  constructor(public ds: DaemonSet, public nodes: Node[], public terminatingTicks = 0) {}

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
    const stamp = rfc3339(this.now);
    for (const r of d.adoptRevisions) this.replaceRevision({ ...r, metadata: { ...r.metadata, ownerReferences: [d.controllerRef] } });
    if (d.createRevision) {
      if (this.revisions.some((r) => r.metadata.name === d.createRevision!.metadata.name)) throw new Error('revision exists');
      this.revisions.push({ ...structuredClone(d.createRevision), metadata: { ...d.createRevision.metadata, uid: `rev-${++this.seq}`, creationTimestamp: stamp } });
    }
    for (const r of d.updateRevisions) this.replaceRevision(r);
    for (const p of d.relabelPods) this.pods = this.pods.map((x) => (x.metadata.uid === p.metadata.uid ? p : x));
    for (const r of d.duplicateRevisions) this.revisions = this.revisions.filter((x) => x.metadata.name !== r.metadata.name);
    for (const p of d.createPods) {
      const n = ++this.seq;
      const node = daemonPodTargetNode(p)!;
      this.pods.push({
        ...structuredClone(p),
        metadata: { ...p.metadata, name: `${p.metadata.generateName}${n}`, uid: `pod-${n}`, creationTimestamp: stamp },
        spec: { ...p.spec!, nodeName: node },
        status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: stamp }] },
      });
      this.log.push(`+${node}`);
    }
    for (const p of d.deletePods) this.deletePod(p.metadata.uid ?? '');
    for (const r of d.deleteRevisions) this.revisions = this.revisions.filter((x) => x.metadata.name !== r.metadata.name);
    if (d.statusChanged) this.ds = { ...this.ds, status: d.status };
    this.watch();
    return d;
  }

  deletePod(uid: string): void {
    const pod = this.pods.find((p) => p.metadata.uid === uid);
    if (!pod) return;
    this.log.push(`-${pod.spec?.nodeName ?? '?'}`);
    if (this.terminatingTicks > 0) {
      this.pods = this.pods.map((p) => (p.metadata.uid === uid ? { ...p, metadata: { ...p.metadata, deletionTimestamp: rfc3339(this.now) } } : p));
      this.terminating.set(uid, 0);
    } else {
      this.pods = this.pods.filter((p) => p.metadata.uid !== uid);
    }
  }

  setPhase(uid: string, phase: 'Running' | 'Failed'): void {
    const stamp = rfc3339(this.now);
    this.pods = this.pods.map((p) =>
      p.metadata.uid === uid ? { ...p, status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False', lastTransitionTime: stamp }] } } : p,
    );
  }

  tick(seconds = 1): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
    const stamp = rfc3339(this.now);
    this.pods = this.pods.flatMap((p) => {
      if (p.metadata.deletionTimestamp) {
        const n = (this.terminating.get(p.metadata.uid ?? '') ?? 0) + 1;
        this.terminating.set(p.metadata.uid ?? '', n);
        return n >= this.terminatingTicks ? [] : [p];
      }
      if (p.status?.phase !== 'Pending' || p.spec?.containers[0]?.image === 'bad') return [p];
      return [{ ...p, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: stamp }] } }];
    });
    this.watch();
  }

  converge(max = 200): number {
    let quiet = 0;
    for (let i = 1; i <= max; i++) {
      const d = this.reconcile();
      const busy =
        !!d.createRevision ||
        d.updateRevisions.length + d.createPods.length + d.deletePods.length + d.deleteRevisions.length + d.relabelPods.length > 0 ||
        d.statusChanged;
      quiet = busy || this.pods.some((p) => p.status?.phase === 'Pending' || p.metadata.deletionTimestamp) ? 0 : quiet + 1;
      this.tick();
      if (quiet >= 2) return i;
    }
    throw new Error(`no convergence in ${max} rounds`);
  }

  private watch(): void {
    const minReady = this.ds.spec?.minReadySeconds ?? 0;
    const available = this.livePods().filter((p) => isPodAvailable(p, minReady, this.now)).length;
    this.minAvailable = Math.min(this.minAvailable, available);
    for (const n of this.nodes) this.maxPodsOnNode = Math.max(this.maxPodsOnNode, this.livePods(n.metadata.name).length);
  }

  resetWatch(): void {
    this.minAvailable = Number.POSITIVE_INFINITY;
    this.maxPodsOnNode = 0;
  }

  private replaceRevision(rev: ControllerRevision): void {
    this.revisions = this.revisions.map((r) => (r.metadata.name === rev.metadata.name ? rev : r));
  }
}
