import type { ControllerRevision } from '../kinds/controller-revision';
import type { OwnerReference } from '../meta/types';
import type { Pod } from '../kinds/pod';
import { rfc3339 } from '../lifecycle/object-lifecycle';

/** The revision writes StatefulSet and DaemonSet decisions share. */
export interface RevisionWrites {
  controllerRef: OwnerReference;
  adoptRevisions: readonly ControllerRevision[];
  createRevision?: ControllerRevision;
  updateRevisions: readonly ControllerRevision[];
}

/**
 * The part of a spec's in-memory cluster that plays kubelet and API for pods and
 * ControllerRevisions (not exported from the library): `tick` lets time pass — pending
 * pods start unless their image is `bad`, terminating pods go after `terminatingTicks`
 * ticks — and `converge` reconciles and ticks until two quiet rounds.
 */
export abstract class SimulatedPods<Decision> {
  now = new Date('2025-01-01T00:00:00Z');
  pods: Pod[] = [];
  revisions: ControllerRevision[] = [];
  /** Pod creations and deletions in order, e.g. `+web-0`, `-node-2`. */
  log: string[] = [];
  private seq = 0;
  private readonly terminating = new Map<string, number>();

  constructor(public terminatingTicks = 0) {}

  abstract reconcile(): Decision;
  /** Whether a decision wrote anything. */
  protected abstract busy(d: Decision): boolean;
  /** Called after every tick. */
  protected afterTick(): void {}

  protected uid(kind: string): string {
    return `${kind}-${++this.seq}`;
  }

  protected applyRevisionWrites(d: RevisionWrites): void {
    for (const r of d.adoptRevisions) this.replaceRevision({ ...r, metadata: { ...r.metadata, ownerReferences: [d.controllerRef] } });
    if (d.createRevision) {
      if (this.revisions.some((r) => r.metadata.name === d.createRevision!.metadata.name)) throw new Error('revision exists');
      this.revisions.push({ ...structuredClone(d.createRevision), metadata: { ...d.createRevision.metadata, uid: this.uid('rev'), creationTimestamp: rfc3339(this.now) } });
    }
    for (const r of d.updateRevisions) this.replaceRevision(r);
  }

  /** A pod as the API stores a new one: uid, creation time, Pending and not ready. */
  protected addPod(p: Pod, changes: Partial<Pod> = {}): Pod {
    const stamp = rfc3339(this.now);
    const uid = this.uid('pod');
    const name = p.metadata.name || `${p.metadata.generateName}${uid.slice('pod-'.length)}`;
    const pod: Pod = {
      ...structuredClone(p),
      ...changes,
      metadata: { ...p.metadata, name, uid, creationTimestamp: stamp },
      status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: stamp }] },
    };
    this.pods.push(pod);
    return pod;
  }

  /** A delete through the API: graceful (terminating) when terminatingTicks > 0, else gone at once. */
  protected terminate(pod: Pod): void {
    const uid = pod.metadata.uid ?? '';
    if (this.terminatingTicks > 0) {
      if (!pod.metadata.deletionTimestamp) this.replacePod({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: rfc3339(this.now) } });
      this.terminating.set(uid, 0);
    } else {
      this.pods = this.pods.filter((p) => p.metadata.uid !== uid);
    }
  }

  /** Marks a pod as its kubelet would report it. */
  protected reportPhase(pod: Pod, phase: 'Running' | 'Failed' | 'Pending', ready = phase === 'Running'): void {
    this.replacePod({ ...pod, status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(this.now) }] } });
  }

  protected replacePod(pod: Pod): void {
    this.pods = this.pods.map((p) => (p.metadata.uid === pod.metadata.uid ? pod : p));
  }

  protected replaceRevision(rev: ControllerRevision): void {
    this.revisions = this.revisions.map((r) => (r.metadata.name === rev.metadata.name ? rev : r));
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
    this.afterTick();
  }

  /** Reconcile and tick until two quiet rounds; the number of rounds. */
  converge(max = 100): number {
    let quiet = 0;
    for (let i = 1; i <= max; i++) {
      const d = this.reconcile();
      quiet = this.busy(d) || this.pods.some((p) => p.status?.phase === 'Pending' || p.metadata.deletionTimestamp) ? 0 : quiet + 1;
      this.tick();
      if (quiet >= 2) return i;
    }
    throw new Error(`no convergence in ${max} rounds`);
  }
}
