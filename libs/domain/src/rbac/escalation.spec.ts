import { bootstrapClusterRoles } from './bootstrap-policy';
import { checkBindingEscalation, checkRoleEscalation, compactRules, compactRuleString, escalationMessage } from './escalation';
import { staticPolicy } from './static-policy';
import { RBAC_GROUP, type ClusterRoleBinding, type PolicyRule, type ResourceAttributes, type RoleBinding, type UserInfo } from './types';

const alice: UserInfo = { name: 'alice', groups: ['system:authenticated'] };

function roleBinding(namespace: string, role: string, user = 'alice'): RoleBinding {
  return { metadata: { name: `${user}-${role}`, namespace }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: user }] };
}

function clusterRoleBinding(role: string, user = 'alice'): ClusterRoleBinding {
  return { metadata: { name: `${user}-${role}` }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: user }] };
}

const createRole = (namespace: string): ResourceAttributes => ({ verb: 'create', apiGroup: RBAC_GROUP, resource: 'roles', namespace });
const createClusterRole: ResourceAttributes = { verb: 'create', apiGroup: RBAC_GROUP, resource: 'clusterroles' };

const readPods: PolicyRule = { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] };
const readSecrets: PolicyRule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['secrets'] };

describe('checkRoleEscalation', () => {
  const policy = staticPolicy({ clusterRoles: bootstrapClusterRoles(), roleBindings: [roleBinding('team-a', 'view')] });

  it('lets a user create a Role holding only rules they hold in that namespace', () => {
    expect(checkRoleEscalation(alice, createRole('team-a'), { rules: [readPods] }, policy)).toEqual({ allowed: true, reason: '' });
  });

  it('refuses rules the user lacks, listing them as kube-apiserver does', () => {
    expect(checkRoleEscalation(alice, createRole('team-a'), { rules: [readPods, readSecrets] }, policy)).toEqual({
      allowed: false,
      reason:
        'user "alice" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}',
    });
  });

  it('judges a Role by the rules held in its own namespace, and a ClusterRole by cluster-wide rules', () => {
    expect(checkRoleEscalation(alice, createRole('team-b'), { rules: [readPods] }, policy).allowed).toBe(false);
    expect(checkRoleEscalation(alice, createClusterRole, { rules: [readPods] }, policy).allowed).toBe(false);
    const clusterViewer = staticPolicy({ clusterRoles: bootstrapClusterRoles(), clusterRoleBindings: [clusterRoleBinding('view')] });
    expect(checkRoleEscalation(alice, createClusterRole, { rules: [readPods] }, clusterViewer).allowed).toBe(true);
  });

  it('lets system:masters grant anything', () => {
    const root: UserInfo = { name: 'root', groups: ['system:masters'] };
    expect(checkRoleEscalation(root, createClusterRole, { rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }] }, staticPolicy({})).allowed).toBe(true);
  });

  it('lets a user with the escalate verb write any rules', () => {
    const escalator = staticPolicy({
      clusterRoles: [{ metadata: { name: 'escalator' }, rules: [{ verbs: ['escalate'], apiGroups: [RBAC_GROUP], resources: ['roles'] }] }],
      roleBindings: [roleBinding('team-a', 'escalator')],
    });
    expect(checkRoleEscalation(alice, createRole('team-a'), { rules: [readSecrets] }, escalator).allowed).toBe(true);
    expect(checkRoleEscalation(alice, createRole('team-b'), { rules: [readSecrets] }, escalator).allowed).toBe(false);
  });

  it('takes full authority to set an aggregationRule', () => {
    const admin = staticPolicy({ clusterRoles: bootstrapClusterRoles(), clusterRoleBindings: [clusterRoleBinding('admin')] });
    const aggregating = { rules: [readPods], aggregationRule: { clusterRoleSelectors: [{ matchLabels: { team: 'a' } }] } };
    expect(checkRoleEscalation(alice, createClusterRole, aggregating, admin)).toEqual({ allowed: false, reason: 'must have cluster-admin privileges to use the aggregationRule' });
    const root = staticPolicy({ clusterRoles: bootstrapClusterRoles(), clusterRoleBindings: [clusterRoleBinding('cluster-admin')] });
    expect(checkRoleEscalation(alice, createClusterRole, aggregating, root).allowed).toBe(true);
  });

  it('adds resolution errors to the refusal', () => {
    const broken = staticPolicy({ roleBindings: [roleBinding('team-a', 'gone')] });
    expect(checkRoleEscalation(alice, createRole('team-a'), { rules: [readPods] }, broken).reason).toBe(
      'user "alice" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["pods"], Verbs:["get" "list" "watch"]}; resolution errors: [clusterrole.rbac.authorization.k8s.io "gone" not found]',
    );
  });
});

describe('checkBindingEscalation', () => {
  const admins = staticPolicy({ clusterRoles: bootstrapClusterRoles(), roleBindings: [roleBinding('team-a', 'admin')] });
  const ref = (name: string) => ({ apiGroup: RBAC_GROUP, kind: 'ClusterRole', name });

  it('lets a namespace admin bind edit and view in their namespace', () => {
    expect(checkBindingEscalation(alice, 'team-a', ref('edit'), admins).allowed).toBe(true);
    expect(checkBindingEscalation(alice, 'team-a', ref('view'), admins).allowed).toBe(true);
    expect(checkBindingEscalation(alice, 'team-a', ref('admin'), admins).allowed).toBe(true);
  });

  it('refuses binding cluster-admin, elsewhere, or cluster-wide', () => {
    expect(checkBindingEscalation(alice, 'team-a', ref('cluster-admin'), admins).allowed).toBe(false);
    expect(checkBindingEscalation(alice, 'team-b', ref('view'), admins).allowed).toBe(false);
    expect(checkBindingEscalation(alice, '', ref('view'), admins).allowed).toBe(false);
  });

  it('refuses an editor binding admin: roles and rolebindings are missing', () => {
    const editors = staticPolicy({ clusterRoles: bootstrapClusterRoles(), roleBindings: [roleBinding('team-a', 'edit')] });
    const decision = checkBindingEscalation(alice, 'team-a', ref('admin'), editors);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain('{APIGroups:["rbac.authorization.k8s.io"], Resources:["rolebindings"], Verbs:["create" "delete" "deletecollection" "get" "list" "patch" "update" "watch"]}');
    expect(decision.reason).toContain('{APIGroups:["authorization.k8s.io"], Resources:["localsubjectaccessreviews"], Verbs:["create"]}');
  });

  it('lets a user with the bind verb bind a role they do not hold', () => {
    const binder = staticPolicy({
      clusterRoles: [...bootstrapClusterRoles(), { metadata: { name: 'binder' }, rules: [{ verbs: ['bind'], apiGroups: [RBAC_GROUP], resources: ['clusterroles'], resourceNames: ['cluster-admin'] }] }],
      roleBindings: [roleBinding('team-a', 'binder')],
    });
    expect(checkBindingEscalation(alice, 'team-a', ref('cluster-admin'), binder).allowed).toBe(true);
    expect(checkBindingEscalation(alice, 'team-a', ref('admin'), binder).allowed).toBe(false);
  });

  it('refuses binding a role that does not exist, naming it', () => {
    expect(checkBindingEscalation(alice, 'team-a', ref('nope'), admins)).toEqual({ allowed: false, reason: 'clusterrole.rbac.authorization.k8s.io "nope" not found' });
    expect(checkBindingEscalation(alice, 'team-a', { apiGroup: RBAC_GROUP, kind: 'Role', name: 'nope' }, admins)).toEqual({
      allowed: false,
      reason: 'role.rbac.authorization.k8s.io "nope" not found',
    });
  });

  it('lets system:masters bind anything, even a missing role', () => {
    expect(checkBindingEscalation({ name: 'root', groups: ['system:masters'] }, '', ref('nope'), staticPolicy({})).allowed).toBe(true);
  });
});

describe('escalation message', () => {
  it('compacts verbs of the same group and resource, keeping other rules apart', () => {
    const missing: PolicyRule[] = [
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'] },
      { verbs: ['list'], apiGroups: [''], resources: ['secrets'] },
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['a'] },
      { verbs: ['get'], nonResourceURLs: ['/metrics'] },
    ];
    expect(compactRules(missing).map(compactRuleString).sort()).toEqual([
      '{APIGroups:[""], Resources:["secrets"], ResourceNames:["a"], Verbs:["get"]}',
      '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}',
      '{NonResourceURLs:["/metrics"], Verbs:["get"]}',
    ]);
    expect(escalationMessage({ name: 'bob', groups: [] }, missing)).toBe(
      'user "bob" (groups=[]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["secrets"], ResourceNames:["a"], Verbs:["get"]}\n' +
        '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}\n' +
        '{NonResourceURLs:["/metrics"], Verbs:["get"]}',
    );
  });

  it('does not change the rules it compacts', () => {
    const missing: PolicyRule[] = [
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'] },
      { verbs: ['list'], apiGroups: [''], resources: ['secrets'] },
    ];
    compactRules(missing);
    expect(missing[0].verbs).toEqual(['get']);
  });
});
