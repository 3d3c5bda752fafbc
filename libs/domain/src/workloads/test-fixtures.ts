import type { LabelSelector } from '../kinds/common';
import type { Deployment } from '../kinds/deployment';
import type { Pod } from '../kinds/pod';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { ReplicaSet } from '../kinds/replica-set';
import type { OwnerReference } from '../meta/types';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { deploymentDecision, type DeploymentDecision } from './deployment';
import { isPodActive, isPodAvailable } from './pod-control';
import { replicaSetDecision } from './replica-set';

/** Builders and a tiny in-memory cluster for the workload controller tests (not exported from the lib). */

export const T0 = new Date('2025-01-01T00:00:00Z');

export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

export interface PodOptions {
  uid?: string;
  labels?: Record<string, string>;
  owner?: OwnerReference;
  phase?: string;
  /** Seconds after T0 when it turned ready; undefined = not ready. */
  readyAt?: number;
  node?: string;
  createdAt?: number;
  restarts?: number;
  deleting?: boolean;
  namespace?: string;
  annotations?: Record<string, string>;
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? `uid-${name}`,
      creationTimestamp: rfc3339(at(o.createdAt ?? 0)),
      labels: o.labels ?? { app: 'web' },
    },
    spec: { containers: [{ name: 'c', image: 'web:1.0' }], ...(o.node !== '' ? { nodeName: o.node ?? 'node-1' } : {}) },
    status: {
      phase: o.phase ?? (o.readyAt !== undefined ? 'Running' : 'Pending'),
      conditions: [
        o.readyAt !== undefined
          ? { type: 'Ready', status: 'True', lastTransitionTime: rfc3339(at(o.readyAt)) }
          : { type: 'Ready', status: 'False', lastTransitionTime: rfc3339(at(o.createdAt ?? 0)) },
      ],
      containerStatuses: [{ name: 'c', ready: o.readyAt !== undefined, restartCount: o.restarts ?? 0, image: 'web:1.0', imageID: '' }],
    },
  };
  if (o.owner) pod.metadata.ownerReferences = [o.owner];
  if (o.deleting) pod.metadata.deletionTimestamp = rfc3339(at(0));
  if (o.annotations) pod.metadata.annotations = o.annotations;
  return pod;
}

export function template(image: string, labels: Record<string, string> = { app: 'web' }, annotations?: Record<string, string>): PodTemplateSpec {
  return {
    metadata: { labels: { ...labels }, ...(annotations ? { annotations } : {}) },
    spec: { containers: [{ name: 'c', image }], restartPolicy: 'Always' },
  };
}

export function makeReplicaSet(
  name: string,
  replicas: number,
  o: { selector?: LabelSelector; labels?: Record<string, string>; minReadySeconds?: number; generation?: number } = {},
): ReplicaSet {
  const labels = o.labels ?? { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: o.generation ?? 1, creationTimestamp: rfc3339(T0), labels },
    spec: {
      replicas,
      selector: o.selector ?? { matchLabels: { ...labels } },
      template: template('web:1.0', labels),
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
    },
    status: { replicas: 0 },
  };
}

export function makeDeployment(o: {
  replicas?: number;
  image?: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  strategy?: 'RollingUpdate' | 'Recreate';
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
} = {}): Deployment {
  const strategy = o.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy-web', generation: 1, creationTimestamp: rfc3339(T0) },
    spec: {
      replicas: o.replicas ?? 10,
      selector: { matchLabels: { app: 'web' } },
      template: template(o.image ?? 'web:1.0'),
      strategy:
        strategy === 'RollingUpdate'
          ? { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } }
          : { type: 'Recreate' },
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
    },
  };
}

/** What the bounds watcher saw. */
export interface Watch {
  maxActive: number;
  minAvailable: number;
  violations: string[];
}

/**
 * A namespace with one Deployment, its ReplicaSets and pods, run by the two decisions the
 * way the workers will: apply each decision's writes, then let time pass. Pods whose image
 * is `bad` never become ready; deleted pods linger as terminating for `terminatingSteps` ticks.
 */
export class Cluster {
  now = T0;
  rss: ReplicaSet[] = [];
  pods: Pod[] = [];
  events: string[] = [];
  private seq = 0;
  private terminatingSince = new Map<string, number>();
  watch: Watch = { maxActive: 0, minAvailable: Number.POSITIVE_INFINITY, violations: [] };
  /** When set, the bounds checked after every change: [max total pods, min available pods]. */
  bounds?: [number, number];

  constructor(public deployment: Deployment, public terminatingSteps = 0) {}

  private nextUid(kind: string): string {
    return `${kind}-${++this.seq}`;
  }

  /** Changes the Deployment's spec as a user's update would (generation + 1). */
  updateSpec(change: (d: Deployment) => void): void {
    const d = structuredClone(this.deployment);
    change(d);
    d.metadata.generation = (d.metadata.generation ?? 1) + 1;
    this.deployment = d;
  }

  reconcileDeployment(): DeploymentDecision {
    const dec = deploymentDecision({ deployment: this.deployment, replicaSets: this.rss, pods: this.pods, now: this.now });
    if (dec.createReplicaSet) {
      const rs = structuredClone(dec.createReplicaSet);
      rs.metadata.uid = this.nextUid('rs');
      rs.metadata.creationTimestamp = rfc3339(this.now);
      rs.metadata.generation = 1;
      rs.status = { replicas: 0 };
      this.rss.push(rs);
    }
    for (const u of dec.updateReplicaSets) {
      const i = this.rss.findIndex((r) => r.metadata.name === u.metadata.name);
      const old = this.rss[i];
      const next = structuredClone(u);
      next.status = old.status;
      if (JSON.stringify(old.spec) !== JSON.stringify(u.spec)) next.metadata.generation = (old.metadata.generation ?? 1) + 1;
      this.rss[i] = next;
    }
    for (const del of dec.deleteReplicaSets) this.rss = this.rss.filter((r) => r.metadata.name !== del.metadata.name);
    if (dec.deploymentAnnotations) this.deployment = { ...this.deployment, metadata: { ...this.deployment.metadata, annotations: dec.deploymentAnnotations } };
    if (dec.statusChanged) this.deployment = { ...this.deployment, status: dec.status };
    this.events.push(...dec.events.map((e) => e.message));
    this.check('after deployment reconcile');
    return dec;
  }

  /** Runs the ReplicaSet controller over every ReplicaSet (or those `which` picks); how many writes it made. */
  reconcileReplicaSets(which: (rs: ReplicaSet) => boolean = () => true): number {
    let actions = 0;
    for (let i = 0; i < this.rss.length; i++) {
      const rs = this.rss[i];
      if (!which(rs)) continue;
      const dec = replicaSetDecision({ rs, pods: this.pods, now: this.now });
      for (let n = 0; n < dec.create; n++) {
        const pod = structuredClone(dec.podTemplate);
        pod.metadata.name = `${pod.metadata.generateName}${++this.seq}`;
        pod.metadata.uid = this.nextUid('pod');
        pod.metadata.creationTimestamp = rfc3339(this.now);
        pod.spec = { ...pod.spec!, nodeName: 'node-1' };
        pod.status = { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: rfc3339(this.now) }] };
        this.pods.push(pod);
      }
      for (const victim of dec.delete) {
        if (this.terminatingSteps > 0) {
          this.pods = this.pods.map((p) => (p.metadata.uid === victim.metadata.uid ? { ...p, metadata: { ...p.metadata, deletionTimestamp: rfc3339(this.now) } } : p));
          this.terminatingSince.set(victim.metadata.uid ?? '', 0);
        } else {
          this.pods = this.pods.filter((p) => p.metadata.uid !== victim.metadata.uid);
        }
      }
      actions += dec.create + dec.delete.length + (dec.statusChanged ? 1 : 0) + (dec.requeueAfterSeconds !== undefined ? 1 : 0);
      if (dec.statusChanged) this.rss[i] = { ...rs, status: dec.status };
      this.check(`after ReplicaSet ${rs.metadata.name} reconcile`);
    }
    return actions;
  }

  /** Time passes: pods created earlier become ready (unless their image is bad), terminating ones go away. */
  tick(seconds = 1): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
    const stamp = rfc3339(this.now);
    this.pods = this.pods.flatMap((p) => {
      if (p.metadata.deletionTimestamp) {
        const steps = (this.terminatingSince.get(p.metadata.uid ?? '') ?? 0) + 1;
        this.terminatingSince.set(p.metadata.uid ?? '', steps);
        return steps >= this.terminatingSteps ? [] : [p];
      }
      if (p.status?.phase === 'Running' || p.spec?.containers[0]?.image === 'bad') return [p];
      return [{ ...p, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: stamp }] } }];
    });
    this.check('after tick');
  }

  activePods(): Pod[] {
    return this.pods.filter(isPodActive);
  }

  availablePods(): Pod[] {
    return this.activePods().filter((p) => isPodAvailable(p, this.deployment.spec?.minReadySeconds ?? 0, this.now));
  }

  rs(name: string): ReplicaSet | undefined {
    return this.rss.find((r) => r.metadata.name === name);
  }

  private check(when: string): void {
    const active = this.activePods().length;
    const available = this.availablePods().length;
    this.watch.maxActive = Math.max(this.watch.maxActive, active);
    this.watch.minAvailable = Math.min(this.watch.minAvailable, available);
    if (!this.bounds) return;
    const [maxTotal, minAvailable] = this.bounds;
    if (active > maxTotal) this.watch.violations.push(`${when}: ${active} pods > ${maxTotal}`);
    if (available < minAvailable) this.watch.violations.push(`${when}: ${available} available < ${minAvailable}`);
  }

  /** One round of both controllers and a tick; true when nothing changed. */
  step(deploymentReconciles = 1): boolean {
    let quiet = true;
    for (let i = 0; i < deploymentReconciles; i++) {
      const dec = this.reconcileDeployment();
      const pending = dec.requeueAfterSeconds !== undefined;
      if (dec.createReplicaSet || dec.updateReplicaSets.length || dec.deleteReplicaSets.length || dec.statusChanged || dec.deploymentAnnotations || pending) quiet = false;
    }
    if (this.reconcileReplicaSets() > 0) quiet = false;
    this.tick();
    return quiet;
  }

  /** Steps until two quiet rounds in a row; the number of steps taken. */
  converge(maxSteps = 200, deploymentReconciles = 1): number {
    let quietRounds = 0;
    for (let i = 1; i <= maxSteps; i++) {
      quietRounds = this.step(deploymentReconciles) ? quietRounds + 1 : 0;
      if (quietRounds >= 2) return i;
    }
    throw new Error(`no convergence in ${maxSteps} steps`);
  }

  /** Resets the watcher (e.g. after the initial rollout) with new bounds. */
  startWatching(bounds: [number, number]): void {
    this.bounds = bounds;
    this.watch = { maxActive: 0, minAvailable: Number.POSITIVE_INFINITY, violations: [] };
  }
}
