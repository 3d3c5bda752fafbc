import { labelSelectorAsRequirements } from '../selectors/label-selector-object';
import type { LabelSelectorRequirements } from '../selectors/label-requirement';
import {
  adoptionPatch,
  claimPods,
  controllerRefOf,
  isControlledBy,
  isPodActive,
  isPodAvailable,
  isPodReady,
  newControllerRef,
  podBecomesAvailableAt,
  podFromTemplate,
  releasePatch,
  withOwnerRef,
  withoutOwnerRef,
} from './pod-control';
import { at, makePod, makeReplicaSet, template } from './test-fixtures';

function selector(sel: object): LabelSelectorRequirements {
  const c = labelSelectorAsRequirements(sel);
  if (!c.ok) throw new Error('bad selector');
  return c.requirements;
}

describe('pod state', () => {
  it('counts running and pending pods as active, terminal or terminating ones not', () => {
    expect(isPodActive(makePod('a', { phase: 'Running' }))).toBe(true);
    expect(isPodActive(makePod('a', { phase: 'Pending' }))).toBe(true);
    expect(isPodActive(makePod('a', { phase: 'Unknown' }))).toBe(true);
    expect(isPodActive(makePod('a', { phase: 'Succeeded' }))).toBe(false);
    expect(isPodActive(makePod('a', { phase: 'Failed' }))).toBe(false);
    expect(isPodActive(makePod('a', { phase: 'Running', deleting: true }))).toBe(false);
  });

  it('reads readiness from the Ready condition', () => {
    expect(isPodReady(makePod('a', { readyAt: 0 }))).toBe(true);
    expect(isPodReady(makePod('a'))).toBe(false);
    expect(isPodReady({ metadata: {}, status: {} })).toBe(false);
  });

  it('makes a pod available only after it stayed ready for more than minReadySeconds', () => {
    const pod = makePod('a', { readyAt: 10 });
    expect(isPodAvailable(pod, 0, at(10))).toBe(true);
    expect(isPodAvailable(pod, 5, at(14))).toBe(false);
    expect(isPodAvailable(pod, 5, at(15))).toBe(false); // strictly after, as Go's Before
    expect(isPodAvailable(pod, 5, at(15.001))).toBe(true);
    expect(isPodAvailable(makePod('b'), 0, at(100))).toBe(false);
    expect(podBecomesAvailableAt(pod, 5, at(12))).toBe(at(15).getTime() + 1);
    expect(podBecomesAvailableAt(pod, 5, at(20))).toBeUndefined();
    expect(podBecomesAvailableAt(pod, 0, at(12))).toBeUndefined();
  });
});

describe('controller references', () => {
  const rs = makeReplicaSet('web-abc', 3);

  it('builds a controller reference that blocks owner deletion', () => {
    expect(newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' })).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'web-abc',
      uid: 'uid-web-abc',
      controller: true,
      blockOwnerDeletion: true,
    });
  });

  it('finds the controller among owner references and compares uids', () => {
    const ref = newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
    const pod = makePod('p', { owner: ref });
    pod.metadata.ownerReferences!.unshift({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'cm' });
    expect(controllerRefOf(pod)?.uid).toBe('uid-web-abc');
    expect(isControlledBy(pod, rs)).toBe(true);
    expect(isControlledBy(pod, makeReplicaSet('other', 1))).toBe(false);
  });

  it('adds and removes owner references as copies, and as the patches Kubernetes sends', () => {
    const ref = newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
    const orphan = makePod('p');
    const adopted = withOwnerRef(orphan, ref);
    expect(orphan.metadata.ownerReferences).toBeUndefined();
    expect(adopted.metadata.ownerReferences).toEqual([ref]);
    expect(withoutOwnerRef(adopted, ref.uid).metadata.ownerReferences).toBeUndefined();
    expect(adoptionPatch(orphan, ref)).toEqual({ metadata: { ownerReferences: [ref], uid: 'uid-p' } });
    expect(releasePatch(adopted, ref.uid)).toEqual({ metadata: { ownerReferences: [{ $patch: 'delete', uid: 'uid-web-abc' }], uid: 'uid-p' } });
  });
});

describe('podFromTemplate', () => {
  it('stamps out a pod named after its owner with the template labels, annotations, spec and a controller reference', () => {
    const rs = makeReplicaSet('web-abc', 3);
    const t = template('web:2.0', { app: 'web', tier: 'front' }, { note: 'x' });
    t.metadata!.finalizers = ['example.com/keep'];
    const ref = newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
    const pod = podFromTemplate(t, rs, ref);
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: 'web-abc-',
        namespace: 'default',
        labels: { app: 'web', tier: 'front' },
        annotations: { note: 'x' },
        finalizers: ['example.com/keep'],
        ownerReferences: [ref],
      },
      spec: { containers: [{ name: 'c', image: 'web:2.0' }], restartPolicy: 'Always' },
    });
    pod.spec!.containers[0].image = 'changed';
    expect(t.spec!.containers[0].image).toBe('web:2.0');
  });
});

describe('claimPods', () => {
  const rs = makeReplicaSet('web-abc', 3, { labels: { app: 'web' } });
  const ref = newControllerRef(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
  const sel = selector({ matchLabels: { app: 'web' } });

  it('keeps matching pods it owns, adopts matching orphans and releases owned pods that stopped matching', () => {
    const owned = makePod('owned', { owner: ref });
    const orphan = makePod('orphan');
    const stray = makePod('stray', { owner: ref, labels: { app: 'other' } });
    const foreign = makePod('foreign', { owner: { ...ref, uid: 'someone-else' } });
    const unrelated = makePod('unrelated', { labels: { app: 'db' } });
    const result = claimPods(rs, sel, [owned, orphan, stray, foreign, unrelated]);
    expect(result.owned.map((p) => p.metadata.name)).toEqual(['owned']);
    expect(result.adopt.map((p) => p.metadata.name)).toEqual(['orphan']);
    expect(result.release.map((p) => p.metadata.name)).toEqual(['stray']);
    expect(result.claimed.map((p) => p.metadata.name)).toEqual(['owned', 'orphan']);
  });

  it('does not adopt terminating orphans or orphans in another namespace', () => {
    const result = claimPods(rs, sel, [makePod('dying', { deleting: true }), makePod('elsewhere', { namespace: 'other' })]);
    expect(result.adopt).toEqual([]);
  });

  it('neither adopts nor releases while the owner is being deleted, but keeps what it owns', () => {
    const deleting = { ...rs, metadata: { ...rs.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } };
    const result = claimPods(deleting, sel, [makePod('owned', { owner: ref }), makePod('orphan'), makePod('stray', { owner: ref, labels: { app: 'x' } })]);
    expect(result.claimed.map((p) => p.metadata.name)).toEqual(['owned']);
    expect(result.adopt).toEqual([]);
    expect(result.release).toEqual([]);
  });

  it('claims with set-based selectors', () => {
    const setSel = selector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }, { key: 'canary', operator: 'DoesNotExist' }] });
    const result = claimPods(rs, setSel, [
      makePod('front', { labels: { tier: 'front' } }),
      makePod('edge', { labels: { tier: 'edge' } }),
      makePod('canary', { labels: { tier: 'front', canary: 'yes' } }),
      makePod('back', { labels: { tier: 'back' } }),
    ]);
    expect(result.adopt.map((p) => p.metadata.name)).toEqual(['front', 'edge']);
  });

  it('claims nothing with the nothing selector', () => {
    expect(claimPods(rs, null, [makePod('a')]).claimed).toEqual([]);
  });
});
