import { StatusError } from '../errors/status-error';
import type { ControllerRevision } from '../kinds/controller-revision';
import type { Deployment } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import type { KubeObject } from '../meta/types';
import { controllerRollbackTarget, deploymentRollbackTarget, rollDeploymentBack, rollTemplateBack } from './rollback';

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } });
const deployment = (image: string, paused = false): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'now', note: 'mine' } },
  spec: { paused, selector: { matchLabels: { app: 'web' } }, template: template(image) },
});
const owner = (uid: string, kind = 'Deployment') => [{ apiVersion: 'apps/v1', kind, name: 'web', uid, controller: true }];
function replicaSet(revision: number, image: string, ownerUid = 'd1'): ReplicaSet {
  const t = template(image);
  return {
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${revision}`,
      uid: `rs${revision}`,
      ownerReferences: owner(ownerUid),
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'kubernetes.io/change-cause': `cause ${revision}`, 'deployment.kubernetes.io/desired-replicas': '2' },
    },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { ...t, metadata: { labels: { app: 'web', 'pod-template-hash': `h${revision}` } } } },
  };
}
const replicaSets = [replicaSet(1, 'web:1.0'), replicaSet(2, 'web:2.0'), replicaSet(3, 'web:3.0'), replicaSet(9, 'other:1', 'someone-else')];
function failure(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('Deployment rollback', () => {
  it('goes to the previous revision by default, with its template minus the hash label', () => {
    const target = deploymentRollbackTarget(deployment('web:3.0'), replicaSets);
    expect(target).toMatchObject({ revision: 2, source: 'web-2', current: false });
    expect(target.template).toEqual(template('web:2.0'));
  });

  it('restores the revision’s annotations, keeping the Deployment’s own bookkeeping', () => {
    const d = deployment('web:3.0');
    const target = deploymentRollbackTarget(d, replicaSets, 1);
    rollDeploymentBack(d, target, replicaSets);
    expect(d.spec!.template).toEqual(template('web:1.0'));
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'cause 1' });
  });

  it('says when the template already is that revision’s', () => {
    expect(deploymentRollbackTarget(deployment('web:2.0'), replicaSets, 2).current).toBe(true);
  });

  it('refuses a revision it does not have, naming it and toRevision, and a paused Deployment', () => {
    const err = failure(() => deploymentRollbackTarget(deployment('web:3.0'), replicaSets, 9));
    expect(err.code).toBe(422);
    expect(err.details?.causes?.[0].field).toBe('toRevision');
    expect(err.message).toBe('Deployment.apps "web" is invalid: toRevision: Not found: 9: deployment "web" has no revision 9 (revisions: 1, 2, 3)');
    expect(failure(() => deploymentRollbackTarget(deployment('web:1.0'), [replicaSet(1, 'web:1.0')])).message).toContain('has no previous revision to roll back to (revisions: 1)');
    expect(failure(() => deploymentRollbackTarget(deployment('web:3.0'), replicaSets, -1)).details?.causes?.[0].field).toBe('toRevision');
    expect(failure(() => deploymentRollbackTarget(deployment('web:3.0', true), replicaSets, 1)).code).toBe(409);
  });
});

describe('StatefulSet and DaemonSet rollback', () => {
  const set: KubeObject = { kind: 'StatefulSet', metadata: { name: 'web', uid: 's1' }, spec: { template: template('web:2.0') } };
  const revision = (n: number, image: string): ControllerRevision => ({
    kind: 'ControllerRevision',
    metadata: { name: `web-${n}`, ownerReferences: owner('s1', 'StatefulSet') },
    revision: n,
    data: { spec: { template: { ...template(image), $patch: 'replace' } } },
  });
  const revisions = [revision(2, 'web:2.0'), revision(1, 'web:1.0')];

  it('goes to the ControllerRevision’s template', () => {
    const target = controllerRollbackTarget(set, revisions);
    expect(target).toMatchObject({ revision: 1, source: 'web-1', current: false });
    const copy = structuredClone(set);
    expect((rollTemplateBack(copy, target).spec as any).template).toEqual(template('web:1.0'));
    expect(controllerRollbackTarget(set, revisions, 2).current).toBe(true);
    expect(failure(() => controllerRollbackTarget(set, revisions, 5)).message).toBe('StatefulSet.apps "web" is invalid: toRevision: Not found: 5: statefulset "web" has no revision 5 (revisions: 1, 2)');
  });
});
