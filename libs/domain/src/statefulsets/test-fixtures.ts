import type { PersistentVolumeClaim } from '../kinds/persistent-volume-claim';
import type { Pod } from '../kinds/pod';
import type { StatefulSet } from '../kinds/stateful-set';
import { applyDefaults } from '../defaults/apply-defaults';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { SimulatedPods } from '../workloads/simulated-pods';
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

/** One namespace run by statefulSetDecision the way the worker will (the pod simulation is SimulatedPods'). */
export class StatefulCluster extends SimulatedPods<StatefulSetDecision> {
  claims: PersistentVolumeClaim[] = [];

  constructor(public set: StatefulSet, terminatingTicks = 0) {
    super(terminatingTicks);
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
    this.applyRevisionWrites(d);
    for (const p of d.adoptPods) this.replacePod({ ...p, metadata: { ...p.metadata, ownerReferences: [d.controllerRef] } });
    for (const c of d.createClaims) {
      if (this.claims.some((x) => x.metadata.name === c.metadata.name)) continue;
      this.claims.push({ ...structuredClone(c), metadata: { ...c.metadata, uid: this.uid('pvc'), creationTimestamp: stamp }, status: { phase: 'Pending' } });
    }
    for (const c of d.updateClaims) this.claims = this.claims.map((x) => (x.metadata.name === c.metadata.name ? structuredClone(c) : x));
    for (const p of d.createPods) {
      if (this.pod(p.metadata.name ?? '')) throw new Error(`pod ${p.metadata.name} exists`);
      this.addPod(p);
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
    this.terminate(pod);
  }

  /** Marks a pod as its kubelet would report it. */
  setPhase(name: string, phase: 'Running' | 'Failed' | 'Pending', ready = phase === 'Running'): void {
    this.reportPhase(this.pod(name)!, phase, ready);
  }

  protected busy(d: StatefulSetDecision): boolean {
    return (
      !!d.createRevision ||
      d.updateRevisions.length + d.createClaims.length + d.updateClaims.length + d.createPods.length + d.updatePods.length + d.deletePods.length + d.deleteRevisions.length > 0 ||
      d.statusChanged
    );
  }
}
