import type { Pod } from '../kinds/pod';
import type { ReplicaSet } from '../kinds/replica-set';
import type { ReplicationController } from '../kinds/replication-controller';
import { newControllerRef } from './pod-control';
import { BURST_REPLICAS, replicaSetDecision, replicaSetSelector, replicaSetStatus, slowStartBatchSizes } from './replica-set';
import { at, makePod, makeReplicaSet, template } from './test-fixtures';

const RS_GVK = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };

function ownedPod(rs: ReplicaSet | ReplicationController, name: string, o: Parameters<typeof makePod>[1] = {}): Pod {
  const gvk = rs.kind === 'ReplicationController' ? { apiVersion: 'v1', kind: 'ReplicationController' } : RS_GVK;
  return makePod(name, { owner: newControllerRef(rs, gvk), labels: rs.spec?.template?.metadata?.labels, ...o });
}

function withReplicas<T extends ReplicaSet>(rs: T, replicas: number): T {
  return { ...rs, spec: { ...rs.spec, replicas }, metadata: { ...rs.metadata, generation: (rs.metadata.generation ?? 1) + 1 } };
}

describe('replicaSetDecision: scaling', () => {
  it('creates the missing pods from its template, with a controller reference', () => {
    const rs = makeReplicaSet('web-abc', 3);
    const dec = replicaSetDecision({ rs, pods: [ownedPod(rs, 'p1', { readyAt: 0 })], now: at(10) });
    expect(dec.create).toBe(2);
    expect(dec.delete).toEqual([]);
    expect(dec.podTemplate.metadata.generateName).toBe('web-abc-');
    expect(dec.podTemplate.metadata.ownerReferences).toEqual([newControllerRef(rs, RS_GVK)]);
    expect(dec.podTemplate.metadata.labels).toEqual({ app: 'web' });
  });

  it('creates and deletes at most a burst per reconcile', () => {
    const big = makeReplicaSet('big', 1200);
    expect(replicaSetDecision({ rs: big, pods: [], now: at(0) }).create).toBe(BURST_REPLICAS);
    expect(replicaSetDecision({ rs: big, pods: [], now: at(0), burstReplicas: 20 }).create).toBe(20);
    const rs = makeReplicaSet('web-abc', 0);
    const pods = Array.from({ length: 600 }, (_, i) => ownedPod(rs, `p${i}`));
    expect(replicaSetDecision({ rs, pods, now: at(0) }).delete).toHaveLength(BURST_REPLICAS);
  });

  it('scales 3 → 10 → 2 deleting the newest pods and keeping the longest-ready ones', () => {
    let rs = makeReplicaSet('web-abc', 3);
    let pods: Pod[] = [];
    let t = 0;
    const run = () => {
      const dec = replicaSetDecision({ rs, pods, now: at(t) });
      for (let i = 0; i < dec.create; i++) {
        // Distinct creation and ready times, as pods started one after another.
        pods.push(ownedPod(rs, `pod-${pods.length + 1}`, { createdAt: t + i, readyAt: t + i + 5 }));
      }
      const gone = new Set(dec.delete.map((p) => p.metadata.name));
      pods = pods.filter((p) => !gone.has(p.metadata.name));
      return dec;
    };
    expect(run().create).toBe(3);
    t = 100;
    rs = withReplicas(rs, 10);
    expect(run().create).toBe(7);
    t = 200;
    rs = withReplicas(rs, 2);
    const dec = run();
    expect(dec.delete.map((p) => p.metadata.name)).toEqual(['pod-10', 'pod-9', 'pod-8', 'pod-7', 'pod-6', 'pod-5', 'pod-4', 'pod-3']);
    expect(pods.map((p) => p.metadata.name)).toEqual(['pod-1', 'pod-2']);
    expect(run()).toMatchObject({ create: 0, delete: [] });
  });

  it('prefers deleting unscheduled, pending and unready pods over ready ones', () => {
    const rs = makeReplicaSet('web-abc', 2);
    const pods = [
      ownedPod(rs, 'ready-old', { readyAt: 1 }),
      ownedPod(rs, 'unscheduled', { node: '', phase: 'Pending' }),
      ownedPod(rs, 'ready-new', { readyAt: 9 }),
      ownedPod(rs, 'running-unready', { phase: 'Running' }),
      ownedPod(rs, 'pending', { phase: 'Pending' }),
    ];
    const dec = replicaSetDecision({ rs, pods, now: at(10) });
    expect(dec.delete.map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'running-unready']);
  });

  it('ignores terminating and finished pods and replaces them', () => {
    const rs = makeReplicaSet('web-abc', 2);
    const pods = [ownedPod(rs, 'ok', { readyAt: 0 }), ownedPod(rs, 'dying', { readyAt: 0, deleting: true }), ownedPod(rs, 'done', { phase: 'Succeeded' })];
    const dec = replicaSetDecision({ rs, pods, now: at(10) });
    expect(dec.create).toBe(1);
    expect(dec.status.replicas).toBe(1);
  });

  it('does not create or delete while being deleted', () => {
    const rs = { ...makeReplicaSet('web-abc', 3), metadata: { ...makeReplicaSet('web-abc', 3).metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } };
    expect(replicaSetDecision({ rs, pods: [], now: at(0) })).toMatchObject({ create: 0, delete: [] });
  });

  it('adopts matching orphans and counts them, and releases pods that stopped matching', () => {
    const rs = makeReplicaSet('web-abc', 2, { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] } });
    const pods = [
      makePod('orphan', { readyAt: 0 }),
      makePod('canary', { readyAt: 0, labels: { app: 'web', track: 'canary' } }),
      ownedPod(rs, 'relabelled', { labels: { app: 'db' } }),
      ownedPod(rs, 'mine', { readyAt: 0 }),
    ];
    const dec = replicaSetDecision({ rs, pods, now: at(10) });
    expect(dec.adopt.map((p) => p.metadata.name)).toEqual(['orphan']);
    expect(dec.release.map((p) => p.metadata.name)).toEqual(['relabelled']);
    expect(dec.create).toBe(0);
    expect(dec.status.replicas).toBe(2);
  });

  it('decides nothing more once its decision was applied', () => {
    const rs = makeReplicaSet('web-abc', 2);
    const first = replicaSetDecision({ rs, pods: [], now: at(0) });
    const pods = [0, 1].map((i) => ({ ...first.podTemplate, metadata: { ...first.podTemplate.metadata, name: `p${i}`, uid: `u${i}` } }));
    const applied = { ...rs, status: first.status };
    const second = replicaSetDecision({ rs: applied, pods, now: at(0) });
    expect(second).toMatchObject({ create: 0, delete: [], adopt: [], release: [], statusChanged: true });
    const third = replicaSetDecision({ rs: { ...applied, status: second.status }, pods, now: at(0) });
    expect(third).toMatchObject({ create: 0, delete: [], statusChanged: false });
  });

  it('reports an invalid selector instead of deciding', () => {
    const rs = makeReplicaSet('web-abc', 2, { selector: { matchExpressions: [{ key: 'a', operator: 'Near', values: [] }] } });
    expect(replicaSetDecision({ rs, pods: [makePod('x')], now: at(0) })).toMatchObject({ invalidSelector: true, create: 0 });
  });

  it('creates in slow-start batches', () => {
    expect(slowStartBatchSizes(10)).toEqual([1, 2, 4, 3]);
    expect(slowStartBatchSizes(0)).toEqual([]);
    expect(slowStartBatchSizes(1)).toEqual([1]);
    // Going on from a size reached earlier.
    expect(slowStartBatchSizes(500, 256)).toEqual([256, 244]);
    expect(slowStartBatchSizes(3, 256)).toEqual([3]);
  });
});

describe('replicaSetDecision: ReplicationController', () => {
  function rc(selector: Record<string, string> | undefined, replicas = 2): ReplicationController {
    return {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy', namespace: 'default', uid: 'uid-legacy', generation: 1 },
      spec: { replicas, ...(selector ? { selector } : {}), template: template('web:1.0', { app: 'legacy', tier: 'x' }) },
      status: { replicas: 0 },
    };
  }

  it('defaults an empty selector to the template labels', () => {
    expect(replicaSetSelector(rc(undefined))).toEqual([
      { key: 'app', operator: '=', values: ['legacy'] },
      { key: 'tier', operator: '=', values: ['x'] },
    ]);
    const dec = replicaSetDecision({ rs: rc({}), pods: [makePod('o', { labels: { app: 'legacy', tier: 'x' } }), makePod('p', { labels: { app: 'legacy' } })], now: at(0) });
    expect(dec.adopt.map((p) => p.metadata.name)).toEqual(['o']);
    expect(dec.create).toBe(1);
  });

  it('matches its equality selector and owns pods as a v1 ReplicationController', () => {
    const dec = replicaSetDecision({ rs: rc({ app: 'legacy' }), pods: [makePod('p', { labels: { app: 'legacy' } })], now: at(0) });
    expect(dec.adopt.map((p) => p.metadata.name)).toEqual(['p']);
    expect(dec.controllerRef).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy', controller: true });
    expect(dec.podTemplate.metadata.ownerReferences?.[0].kind).toBe('ReplicationController');
  });
});

describe('replicaSetStatus', () => {
  it('counts replicas, fully labeled, ready and available pods and observes the generation', () => {
    const rs = makeReplicaSet('web-abc', 4, { labels: { app: 'web', tier: 'front' }, selector: { matchLabels: { app: 'web' } }, minReadySeconds: 10, generation: 3 });
    const pods = [
      ownedPod(rs, 'available', { readyAt: 0 }),
      ownedPod(rs, 'just-ready', { readyAt: 95 }),
      ownedPod(rs, 'unready'),
      ownedPod(rs, 'partly-labeled', { labels: { app: 'web' }, readyAt: 0 }),
    ];
    expect(replicaSetStatus({ rs, pods, now: at(100) })).toEqual({
      replicas: 4,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 2,
      observedGeneration: 3,
    });
  });

  it('requeues for the moment the next ready pod becomes available', () => {
    const rs = makeReplicaSet('web-abc', 2, { minReadySeconds: 10 });
    const pods = [ownedPod(rs, 'a', { readyAt: 95 }), ownedPod(rs, 'b', { readyAt: 98 })];
    expect(replicaSetDecision({ rs, pods, now: at(100) }).requeueAfterSeconds).toBeCloseTo(5.001, 3);
    expect(replicaSetDecision({ rs: makeReplicaSet('x', 2), pods, now: at(100) }).requeueAfterSeconds).toBeUndefined();
  });

  it('sets ReplicaFailure when creates failed and clears it once they succeed', () => {
    const rs = makeReplicaSet('web-abc', 3);
    const failed = replicaSetStatus({ rs, pods: [], now: at(5), manageReplicasError: 'pods "web-abc-x" is forbidden: exceeded quota' });
    expect(failed.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'pods "web-abc-x" is forbidden: exceeded quota',
        lastTransitionTime: '2025-01-01T00:00:05Z',
      },
    ]);
    const again = replicaSetStatus({ rs: { ...rs, status: failed }, pods: [], now: at(9), manageReplicasError: 'other' });
    expect(again.conditions).toEqual(failed.conditions);
    expect(replicaSetStatus({ rs: { ...rs, status: failed }, pods: [], now: at(10) }).conditions).toBeUndefined();
  });
});
