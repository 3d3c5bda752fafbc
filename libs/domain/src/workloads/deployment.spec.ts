import type { Deployment } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import { createFailureStatus, deploymentDecision } from './deployment';
import { resolveFenceposts } from './deployment-fenceposts';
import {
  CHANGE_CAUSE_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  RESTARTED_AT_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  skipCopyAnnotation,
} from './deployment-revisions';
import { newControllerRef } from './pod-control';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from './pod-template-hash';
import { at, Cluster, makeDeployment, makeReplicaSet, template } from './test-fixtures';

const DEPLOY_GVK = { apiVersion: 'apps/v1', kind: 'Deployment' };

function progressing(d: Deployment) {
  return d.status?.conditions?.find((c) => c.type === 'Progressing');
}

function rsFor(c: Cluster, image: string): ReplicaSet | undefined {
  return c.rss.find((rs) => rs.spec?.template?.spec?.containers[0].image === image);
}

function setImage(c: Cluster, image: string, cause?: string): void {
  c.updateSpec((d) => {
    d.spec!.template!.spec!.containers[0].image = image;
    if (cause) d.metadata.annotations = { ...d.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause };
  });
}

/** What `kubectl rollout undo --to-revision=N` does: patch the template (and annotations) from that revision's ReplicaSet. */
function rolloutUndo(c: Cluster, revision: string): void {
  const rs = c.rss.find((r) => r.metadata.annotations?.[REVISION_ANNOTATION] === revision)!;
  c.updateSpec((d) => {
    const t = structuredClone(rs.spec!.template!);
    delete t.metadata!.labels![POD_TEMPLATE_HASH_LABEL];
    d.spec!.template = t;
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) annotations[k] = v;
    d.metadata.annotations = annotations;
  });
}

/** `kubectl rollout status` success: observed, all updated, no old pods, all available. */
function rolloutComplete(d: Deployment): boolean {
  const s = d.status ?? {};
  const replicas = d.spec?.replicas ?? 1;
  return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && (s.updatedReplicas ?? 0) >= replicas && (s.replicas ?? 0) <= (s.updatedReplicas ?? 0) && (s.availableReplicas ?? 0) >= (s.updatedReplicas ?? 0);
}

function started(opts: Parameters<typeof makeDeployment>[0] = {}, terminatingSteps = 0): Cluster {
  const c = new Cluster(makeDeployment(opts), terminatingSteps);
  c.converge();
  return c;
}

describe('deploymentDecision: first rollout', () => {
  it('creates revision 1 with the hash label, owner reference and replica annotations, and settles', () => {
    const c = new Cluster(makeDeployment({ replicas: 3 }));
    const first = c.reconcileDeployment();
    const hash = podTemplateHash(makeDeployment().spec!.template);
    expect(first.createReplicaSet).toMatchObject({
      metadata: {
        name: `web-${hash}`,
        namespace: 'default',
        labels: { app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash },
        ownerReferences: [newControllerRef(c.deployment, DEPLOY_GVK)],
        annotations: { [REVISION_ANNOTATION]: '1', [DESIRED_REPLICAS_ANNOTATION]: '3', [MAX_REPLICAS_ANNOTATION]: '4' },
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash } },
        template: { metadata: { labels: { app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash } } },
      },
    });
    expect(first.deploymentAnnotations).toEqual({ [REVISION_ANNOTATION]: '1' });
    expect(first.events).toEqual([{ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set web-${hash} to 3` }]);
    expect(progressing(c.deployment)).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "web-${hash}"` });
    c.converge();
    expect(c.activePods()).toHaveLength(3);
    expect(c.deployment.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(c.deployment.status?.unavailableReplicas).toBeUndefined();
    expect(progressing(c.deployment)).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
    expect(rolloutComplete(c.deployment)).toBe(true);
  });

  it('decides nothing more once converged (level-triggered, idempotent)', () => {
    const c = started();
    const again = deploymentDecision({ deployment: c.deployment, replicaSets: c.rss, pods: c.pods, now: c.now });
    expect(again).toMatchObject({ updateReplicaSets: [], deleteReplicaSets: [], scales: [], statusChanged: false, events: [] });
    expect(again.createReplicaSet).toBeUndefined();
    expect(again.deploymentAnnotations).toBeUndefined();
    expect(again.requeueAfterSeconds).toBeUndefined();
  });
});

describe('deploymentDecision: RollingUpdate keeps maxSurge and maxUnavailable at every moment', () => {
  const cases: [string | number, string | number, number][] = [
    ['25%', '25%', 1],
    [0, 1, 1],
    ['100%', 0, 1],
    [3, 2, 1],
    ['25%', '25%', 3], // the Deployment controller runs several times before the ReplicaSet controller catches up
    [0, 1, 3],
  ];
  it.each(cases)('maxSurge %p, maxUnavailable %p (%p deployment reconciles per step)', (maxSurge, maxUnavailable, reconciles) => {
    const c = started({ replicas: 10, maxSurge, maxUnavailable });
    const oldRS = rsFor(c, 'web:1.0')!;
    expect(oldRS.metadata.annotations?.[REVISION_ANNOTATION]).toBe('1');
    const { maxSurge: surge, maxUnavailable: unavailable } = resolveFenceposts(maxSurge, maxUnavailable, 10);
    c.startWatching([10 + surge, 10 - unavailable]);

    setImage(c, 'web:2.0');
    const steps = c.converge(200, reconciles);

    expect(c.watch.violations).toEqual([]);
    if (reconciles === 1) {
      // The surge and the unavailability budget were used, not just respected.
      expect(c.watch.maxActive).toBe(10 + surge);
      expect(c.watch.minAvailable).toBe(10 - unavailable);
    }
    expect(steps).toBeGreaterThan(2);
    const newRS = rsFor(c, 'web:2.0')!;
    expect(newRS.spec?.replicas).toBe(10);
    expect(c.rs(oldRS.metadata.name!)?.spec?.replicas).toBe(0);
    expect(c.activePods()).toHaveLength(10);
    expect(c.activePods().every((p) => p.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === newRS.metadata.labels?.[POD_TEMPLATE_HASH_LABEL])).toBe(true);
    expect(newRS.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
    expect(c.deployment.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
    expect(c.deployment.status).toMatchObject({ observedGeneration: 2, replicas: 10, updatedReplicas: 10, availableReplicas: 10, readyReplicas: 10 });
    expect(progressing(c.deployment)?.reason).toBe('NewReplicaSetAvailable');
    expect(rolloutComplete(c.deployment)).toBe(true);
  });

  it.each([
    ['25%', '25%'],
    [0, 1],
    ['100%', 0],
    [1, '50%'],
  ])('holds maxSurge %p / maxUnavailable %p whatever order and pace the controllers run at', (maxSurge, maxUnavailable) => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const c = started({ replicas: 8, maxSurge, maxUnavailable }, 1);
    const { maxSurge: surge, maxUnavailable: unavailable } = resolveFenceposts(maxSurge, maxUnavailable, 8);
    c.startWatching([8 + surge, 8 - unavailable]);
    setImage(c, 'web:2.0');
    for (let i = 0; i < 400 && !rolloutComplete(c.deployment); i++) {
      const r = random();
      if (r < 0.4) c.reconcileDeployment();
      else if (r < 0.8) c.reconcileReplicaSets(() => random() < 0.5);
      else c.tick();
    }
    c.converge();
    expect(c.watch.violations).toEqual([]);
    expect(rolloutComplete(c.deployment)).toBe(true);
    expect(c.activePods().every((p) => p.spec?.containers[0].image === 'web:2.0')).toBe(true);
  });

  it('steps as Kubernetes does for 10 replicas at 25%/25%', () => {
    const c = started({ replicas: 10 });
    setImage(c, 'web:2.0');
    const first = c.reconcileDeployment();
    const newName = first.createReplicaSet!.metadata.name!;
    const oldName = rsFor(c, 'web:1.0')!.metadata.name!;
    // Created with the 3 surge pods, and the old one scaled down by maxUnavailable in the same reconcile.
    expect(first.scales).toEqual([
      { name: newName, from: 0, to: 3 },
      { name: oldName, from: 10, to: 8 },
    ]);
    expect(first.events.map((e) => e.message)).toEqual([`Scaled up replica set ${newName} to 3`, `Scaled down replica set ${oldName} to 8 from 10`]);
    expect(first.updateReplicaSets[0].metadata.annotations).toMatchObject({ [DESIRED_REPLICAS_ANNOTATION]: '10', [MAX_REPLICAS_ANNOTATION]: '13' });
    expect(first.status).toMatchObject({ observedGeneration: 2, replicas: 10 });
    expect(first.status.updatedReplicas).toBeUndefined();
    expect(progressing(c.deployment)?.reason).toBe('NewReplicaSetCreated');
    // Nothing more until the ReplicaSet controller acts.
    expect(c.reconcileDeployment().scales).toEqual([]);
  });

  it('scales the new ReplicaSet down at once if it has more than replicas', () => {
    const c = started({ replicas: 10 });
    c.updateSpec((d) => (d.spec!.replicas = 10));
    const rs = rsFor(c, 'web:1.0')!;
    const bigger = { ...rs, spec: { ...rs.spec, replicas: 12 } };
    c.rss = c.rss.map((r) => (r === rs ? bigger : r));
    expect(c.reconcileDeployment().scales).toEqual([{ name: rs.metadata.name, from: 12, to: 10 }]);
  });
});

describe('deploymentDecision: Recreate', () => {
  it('scales the old ReplicaSet to 0, waits for its pods to be gone, then creates the new one at full size', () => {
    const c = started({ replicas: 4, strategy: 'Recreate' }, 2);
    const oldName = rsFor(c, 'web:1.0')!.metadata.name!;
    setImage(c, 'web:2.0');

    const down = c.reconcileDeployment();
    expect(down.scales).toEqual([{ name: oldName, from: 4, to: 0 }]);
    expect(down.createReplicaSet).toBeUndefined();
    c.reconcileReplicaSets();
    expect(c.pods.every((p) => p.metadata.deletionTimestamp)).toBe(true);

    // Old pods still terminating: no new ReplicaSet yet.
    expect(c.reconcileDeployment().createReplicaSet).toBeUndefined();
    c.tick();
    expect(c.pods).toHaveLength(4);
    expect(c.reconcileDeployment().createReplicaSet).toBeUndefined();
    c.tick();
    expect(c.pods).toHaveLength(0);
    // Still waiting until the old ReplicaSet's status says it has no pods.
    expect(c.reconcileDeployment().createReplicaSet).toBeUndefined();
    c.reconcileReplicaSets();

    const up = c.reconcileDeployment();
    expect(up.createReplicaSet?.spec?.replicas).toBe(4);
    expect(up.createReplicaSet?.metadata.annotations).toMatchObject({ [REVISION_ANNOTATION]: '2', [MAX_REPLICAS_ANNOTATION]: '4' });
    c.converge();
    expect(c.activePods()).toHaveLength(4);
    expect(c.activePods().every((p) => p.spec?.containers[0].image === 'web:2.0')).toBe(true);
    expect(rolloutComplete(c.deployment)).toBe(true);
  });

  it('never runs old and new pods together', () => {
    const c = started({ replicas: 5, strategy: 'Recreate' }, 1);
    setImage(c, 'web:2.0');
    for (let i = 0; i < 30; i++) {
      c.step();
      const images = new Set(c.pods.map((p) => p.spec?.containers[0].image));
      expect(images.size).toBeLessThanOrEqual(1);
    }
    expect(c.activePods().map((p) => p.spec?.containers[0].image)).toEqual(Array(5).fill('web:2.0'));
  });
});

describe('deploymentDecision: revisions, history and undo', () => {
  it('copies kubernetes.io/change-cause to the new ReplicaSet (kubectl rollout history)', () => {
    const c = started({ replicas: 2 });
    setImage(c, 'web:2.0', 'kubectl set image deployment/web c=web:2.0');
    c.converge();
    expect(rsFor(c, 'web:2.0')?.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]).toBe('kubectl set image deployment/web c=web:2.0');
    expect(rsFor(c, 'web:1.0')?.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]).toBeUndefined();
  });

  it('undo brings back the old ReplicaSet under the next revision, recording the one it had', () => {
    const c = started({ replicas: 4 });
    setImage(c, 'web:2.0', 'v2');
    c.converge();
    const rsA = rsFor(c, 'web:1.0')!;
    const rsB = rsFor(c, 'web:2.0')!;
    expect(rsA.spec?.replicas).toBe(0);
    c.startWatching([5, 3]);

    rolloutUndo(c, '1');
    const dec = c.reconcileDeployment();
    expect(dec.createReplicaSet).toBeUndefined();
    const updatedA = dec.updateReplicaSets.find((rs) => rs.metadata.name === rsA.metadata.name)!;
    expect(updatedA.metadata.annotations).toMatchObject({ [REVISION_ANNOTATION]: '3', [REVISION_HISTORY_ANNOTATION]: '1' });
    expect(updatedA.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]).toBeUndefined();
    expect(dec.deploymentAnnotations?.[REVISION_ANNOTATION]).toBe('3');
    expect(progressing(c.deployment)?.reason).toBe('NewReplicaSetAvailable');

    c.converge();
    expect(c.watch.violations).toEqual([]);
    expect(c.rss).toHaveLength(2);
    expect(c.rs(rsA.metadata.name!)?.spec?.replicas).toBe(4);
    expect(c.rs(rsB.metadata.name!)?.spec?.replicas).toBe(0);
    expect(c.activePods().every((p) => p.spec?.containers[0].image === 'web:1.0')).toBe(true);
    expect(c.deployment.metadata.annotations?.[REVISION_ANNOTATION]).toBe('3');
    expect(rolloutComplete(c.deployment)).toBe(true);
  });

  it('rolls back onto a stalled rollout and removes the broken pods first', () => {
    const c = started({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    setImage(c, 'bad');
    for (let i = 0; i < 10; i++) c.step();
    expect(rsFor(c, 'bad')?.spec?.replicas).toBe(5);
    expect(rsFor(c, 'web:1.0')?.spec?.replicas).toBe(8);
    c.startWatching([13, 8]);
    rolloutUndo(c, '1');
    c.converge();
    expect(c.watch.violations).toEqual([]);
    expect(rsFor(c, 'bad')?.spec?.replicas).toBe(0);
    expect(rsFor(c, 'web:1.0')?.spec?.replicas).toBe(10);
  });

  it('deletes old ReplicaSets beyond revisionHistoryLimit once the rollout is complete, oldest revision first', () => {
    const c = started({ replicas: 2, revisionHistoryLimit: 1 });
    setImage(c, 'web:2.0');
    c.converge();
    expect(c.rss).toHaveLength(2);
    setImage(c, 'web:3.0');
    c.converge();
    expect(c.rss.map((rs) => rs.spec?.template?.spec?.containers[0].image).sort()).toEqual(['web:2.0', 'web:3.0']);
    expect(c.rss.map((rs) => rs.metadata.annotations?.[REVISION_ANNOTATION]).sort()).toEqual(['2', '3']);
  });

  it('keeps every old ReplicaSet with revisionHistoryLimit unset, and none with 0', () => {
    const keepAll = started({ replicas: 1 });
    keepAll.updateSpec((d) => delete d.spec!.revisionHistoryLimit);
    for (const image of ['web:2.0', 'web:3.0', 'web:4.0']) {
      setImage(keepAll, image);
      keepAll.converge();
    }
    expect(keepAll.rss).toHaveLength(4);
    const keepNone = started({ replicas: 1, revisionHistoryLimit: 0 });
    setImage(keepNone, 'web:2.0');
    keepNone.converge();
    expect(keepNone.rss).toHaveLength(1);
  });

  it('kubectl rollout restart rolls out a new revision', () => {
    const c = started({ replicas: 3 });
    c.updateSpec((d) => (d.spec!.template!.metadata!.annotations = { [RESTARTED_AT_ANNOTATION]: '2025-01-01T00:10:00Z' }));
    c.converge();
    expect(c.rss).toHaveLength(2);
    const restarted = c.rss.find((rs) => rs.spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION])!;
    expect(restarted.spec?.replicas).toBe(3);
    expect(restarted.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
    expect(c.activePods().every((p) => p.metadata.annotations?.[RESTARTED_AT_ANNOTATION])).toBe(true);
  });
});

describe('deploymentDecision: pause and resume', () => {
  it('makes no rollout progress while paused, only scales, and resumes where it left off', () => {
    const c = started({ replicas: 4 });
    const oldName = rsFor(c, 'web:1.0')!.metadata.name!;
    c.updateSpec((d) => (d.spec!.paused = true));
    c.converge();
    expect(progressing(c.deployment)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });

    setImage(c, 'web:2.0');
    c.converge();
    expect(c.rss).toHaveLength(1);
    expect(c.deployment.status).toMatchObject({ observedGeneration: 3, replicas: 4 });
    expect(c.deployment.status?.updatedReplicas).toBeUndefined();

    c.updateSpec((d) => (d.spec!.replicas = 6));
    c.converge();
    expect(c.rs(oldName)?.spec?.replicas).toBe(6);
    expect(c.rs(oldName)?.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]).toBe('6');
    expect(c.activePods()).toHaveLength(6);

    c.updateSpec((d) => (d.spec!.paused = false));
    const resumed = c.reconcileDeployment();
    expect(resumed.createReplicaSet).toBeDefined();
    expect(progressing(c.deployment)?.reason).toBe('NewReplicaSetCreated');
    c.converge();
    expect(rsFor(c, 'web:2.0')?.spec?.replicas).toBe(6);
    expect(rolloutComplete(c.deployment)).toBe(true);
  });

  it('reports a resumed Deployment with nothing to roll out as complete again', () => {
    const c = started({ replicas: 1 });
    c.updateSpec((d) => (d.spec!.paused = true));
    c.reconcileDeployment();
    expect(progressing(c.deployment)?.reason).toBe('DeploymentPaused');
    c.updateSpec((d) => (d.spec!.paused = false));
    const resumed = deploymentDecision({ deployment: c.deployment, replicaSets: c.rss, pods: c.pods, now: c.now });
    // DeploymentResumed first (so the pause never counts against the deadline), then the rollout check completes it.
    expect(resumed.status.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});

describe('deploymentDecision: progress deadline', () => {
  it('turns Progressing False with ProgressDeadlineExceeded when a bad image stalls the rollout', () => {
    const c = started({ replicas: 4, progressDeadlineSeconds: 30 });
    c.startWatching([5, 3]);
    setImage(c, 'bad');
    let requeue: number | undefined;
    for (let i = 0; i < 10; i++) {
      c.step();
      requeue = deploymentDecision({ deployment: c.deployment, replicaSets: c.rss, pods: c.pods, now: c.now }).requeueAfterSeconds;
    }
    const cond = progressing(c.deployment)!;
    expect(cond).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    const lastUpdate = Date.parse(cond.lastUpdateTime!);
    expect(requeue).toBeCloseTo((lastUpdate + 30_000 - c.now.getTime()) / 1000 + 1, 3);

    while (c.now.getTime() <= lastUpdate + 30_000) c.step();
    c.step();
    expect(progressing(c.deployment)).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rsFor(c, 'bad')!.metadata.name}" has timed out progressing.`,
    });
    expect(c.watch.violations).toEqual([]);
    expect(rsFor(c, 'web:1.0')?.spec?.replicas).toBe(3);
    expect(c.availablePods()).toHaveLength(3);
    // Timed out is final until the template changes: no requeue for the deadline.
    expect(deploymentDecision({ deployment: c.deployment, replicaSets: c.rss, pods: c.pods, now: c.now }).requeueAfterSeconds).toBeUndefined();
  });

  it('does not time out while paused', () => {
    const c = started({ replicas: 2, progressDeadlineSeconds: 10 });
    setImage(c, 'bad');
    c.step();
    c.updateSpec((d) => (d.spec!.paused = true));
    for (let i = 0; i < 30; i++) c.step();
    expect(progressing(c.deployment)?.reason).toBe('DeploymentPaused');
  });

  it('has no Progressing condition without a deadline', () => {
    const c = new Cluster(makeDeployment({ replicas: 2 }));
    c.deployment.spec!.progressDeadlineSeconds = undefined;
    c.converge();
    expect(progressing(c.deployment)).toBeUndefined();
  });

  it('reports a failed ReplicaSet create as Progressing False', () => {
    const d = makeDeployment();
    const { status, message } = createFailureStatus(d, 'web-abc', 'quota exceeded', at(0));
    expect(message).toBe('Failed to create new replica set "web-abc": quota exceeded');
    expect(status.conditions?.[0]).toMatchObject({ type: 'Progressing', status: 'False', reason: 'ReplicaSetCreateError', message });
  });
});

describe('deploymentDecision: minReadySeconds', () => {
  it('counts pods as available only after minReadySeconds and requeues for that moment', () => {
    const c = started({ replicas: 2, minReadySeconds: 5 });
    expect(c.deployment.status?.availableReplicas).toBe(2);
    c.startWatching([3, 1]);
    setImage(c, 'web:2.0');
    c.step();
    c.step();
    const dec = deploymentDecision({ deployment: c.deployment, replicaSets: c.rss, pods: c.pods, now: c.now });
    expect(dec.requeueAfterSeconds).toBeGreaterThan(0);
    expect(dec.requeueAfterSeconds).toBeLessThanOrEqual(5.001);
    c.converge();
    expect(c.watch.violations).toEqual([]);
    expect(rolloutComplete(c.deployment)).toBe(true);
    expect(rsFor(c, 'web:2.0')?.spec?.minReadySeconds).toBe(5);
  });
});

describe('deploymentDecision: scaling during a rollout', () => {
  it('spreads a scale-up over the ReplicaSets in proportion to their size', () => {
    const c = started({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    setImage(c, 'bad');
    for (let i = 0; i < 5; i++) c.step();
    const oldName = rsFor(c, 'web:1.0')!.metadata.name!;
    const newName = rsFor(c, 'bad')!.metadata.name!;
    expect([c.rs(oldName)?.spec?.replicas, c.rs(newName)?.spec?.replicas]).toEqual([8, 5]);

    c.updateSpec((d) => (d.spec!.replicas = 20));
    const dec = c.reconcileDeployment();
    // allowed 20 + 3 = 23, 10 to add: old 8·23/13 → 14 (+6), new 5·23/13 → 9 (+4).
    expect(dec.scales).toEqual([
      { name: oldName, from: 8, to: 14 },
      { name: newName, from: 5, to: 9 },
    ]);
    expect(c.rs(oldName)?.metadata.annotations).toMatchObject({ [DESIRED_REPLICAS_ANNOTATION]: '20', [MAX_REPLICAS_ANNOTATION]: '23' });
  });

  it('scales the only active ReplicaSet straight to the new size', () => {
    const c = started({ replicas: 3 });
    c.updateSpec((d) => (d.spec!.replicas = 7));
    const dec = c.reconcileDeployment();
    expect(dec.scales).toEqual([{ name: rsFor(c, 'web:1.0')!.metadata.name, from: 3, to: 7 }]);
    c.converge();
    expect(c.activePods()).toHaveLength(7);
    expect(c.deployment.status).toMatchObject({ replicas: 7, availableReplicas: 7 });
  });
});

describe('deploymentDecision: ownership', () => {
  it('adopts a matching orphan ReplicaSet and releases one that stopped matching', () => {
    const d = makeDeployment({ replicas: 1 });
    const orphan = makeReplicaSet('orphan', 0, { labels: { app: 'web' } });
    const stray = { ...makeReplicaSet('stray', 0, { labels: { app: 'other' } }) };
    stray.metadata.ownerReferences = [newControllerRef(d, DEPLOY_GVK)];
    const dec = deploymentDecision({ deployment: d, replicaSets: [orphan, stray], pods: [], now: at(0) });
    const adopted = dec.updateReplicaSets.find((rs) => rs.metadata.name === 'orphan');
    const released = dec.updateReplicaSets.find((rs) => rs.metadata.name === 'stray');
    expect(adopted?.metadata.ownerReferences).toEqual([newControllerRef(d, DEPLOY_GVK)]);
    expect(released?.metadata.ownerReferences).toBeUndefined();
  });

  it('raises collisionCount when another ReplicaSet already has the new name, then uses the next hash', () => {
    const d = makeDeployment({ replicas: 1 });
    const hash = podTemplateHash(d.spec!.template);
    const squatter = makeReplicaSet(`web-${hash}`, 1, { labels: { app: 'db' } });
    squatter.spec!.template = template('db:1.0', { app: 'db' });
    const c = new Cluster(d);
    c.rss.push(squatter);
    const first = c.reconcileDeployment();
    expect(first.createReplicaSet).toBeUndefined();
    expect(first.status.collisionCount).toBe(1);
    expect(first.requeueAfterSeconds).toBe(0);
    const second = c.reconcileDeployment();
    expect(second.createReplicaSet?.metadata.name).toBe(`web-${podTemplateHash(d.spec!.template, 1)}`);
  });

  it('only updates status for a Deployment that selects everything', () => {
    const d = makeDeployment();
    d.spec!.selector = {};
    d.metadata.generation = 2;
    const dec = deploymentDecision({ deployment: d, replicaSets: [], pods: [], now: at(0) });
    expect(dec.events[0]).toMatchObject({ type: 'Warning', reason: 'SelectingAll' });
    expect(dec.status.observedGeneration).toBe(2);
    expect(dec.createReplicaSet).toBeUndefined();
  });

  it('only syncs status while the Deployment is being deleted', () => {
    const c = started({ replicas: 2 });
    c.deployment.metadata.deletionTimestamp = '2025-01-01T01:00:00Z';
    setImage(c, 'web:2.0');
    const dec = c.reconcileDeployment();
    expect(dec.createReplicaSet).toBeUndefined();
    expect(dec.scales).toEqual([]);
    expect(dec.status.observedGeneration).toBe(2);
  });
});
