import type { ControllerRevision } from '../kinds/controller-revision';
import type { PersistentVolumeClaim } from '../kinds/persistent-volume-claim';
import type { Pod } from '../kinds/pod';
import type { StatefulSet } from '../kinds/stateful-set';
import { applyDefaults } from '../defaults/apply-defaults';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { statefulSetDecision, type StatefulSetDecision } from './stateful-set';

/** Builders and an in-memory namespace for the StatefulSet specs (not exported from the library). */

export const T0 = new Date('2025-01-01T00:00:00Z');

export interface SetOptions {
  replicas?: number;
  image?: string;
  policy?: 'OrderedReady' | 'Parallel';
  strategy?: 'RollingUpdate' | 'OnDelete';
  partition?: number;
  revisionHistoryLimit?: number;
  whenScaled?: 'Retain' | 'Delete';
  whenDeleted?: 'Retain' | 'Delete';
  minReadySeconds?: number;
  claims?: boolean;
}

/** StatefulSet `web` (serviceName `web`, selector app=web, one `data` claim template), defaulted as the API stores it. */
export function makeSet(o: SetOptions = {}): StatefulSet {
  const set: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', generation: 1, creationTimestamp: rfc3339(T0) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      serviceName: 'web',
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: o.image ?? 'web:1.0' }] } },
      podManagementPolicy: o.policy ?? 'OrderedReady',
      updateStrategy:
        (o.strategy ?? 'RollingUpdate') === 'RollingUpdate' ? { type: 'RollingUpdate', rollingUpdate: { partition: o.partition ?? 0 } } : { type: 'OnDelete' },
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: o.whenDeleted ?? 'Retain', whenScaled: o.whenScaled ?? 'Retain' },
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
      ...(o.claims === false
        ? {}
        : { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }),
    },
  };
  applyDefaults('StatefulSet', set);
  return set;
}

/**
 * One namespace run by statefulSetDecision the way the worker will: every reconcile applies
 * the decision's writes; `tick` lets time pass — pending pods start (unless their image is
 * `bad`), terminating pods go after `terminatingTicks` ticks.
 */
export class StatefulCluster {
  now = T0;
  pods: Pod[] = [];
  claims: PersistentVolumeClaim[] = [];
  revisions: ControllerRevision[] = [];
  /** Pod creations and deletions in order, e.g. `+web-0`, `-web-2`. */
  log: string[] = [];
  private seq = 0;
  private terminating = new Map<string, number>();

  constructor(public set: StatefulSet, public terminatingTicks = 0) {}

  private uid(kind: string): string {
    return `${kind}-${++this.seq}`;
  }

  /** Changes the spec as a user's update would (generation + 1). */
  updateSpec(change: (s: StatefulSet) => void): void {
    const s = structuredClone(this.set);
    change(s);
    applyDefaults('StatefulSet', s);
    s.metadata.generation = (s.metadata.generation ?? 1) + 1;
    this.set = s;
  }

  pod(name: string): Pod | undefined {
    return this.pods.find((p) => p.metadata.name === name);
  }

  decide(): StatefulSetDecision {
    return statefulSetDecision({ set: this.set, pods: this.pods, claims: this.claims, revisions: this.revisions, now: this.now });
  }

  reconcile(): StatefulSetDecision {
    const d = this.decide();
    const stamp = rfc3339(this.now);
    for (const r of d.adoptRevisions) this.replaceRevision({ ...r, metadata: { ...r.metadata, ownerReferences: [d.controllerRef] } });
    if (d.createRevision) {
      if (this.revisions.some((r) => r.metadata.name === d.createRevision!.metadata.name)) throw new Error('revision exists');
      this.revisions.push({ ...structuredClone(d.createRevision), metadata: { ...d.createRevision.metadata, uid: this.uid('rev'), creationTimestamp: stamp } });
    }
    for (const r of d.updateRevisions) this.replaceRevision(r);
    for (const p of d.adoptPods) this.replacePod({ ...p, metadata: { ...p.metadata, ownerReferences: [d.controllerRef] } });
    for (const c of d.createClaims) {
      if (this.claims.some((x) => x.metadata.name === c.metadata.name)) continue;
      this.claims.push({ ...structuredClone(c), metadata: { ...c.metadata, uid: this.uid('pvc'), creationTimestamp: stamp }, status: { phase: 'Pending' } });
    }
    for (const c of d.updateClaims) this.claims = this.claims.map((x) => (x.metadata.name === c.metadata.name ? structuredClone(c) : x));
    for (const p of d.createPods) {
      if (this.pod(p.metadata.name ?? '')) throw new Error(`pod ${p.metadata.name} exists`);
      this.pods.push({
        ...structuredClone(p),
        metadata: { ...p.metadata, uid: this.uid('pod'), creationTimestamp: stamp },
        status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: stamp }] },
      });
      this.log.push(`+${p.metadata.name}`);
    }
    for (const p of d.updatePods) this.replacePod(p);
    for (const p of d.deletePods) this.deletePod(p.metadata.name ?? '');
    if (d.statusChanged) this.set = { ...this.set, status: d.status };
    for (const r of d.deleteRevisions) this.revisions = this.revisions.filter((x) => x.metadata.uid !== r.metadata.uid);
    return d;
  }

  /** A delete through the API: graceful (terminating) when terminatingTicks > 0, else gone at once. */
  deletePod(name: string): void {
    const pod = this.pod(name);
    if (!pod) return;
    this.log.push(`-${name}`);
    if (this.terminatingTicks > 0) {
      if (!pod.metadata.deletionTimestamp) this.replacePod({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: rfc3339(this.now) } });
      this.terminating.set(pod.metadata.uid ?? '', 0);
    } else {
      this.pods = this.pods.filter((p) => p.metadata.name !== name);
    }
  }

  /** Marks a pod as its kubelet would report it. */
  setPhase(name: string, phase: 'Running' | 'Failed' | 'Pending', ready = phase === 'Running'): void {
    const pod = this.pod(name)!;
    const stamp = rfc3339(this.now);
    this.replacePod({ ...pod, status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: stamp }] } });
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
  }

  /** Reconcile and tick until two quiet rounds; the number of rounds. */
  converge(max = 100): number {
    let quiet = 0;
    for (let i = 1; i <= max; i++) {
      const d = this.reconcile();
      const busy =
        !!d.createRevision ||
        d.updateRevisions.length + d.createClaims.length + d.updateClaims.length + d.createPods.length + d.updatePods.length + d.deletePods.length + d.deleteRevisions.length > 0 ||
        d.statusChanged;
      quiet = busy || this.pods.some((p) => p.status?.phase === 'Pending' || p.metadata.deletionTimestamp) ? 0 : quiet + 1;
      this.tick();
      if (quiet >= 2) return i;
    }
    throw new Error(`no convergence in ${max} rounds`);
  }

  private replacePod(pod: Pod): void {
    this.pods = this.pods.map((p) => (p.metadata.name === pod.metadata.name ? pod : p));
  }

  private replaceRevision(rev: ControllerRevision): void {
    this.revisions = this.revisions.map((r) => (r.metadata.name === rev.metadata.name ? rev : r));
  }
}
