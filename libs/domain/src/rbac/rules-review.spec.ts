import { bootstrapPolicy } from './bootstrap-policy';
import { rulesFor } from './rule-resolver';
import { subjectRulesReviewStatus } from './rules-review';
import { withAuthenticatedGroup } from './user-info';
import { RBAC_GROUP, type RoleBinding } from './types';

const alice = withAuthenticatedGroup({ name: 'alice', groups: [] });

function bind(role: string, namespace: string): RoleBinding {
  return { metadata: { name: role, namespace }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: 'alice' }] };
}

describe('rulesFor', () => {
  const policy = bootstrapPolicy({ roleBindings: [bind('view', 'team-a')] });

  it('holds the cluster-wide rules plus those of the namespace', () => {
    const inTeamA = rulesFor(alice, 'team-a', policy);
    const inTeamB = rulesFor(alice, 'team-b', policy);
    const clusterWide = rulesFor(alice, '', policy);
    expect(inTeamB).toEqual(clusterWide);
    expect(inTeamA.length).toBeGreaterThan(clusterWide.length);
    expect(inTeamA.slice(0, clusterWide.length)).toEqual(clusterWide);
    expect(inTeamA).toContainEqual({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['namespaces'] });
  });
});

describe('subjectRulesReviewStatus', () => {
  it('lists resource rules and URL rules apart', () => {
    const status = subjectRulesReviewStatus(alice, 'team-a', bootstrapPolicy({ roleBindings: [bind('view', 'team-a')] }));
    expect(status.incomplete).toBe(false);
    expect(status.evaluationError).toBeUndefined();
    expect(status.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
    expect(status.resourceRules).toContainEqual({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['namespaces'] });
    expect(status.nonResourceRules).toContainEqual({ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] });
    expect(status.resourceRules.every((r) => r.resources && r.resources.length > 0)).toBe(true);
  });

  it('reports bindings to missing roles, and still calls the list complete', () => {
    const status = subjectRulesReviewStatus(alice, 'team-a', bootstrapPolicy({ roleBindings: [bind('gone', 'team-a')] }));
    expect(status.incomplete).toBe(false);
    expect(status.evaluationError).toBe('clusterrole.rbac.authorization.k8s.io "gone" not found');
  });
});
