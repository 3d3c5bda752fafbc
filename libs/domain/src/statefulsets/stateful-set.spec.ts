import type { ControllerRevision } from '../kinds/controller-revision';
import type { StatefulSet } from '../kinds/stateful-set';
import { applyDefaults } from '../defaults/apply-defaults';
import { applyPatch } from '../patch/apply-patch';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { makeSet, StatefulCluster, T0 } from './test-fixtures';

/** kubectl's StatefulSetStatusViewer, as `kubectl rollout status statefulset` runs it. */
function rolloutStatus(sts: StatefulSet): { message: string; done: boolean } {
  const s = sts.status ?? { replicas: 0 };
  const replicas = sts.spec?.replicas ?? 1;
  if (!s.observedGeneration || (sts.metadata.generation ?? 0) > s.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  if ((s.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...`, done: false };
  const ru = sts.spec?.updateStrategy?.rollingUpdate;
  if (ru) {
    if (ru.partition !== undefined && (s.updatedReplicas ?? 0) < replicas - ru.partition) {
      return { message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - ru.partition} new pods have been updated...`, done: false };
    }
    return { message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) return { message: 'waiting for statefulset rolling update to complete', done: false };
  return { message: `statefulset rolling update complete ${s.currentReplicas} pods at revision ${s.currentRevision}...`, done: true };
}

/** kubectl rollout undo: the chosen revision's data as a strategic merge patch, then the API's defaults. */
function rolloutUndo(c: StatefulCluster, revision?: number): void {
  const mine = c.revisions.filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === c.set.metadata.uid));
  const sorted = [...mine].sort((a, b) => a.revision - b.revision);
  const target = revision === undefined ? sorted[sorted.length - 2] : sorted.find((r) => r.revision === revision);
  const patched = applyPatch('strategic', 'StatefulSet', c.set, target!.data) as StatefulSet;
  applyDefaults('StatefulSet', patched);
  const changed = JSON.stringify(patched.spec) !== JSON.stringify(c.set.spec);
  c.set = { ...patched, metadata: { ...patched.metadata, generation: (c.set.metadata.generation ?? 1) + (changed ? 1 : 0) } };
}

function images(c: StatefulCluster): Record<string, string> {
  return Object.fromEntries(c.pods.map((p) => [p.metadata.name, p.spec?.containers[0]?.image ?? '']));
}

describe('statefulSetDecision: ordered pods with stable identity', () => {
  it('creates web-0, web-1, web-2 in order, each only once its predecessor is Running and Ready', () => {
    const c = new StatefulCluster(makeSet());
    const first = c.reconcile();
    expect(first.createPods.map((p) => p.metadata.name)).toEqual(['web-0']);
    expect(first.createClaims.map((p) => p.metadata.name)).toEqual(['data-web-0']);
    expect(first.createRevision?.revision).toBe(1);
    // web-0 is Pending: nothing more happens, however often the worker runs.
    const again = c.reconcile();
    expect(again.createPods).toEqual([]);
    expect(again.waiting).toBe('waiting for web-0 to be Running and Ready');
    c.tick();
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-1']);
    c.reconcile();
    c.tick();
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-2']);
    c.converge();
    expect(c.log).toEqual(['+web-0', '+web-1', '+web-2']);
    expect(c.claims.map((x) => x.metadata.name)).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
  });

  it('gives each pod its name as hostname, the service as subdomain, identity labels and its own claim', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    const pod = c.pod('web-1')!;
    const rev = c.revisions[0].metadata.name!;
    expect(pod.spec?.hostname).toBe('web-1');
    expect(pod.spec?.subdomain).toBe('web');
    expect(pod.metadata.labels).toEqual({
      app: 'web',
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': rev,
    });
    expect(pod.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true },
    ]);
    expect(pod.spec?.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } }]);
    const claim = c.claims.find((x) => x.metadata.name === 'data-web-1')!;
    expect(claim.metadata.labels).toEqual({ app: 'web' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
  });

  it('brings a deleted web-1 back as web-1 with the same hostname and the same claim', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    const claimUid = c.claims.find((x) => x.metadata.name === 'data-web-1')!.metadata.uid;
    const oldUid = c.pod('web-1')!.metadata.uid;
    c.pods = c.pods.filter((p) => p.metadata.name !== 'web-1');
    const d = c.reconcile();
    expect(d.createPods.map((p) => p.metadata.name)).toEqual(['web-1']);
    expect(d.createClaims).toEqual([]);
    const back = c.pod('web-1')!;
    expect(back.metadata.uid).not.toBe(oldUid);
    expect(back.spec?.hostname).toBe('web-1');
    expect(back.spec?.volumes?.[0]?.persistentVolumeClaim?.claimName).toBe('data-web-1');
    expect(c.claims.find((x) => x.metadata.name === 'data-web-1')!.metadata.uid).toBe(claimUid);
  });

  it('waits for a terminating pod to be gone before recreating it', () => {
    const c = new StatefulCluster(makeSet(), 3);
    c.converge();
    c.deletePod('web-1');
    expect(c.reconcile().createPods).toEqual([]);
    c.tick();
    c.tick();
    c.tick();
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-1']);
  });

  it('replaces a failed pod: deletes it, then creates it again', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    c.setPhase('web-1', 'Failed');
    const d = c.reconcile();
    expect(d.deletePods.map((p) => p.metadata.name)).toEqual(['web-1']);
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-1']);
  });

  it('scales 3 → 1 from the top (web-2, then web-1), keeps the claims, and reuses them when scaled back', () => {
    const c = new StatefulCluster(makeSet(), 2);
    c.converge();
    const claimUids = c.claims.map((x) => x.metadata.uid);
    c.log = [];
    c.updateSpec((s) => (s.spec!.replicas = 1));
    const d = c.reconcile();
    expect(d.deletePods.map((p) => p.metadata.name)).toEqual(['web-2']);
    // While web-2 terminates, web-1 stays.
    expect(c.reconcile().deletePods).toEqual([]);
    c.converge();
    expect(c.log).toEqual(['-web-2', '-web-1']);
    expect(c.pods.map((p) => p.metadata.name)).toEqual(['web-0']);
    expect(c.claims.map((x) => x.metadata.uid)).toEqual(claimUids);
    expect(c.set.status).toMatchObject({ replicas: 1, readyReplicas: 1 });

    c.log = [];
    c.updateSpec((s) => (s.spec!.replicas = 3));
    const up = c.reconcile();
    expect(up.createClaims).toEqual([]);
    c.converge();
    expect(c.log).toEqual(['+web-1', '+web-2']);
    expect(c.claims.map((x) => x.metadata.uid)).toEqual(claimUids);
    expect(c.pod('web-2')!.spec?.volumes?.[0]?.persistentVolumeClaim?.claimName).toBe('data-web-2');
  });

  it('does not scale down while a pod of the set is unhealthy (OrderedReady)', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    c.setPhase('web-0', 'Running', false);
    c.updateSpec((s) => (s.spec!.replicas = 2));
    const d = c.reconcile();
    expect(d.deletePods).toEqual([]);
    expect(d.waiting).toBe('waiting for web-0 to be Running and Ready');
  });

  it('Parallel: creates every pod at once and deletes surplus pods together', () => {
    const c = new StatefulCluster(makeSet({ policy: 'Parallel', replicas: 4 }));
    const d = c.reconcile();
    expect(d.createPods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    expect(d.createClaims.map((p) => p.metadata.name)).toEqual(['data-web-0', 'data-web-1', 'data-web-2', 'data-web-3']);
    c.converge();
    c.updateSpec((s) => (s.spec!.replicas = 1));
    expect(c.reconcile().deletePods.map((p) => p.metadata.name)).toEqual(['web-3', 'web-2', 'web-1']);
  });

  it('starts at spec.ordinals.start', () => {
    const c = new StatefulCluster(makeSet({ policy: 'Parallel', replicas: 2 }));
    c.updateSpec((s) => (s.spec!.ordinals = { start: 5 }));
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-5', 'web-6']);
  });

  it('adopts orphans that match, releases its pods that stop matching, and ignores pods of other sets', () => {
    const c = new StatefulCluster(makeSet({ replicas: 1 }));
    c.converge();
    const orphan = { ...structuredClone(c.pod('web-0')!), metadata: { ...c.pod('web-0')!.metadata, ownerReferences: undefined } };
    c.pods = [orphan];
    c.pods.push({ ...structuredClone(orphan), metadata: { ...orphan.metadata, name: 'webby-0', uid: 'x' } });
    const d = c.decide();
    expect(d.adoptPods.map((p) => p.metadata.name)).toEqual(['web-0']);
    expect(d.createPods).toEqual([]);
    c.reconcile();
    c.pods = c.pods.map((p) => (p.metadata.name === 'web-0' ? { ...p, metadata: { ...p.metadata, labels: { app: 'other' } } } : p));
    expect(c.decide().releasePods.map((p) => p.metadata.name)).toEqual(['web-0']);
  });

  it('restores the identity labels of a pod that lost them', () => {
    const c = new StatefulCluster(makeSet({ replicas: 1 }));
    c.converge();
    c.pods = c.pods.map((p) => ({ ...p, metadata: { ...p.metadata, labels: { app: 'web', 'controller-revision-hash': p.metadata.labels!['controller-revision-hash'] } } }));
    const d = c.reconcile();
    expect(d.updatePods[0].metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(c.reconcile().updatePods).toEqual([]);
  });

  it('does nothing but report status while the set is being deleted', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    c.pods = c.pods.filter((p) => p.metadata.name !== 'web-2');
    c.set = { ...c.set, metadata: { ...c.set.metadata, deletionTimestamp: rfc3339(T0) } };
    const d = c.decide();
    expect(d.createPods).toEqual([]);
    expect(d.status.replicas).toBe(2);
    expect(d.statusChanged).toBe(true);
  });

  it('is level-triggered: a converged set yields no writes, and deciding twice gives the same answer', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    const d = c.decide();
    expect(d.createPods.length + d.deletePods.length + d.createClaims.length + d.updatePods.length + d.deleteRevisions.length).toBe(0);
    expect(d.createRevision).toBeUndefined();
    expect(d.statusChanged).toBe(false);
    expect(c.decide()).toEqual(d);
  });
});

describe('statefulSetDecision: rolling update, partition and OnDelete', () => {
  it('replaces pods from the highest ordinal down, one at a time, each once all pods are Running and Ready', () => {
    const c = new StatefulCluster(makeSet(), 1);
    c.converge();
    c.log = [];
    c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = 'web:2.0'));
    const d = c.reconcile();
    expect(d.createRevision?.revision).toBe(2);
    expect(d.deletePods.map((p) => p.metadata.name)).toEqual(['web-2']);
    expect(d.status.updateRevision).toBe(d.createRevision?.metadata.name);
    expect(d.status.currentRevision).not.toBe(d.status.updateRevision);
    expect(rolloutStatus(c.set).done).toBe(false);
    // web-2 is terminating: nothing else goes.
    expect(c.reconcile().deletePods).toEqual([]);
    c.converge();
    expect(c.log).toEqual(['-web-2', '+web-2', '-web-1', '+web-1', '-web-0', '+web-0']);
    expect(images(c)).toEqual({ 'web-0': 'web:2.0', 'web-1': 'web:2.0', 'web-2': 'web:2.0' });
    expect(c.set.status).toEqual({
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      currentRevision: d.createRevision?.metadata.name,
      updateRevision: d.createRevision?.metadata.name,
      collisionCount: 0,
    });
    expect(rolloutStatus(c.set)).toEqual({ message: 'partitioned roll out complete: 3 new pods have been updated...', done: true });
  });

  it('waits for an updated pod to become Ready before touching the next', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = 'bad'));
    expect(c.reconcile().deletePods.map((p) => p.metadata.name)).toEqual(['web-2']);
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-2']);
    for (let i = 0; i < 5; i++) {
      c.tick();
      const d = c.reconcile();
      expect(d.deletePods).toEqual([]);
      expect(d.waiting).toBe('waiting for web-2 to be Running and Ready');
    }
    expect(images(c)).toEqual({ 'web-0': 'web:1.0', 'web-1': 'web:1.0', 'web-2': 'bad' });
  });

  it('with a partition, updates only the ordinals at or above it', () => {
    const c = new StatefulCluster(makeSet({ partition: 1 }));
    c.converge();
    c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = 'web:2.0'));
    c.converge();
    expect(images(c)).toEqual({ 'web-0': 'web:1.0', 'web-1': 'web:2.0', 'web-2': 'web:2.0' });
    expect(c.set.status).toMatchObject({ replicas: 3, currentReplicas: 1, updatedReplicas: 2 });
    expect(c.set.status?.currentRevision).not.toBe(c.set.status?.updateRevision);
    expect(rolloutStatus(c.set).message).toBe('partitioned roll out complete: 2 new pods have been updated...');
    // A pod below the partition that is recreated keeps the current revision.
    c.pods = c.pods.filter((p) => p.metadata.name !== 'web-0');
    c.converge();
    expect(images(c)['web-0']).toBe('web:1.0');
    // Lowering the partition finishes the rollout.
    c.updateSpec((s) => (s.spec!.updateStrategy!.rollingUpdate!.partition = 0));
    c.converge();
    expect(images(c)['web-0']).toBe('web:2.0');
    expect(c.set.status?.currentRevision).toBe(c.set.status?.updateRevision);
  });

  it('OnDelete never deletes for an update; a pod deleted by hand comes back at the update revision', () => {
    const c = new StatefulCluster(makeSet({ strategy: 'OnDelete' }));
    c.converge();
    c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = 'web:2.0'));
    c.converge();
    expect(images(c)).toEqual({ 'web-0': 'web:1.0', 'web-1': 'web:1.0', 'web-2': 'web:1.0' });
    c.pods = c.pods.filter((p) => p.metadata.name !== 'web-1');
    c.converge();
    expect(images(c)['web-1']).toBe('web:2.0');
    expect(c.set.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
  });

  it('keeps pods across scale-down and up at their revision, and finishes an interrupted rollout', () => {
    const c = new StatefulCluster(makeSet({ replicas: 3 }));
    c.converge();
    c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = 'web:2.0'));
    c.reconcile();
    c.updateSpec((s) => (s.spec!.replicas = 2));
    c.converge();
    expect(images(c)).toEqual({ 'web-0': 'web:2.0', 'web-1': 'web:2.0' });
  });
});

describe('statefulSetDecision: ControllerRevisions, rollout history and undo', () => {
  it('stores the template as the replace patch kubectl applies, named <set>-<hash>, numbered from 1', () => {
    const c = new StatefulCluster(makeSet());
    c.set = { ...c.set, metadata: { ...c.set.metadata, annotations: { 'kubernetes.io/change-cause': 'first' } } };
    const rev = c.reconcile().createRevision!;
    const hash = rev.metadata.labels!['controller.kubernetes.io/hash'];
    expect(rev.metadata.name).toBe(`web-${hash}`);
    expect(rev.revision).toBe(1);
    expect(rev.metadata.labels!.app).toBe('web');
    expect(rev.metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'first' });
    expect(rev.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true });
    expect(Object.keys(rev.data as object)).toEqual(['spec']);
    const template = (rev.data as { spec: { template: Record<string, unknown> } }).spec.template;
    expect(Object.keys(template)).toEqual(['$patch', 'metadata', 'spec']);
    expect(template.$patch).toBe('replace');
    expect(template.metadata).toEqual({ labels: { app: 'web' } });
    expect((template.spec as { containers: { image: string }[] }).containers[0].image).toBe('web:1.0');
  });

  it('kubectl rollout undo (the data as a strategic merge patch) reuses the old revision with the next number', () => {
    const c = new StatefulCluster(makeSet());
    c.converge();
    const r1 = c.revisions[0];
    c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = 'web:2.0'));
    c.converge();
    expect(c.revisions.map((r) => r.revision)).toEqual([1, 2]);
    rolloutUndo(c);
    expect(c.set.spec?.template?.spec?.containers[0].image).toBe('web:1.0');
    const d = c.reconcile();
    expect(d.createRevision).toBeUndefined();
    expect(d.updateRevisions).toEqual([{ ...r1, revision: 3 }]);
    expect(d.status.updateRevision).toBe(r1.metadata.name);
    c.converge();
    expect(images(c)).toEqual({ 'web-0': 'web:1.0', 'web-1': 'web:1.0', 'web-2': 'web:1.0' });
    expect(c.revisions.map((r) => [r.metadata.name, r.revision])).toEqual([
      [r1.metadata.name, 3],
      [c.revisions[1].metadata.name, 2],
    ]);
    // Undo to an explicit revision number, as `kubectl rollout undo --to-revision=2` does.
    rolloutUndo(c, 2);
    c.converge();
    expect(images(c)['web-0']).toBe('web:2.0');
    expect(c.revisions.map((r) => r.revision).sort()).toEqual([3, 4]);
  });

  it('deletes revisions beyond revisionHistoryLimit, oldest first, never live ones', () => {
    const c = new StatefulCluster(makeSet({ revisionHistoryLimit: 1, policy: 'Parallel', claims: false }));
    for (const image of ['web:1.0', 'web:2.0', 'web:3.0', 'web:4.0']) {
      c.updateSpec((s) => (s.spec!.template!.spec!.containers[0].image = image));
      c.converge();
    }
    expect(c.revisions.map((r) => r.revision)).toEqual([3, 4]);
    expect(c.set.status?.updateRevision).toBe(c.revisions[1].metadata.name);
  });

  it('raises collisionCount when the revision name is taken by other data', () => {
    const c = new StatefulCluster(makeSet({ replicas: 1 }));
    const wanted = c.decide().createRevision!;
    const squatter: ControllerRevision = { ...structuredClone(wanted), metadata: { ...wanted.metadata, ownerReferences: [], uid: 'other' }, data: { spec: { template: { x: 1 } } } };
    c.revisions = [squatter];
    const d = c.reconcile();
    expect(d.createRevision?.metadata.name).not.toBe(wanted.metadata.name);
    expect(d.status.collisionCount).toBe(1);
    c.converge();
    expect(c.set.status?.collisionCount).toBe(1);
    expect(c.decide().createRevision).toBeUndefined();
  });

  it('adopts an orphaned revision of its template instead of making a new one', () => {
    const c = new StatefulCluster(makeSet({ replicas: 1 }));
    const rev = c.decide().createRevision!;
    c.revisions = [{ ...rev, revision: 1, metadata: { ...rev.metadata, uid: 'orphan', ownerReferences: undefined } }];
    const d = c.reconcile();
    expect(d.adoptRevisions.map((r) => r.metadata.uid)).toEqual(['orphan']);
    expect(d.createRevision).toBeUndefined();
    expect(d.status.updateRevision).toBe(rev.metadata.name);
  });
});

describe('statefulSetDecision: status and minReadySeconds', () => {
  it('reports the counts kubectl rollout status waits on while pods come up', () => {
    const c = new StatefulCluster(makeSet());
    const d = c.reconcile();
    expect(d.status).toEqual({
      observedGeneration: 1,
      replicas: 0,
      currentRevision: d.createRevision!.metadata.name,
      updateRevision: d.createRevision!.metadata.name,
      collisionCount: 0,
      availableReplicas: 0,
    });
    c.reconcile();
    expect(rolloutStatus(c.set).message).toBe('Waiting for 3 pods to be ready...');
    c.tick();
    expect(c.reconcile().status).toMatchObject({ replicas: 1, readyReplicas: 1, currentReplicas: 1, updatedReplicas: 1 });
    c.converge();
    expect(rolloutStatus(c.set).done).toBe(true);
  });

  it('counts a ready pod as available only after minReadySeconds, and asks to be woken then', () => {
    const c = new StatefulCluster(makeSet({ minReadySeconds: 10, replicas: 2 }));
    c.reconcile();
    c.tick();
    const d = c.reconcile();
    expect(d.createPods).toEqual([]);
    expect(d.waiting).toBe('waiting for web-0 to be available');
    expect(d.status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    expect(d.requeueAfterSeconds).toBeCloseTo(10.001, 3);
    c.tick(11);
    expect(c.reconcile().createPods.map((p) => p.metadata.name)).toEqual(['web-1']);
  });
});

describe('statefulSetDecision: persistentVolumeClaimRetentionPolicy', () => {
  it('whenDeleted Delete: claims are created owned by the set', () => {
    const c = new StatefulCluster(makeSet({ whenDeleted: 'Delete', replicas: 1 }));
    const d = c.reconcile();
    expect(d.createClaims[0].metadata.ownerReferences).toEqual([d.controllerRef]);
  });

  it('whenScaled Delete: a scaled-away pod owns its claim before it is deleted', () => {
    const c = new StatefulCluster(makeSet({ whenScaled: 'Delete', replicas: 2 }));
    c.converge();
    c.updateSpec((s) => (s.spec!.replicas = 1));
    const d = c.reconcile();
    const pod1 = c.pods.find((p) => p.metadata.name === 'web-1') ?? d.deletePods[0];
    expect(d.updateClaims.map((x) => [x.metadata.name, x.metadata.ownerReferences?.map((r) => [r.kind, r.uid])])).toEqual([
      ['data-web-1', [['Pod', pod1.metadata.uid]]],
    ]);
    expect(d.deletePods.map((p) => p.metadata.name)).toEqual(['web-1']);
  });

  it('whenScaled Delete: a claim still owned by an earlier web-1 blocks its recreation', () => {
    const c = new StatefulCluster(makeSet({ whenScaled: 'Delete', replicas: 2 }));
    c.converge();
    c.claims = c.claims.map((x) =>
      x.metadata.name === 'data-web-1' ? { ...x, metadata: { ...x.metadata, ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'gone', controller: true }] } } : x,
    );
    c.pods = c.pods.filter((p) => p.metadata.name !== 'web-1');
    const d = c.decide();
    expect(d.createPods).toEqual([]);
    expect(d.waiting).toBe('waiting for the stale claims of web-1 to be removed');
  });

  it('waits while a claim of the pod is being deleted', () => {
    const c = new StatefulCluster(makeSet({ replicas: 1 }));
    c.claims = [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-web-0', namespace: 'default', deletionTimestamp: rfc3339(T0) } }];
    const d = c.decide();
    expect(d.createPods).toEqual([]);
    expect(d.waiting).toBe('PersistentVolumeClaim data-web-0 is being deleted');
  });
});
