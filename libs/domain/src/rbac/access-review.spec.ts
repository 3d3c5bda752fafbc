import { answerReview } from './access-review';
import { bootstrapPolicy } from './bootstrap-policy';
import { withAuthenticatedGroup } from './user-info';
import { RBAC_GROUP, type RoleBinding } from './types';

const alice = withAuthenticatedGroup({ name: 'alice', groups: [] });
const viewInTeamA: RoleBinding = {
  metadata: { name: 'alice-view', namespace: 'team-a' },
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: 'view' },
  subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: 'alice' }],
};
const policy = bootstrapPolicy({ roleBindings: [viewInTeamA] });

function ask(resourceAttributes?: object, nonResourceAttributes?: object) {
  return answerReview('SelfSubjectAccessReview', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes, nonResourceAttributes } }, alice, policy);
}

describe('answerReview', () => {
  it('answers a SelfSubjectAccessReview with what RBAC decides, and why when allowed', () => {
    const yes = ask({ namespace: 'team-a', verb: 'get', resource: 'pods' });
    expect(yes).toMatchObject({ kind: 'SelfSubjectAccessReview', status: { allowed: true } });
    expect((yes.status as { reason: string }).reason).toContain('RoleBinding "alice-view/team-a" of ClusterRole "view"');
    expect(ask({ namespace: 'team-a', verb: 'delete', resource: 'pods' }).status).toEqual({ allowed: false });
    expect(ask({ namespace: 'team-a', verb: 'get', resource: 'secrets' }).status).toEqual({ allowed: false });
    expect(ask({ namespace: 'team-b', verb: 'get', resource: 'pods' }).status).toEqual({ allowed: false });
    expect(ask(undefined, { path: '/apis', verb: 'get' }).status).toMatchObject({ allowed: true });
  });

  it('refuses a review that asks about both or neither kind of attributes (422)', () => {
    expect(() => ask()).toThrow(expect.objectContaining({ code: 422 }));
    expect(() => ask({ verb: 'get', resource: 'pods' }, { path: '/apis', verb: 'get' })).toThrow(expect.objectContaining({ code: 422 }));
  });

  it('answers a SelfSubjectRulesReview with the rules in the namespace', () => {
    const review = answerReview('SelfSubjectRulesReview', { spec: { namespace: 'team-a' } }, alice, policy) as { status: { resourceRules: { resources?: string[] }[] } };
    expect(review.status.resourceRules.some((r) => r.resources?.includes('configmaps'))).toBe(true);
    expect(review.status.resourceRules.some((r) => r.resources?.includes('secrets'))).toBe(false);
  });
});
