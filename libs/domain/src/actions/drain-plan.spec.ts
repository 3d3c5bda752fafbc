import type { Pod } from '../kinds/pod';
import { drainRefusal, planDrain, MIRROR_POD_ANNOTATION } from './drain-plan';

function pod(name: string, o: { owner?: string; phase?: string; emptyDir?: boolean; mirror?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: o.owner.split('/')[0], name: o.owner.split('/')[1], uid: `uid-${o.owner}`, controller: true }] } : {}),
      ...(o.mirror ? { annotations: { [MIRROR_POD_ANNOTATION]: 'x' } } : {}),
    },
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'web:1.0' }], ...(o.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {}) },
    status: { phase: o.phase ?? 'Running' },
  };
}

const exists = (_ns: string, name: string) => name !== 'gone';
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('planDrain', () => {
  const pods = [pod('rs-1', { owner: 'ReplicaSet/web-abc' }), pod('ds-1', { owner: 'DaemonSet/agent' }), pod('static', { mirror: true }), pod('bare'), pod('scratch', { owner: 'ReplicaSet/web-abc', emptyDir: true })];

  it('refuses, naming the argument and the pods, what kubectl drain refuses without its flags', () => {
    const plan = planDrain(pods, {}, exists);
    expect(plan.refusals.map((r) => [r.field, r.message])).toEqual([
      ['ignoreDaemonSets', 'cannot delete DaemonSet-managed Pods (set ignoreDaemonSets to ignore them): default/ds-1'],
      ['force', 'cannot delete Pods that declare no controller (set force to delete them): default/bare'],
      ['deleteEmptyDirData', 'cannot delete Pods with local storage (set deleteEmptyDirData to delete them and their emptyDir data): default/scratch'],
    ]);
    const err = drainRefusal('n1', plan)!;
    expect(err.code).toBe(422);
    expect(err.message).toMatch(/^Node "n1" is invalid: \[ignoreDaemonSets: cannot delete DaemonSet-managed Pods/);
  });

  it('evicts the rest with the flags, skipping mirror and DaemonSet pods, with kubectl’s warnings', () => {
    const plan = planDrain(pods, { force: true, ignoreDaemonSets: true, deleteEmptyDirData: true }, exists);
    expect(plan.refusals).toEqual([]);
    expect(drainRefusal('n1', plan)).toBeUndefined();
    expect(names(plan.evict)).toEqual(['rs-1', 'bare', 'scratch']);
    expect(plan.skipped.map((s) => [s.pod.metadata.name, s.reason])).toEqual([
      ['ds-1', 'DaemonSetPod'],
      ['static', 'MirrorPod'],
    ]);
    expect(plan.warnings).toEqual(['ignoring DaemonSet-managed Pods: default/ds-1', 'deleting Pods that declare no controller: default/bare', 'deleting Pods with local storage: default/scratch']);
  });

  it('lets finished pods go without flags, and orphaned DaemonSet pods only with force', () => {
    const done = [pod('job-done', { phase: 'Succeeded' }), pod('ds-done', { owner: 'DaemonSet/agent', phase: 'Failed' }), pod('orphan', { owner: 'DaemonSet/gone' })];
    const plan = planDrain(done, {}, exists);
    expect(names(plan.evict)).toEqual(['job-done', 'ds-done']);
    expect(plan.refusals.map((r) => r.field)).toEqual(['force']);
    expect(names(planDrain(done, { force: true }, exists).evict)).toEqual(['job-done', 'ds-done', 'orphan']);
  });
});
