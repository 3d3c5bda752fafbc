import { validateObject, validateObjectUpdate } from './object-validation';
import { defaulted, type Json } from './test-fixtures';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

const role = (rules: Json[], name = 'pod-reader'): Json => ({ metadata: { name, namespace: 'team-a' }, rules });
const clusterRole = (extra: Json = {}): Json => ({ metadata: { name: 'reader' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }], ...extra });
const roleBinding = (extra: Json = {}): Json =>
  defaulted('RoleBinding', {
    metadata: { name: 'alice-view', namespace: 'team-a' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'User', name: 'alice' }],
    ...extra,
  });
const clusterRoleBinding = (extra: Json = {}): Json =>
  defaulted('ClusterRoleBinding', {
    metadata: { name: 'ops-admin' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'Group', name: 'ops' }],
    ...extra,
  });

describe('Role and ClusterRole validation', () => {
  it('accepts resource rules and, in a ClusterRole, non-resource URL rules', () => {
    expect(validateObject('Role', role([{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['a', 'b'] }]) as never)).toEqual([]);
    expect(validateObject('Role', role([]) as never)).toEqual([]);
    const urls = clusterRole({ rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/version/*'] }] });
    expect(validateObject('ClusterRole', urls as never)).toEqual([]);
  });

  it('requires at least one verb in every rule', () => {
    const bad = role([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { apiGroups: [''], resources: ['pods'] }]);
    expect(lines(validateObject('Role', bad as never))).toEqual(['rules[1].verbs: Required value: verbs must contain at least one value']);
  });

  it('requires API groups and resources in a resource rule', () => {
    expect(lines(validateObject('Role', role([{ verbs: ['get'] }]) as never))).toEqual([
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[0].resources: Required value: resource rules must supply at least one resource',
    ]);
  });

  it('refuses non-resource URLs in a Role, and alongside resources anywhere', () => {
    expect(lines(validateObject('Role', role([{ verbs: ['get'], nonResourceURLs: ['/healthz'] }]) as never))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    const mixed = clusterRole({ rules: [{ verbs: ['get'], resources: ['pods'], nonResourceURLs: ['/metrics'] }] });
    expect(lines(validateObject('ClusterRole', mixed as never))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/metrics"}: rules cannot apply to both regular resources and non-resource URLs',
    ]);
  });

  it('takes any name usable as a path segment', () => {
    expect(validateObject('ClusterRole', clusterRole({ metadata: { name: 'system:Controller_x' } }) as never)).toEqual([]);
    expect(lines(validateObject('Role', role([], 'a/b') as never))).toEqual([`metadata.name: Invalid value: "a/b": may not contain '/'`]);
    expect(lines(validateObject('ClusterRole', clusterRole({ metadata: { name: '..' } }) as never))).toEqual([`metadata.name: Invalid value: "..": may not be '..'`]);
  });

  it('needs a Role in a namespace and a ClusterRole outside one', () => {
    expect(lines(validateObject('Role', { metadata: { name: 'r' }, rules: [] } as never))).toEqual(['metadata.namespace: Required value']);
    expect(lines(validateObject('ClusterRole', clusterRole({ metadata: { name: 'r', namespace: 'x' } }) as never))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });

  it('requires selectors in an aggregation rule, and valid ones', () => {
    expect(validateObject('ClusterRole', clusterRole({ rules: [], aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'example.com/aggregate-to-x': 'true' } }] } }) as never)).toEqual([]);
    expect(lines(validateObject('ClusterRole', clusterRole({ aggregationRule: {} }) as never))).toEqual([
      'aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil',
    ]);
    const bad = clusterRole({ aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'a', operator: 'Within' }] }] } });
    expect(lines(validateObject('ClusterRole', bad as never))).toEqual([
      'aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator: Invalid value: "Within": not a valid selector operator',
      'aggregationRule.clusterRoleSelectors[0]: Invalid value: "null": invalid label selector.',
    ]);
  });

  it('lets rules change on update', () => {
    const old = { ...role([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]), metadata: { name: 'pod-reader', namespace: 'team-a', uid: 'u1' } };
    const next = { ...old, rules: [{ verbs: ['get', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] }] };
    expect(validateObjectUpdate('Role', next as never, old as never)).toEqual([]);
    expect(lines(validateObjectUpdate('Role', { ...next, rules: [{ resources: ['pods'], apiGroups: [''] }] } as never, old as never))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
    ]);
  });
});

describe('RoleBinding and ClusterRoleBinding validation', () => {
  it('accepts a binding of users, groups and service accounts', () => {
    const subjects = [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' }];
    expect(validateObject('RoleBinding', roleBinding({ subjects }) as never)).toEqual([]);
    expect(validateObject('ClusterRoleBinding', clusterRoleBinding({ subjects }) as never)).toEqual([]);
    expect(validateObject('RoleBinding', roleBinding({ subjects: undefined }) as never)).toEqual([]);
  });

  it('lets a RoleBinding name a Role or a ClusterRole, a ClusterRoleBinding only a ClusterRole', () => {
    const toRole = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' };
    expect(validateObject('RoleBinding', roleBinding({ roleRef: toRole }) as never)).toEqual([]);
    expect(lines(validateObject('ClusterRoleBinding', clusterRoleBinding({ roleRef: toRole }) as never))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ]);
    expect(lines(validateObject('RoleBinding', roleBinding({ roleRef: { ...toRole, kind: 'Group' } }) as never))).toEqual([
      'roleRef.kind: Unsupported value: "Group": supported values: "Role", "ClusterRole"',
    ]);
  });

  it('requires the RBAC group and a path-segment name in roleRef', () => {
    const bad = roleBinding({ roleRef: { apiGroup: 'example.com', kind: 'ClusterRole', name: 'a%b' } });
    expect(lines(validateObject('RoleBinding', bad as never))).toEqual([
      'roleRef.apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"',
      `roleRef.name: Invalid value: "a%b": may not contain '%'`,
    ]);
  });

  it('refuses a binding without a roleRef, naming its kind and name (the group is defaulted)', () => {
    expect(lines(validateObject('RoleBinding', roleBinding({ roleRef: undefined }) as never))).toEqual([
      'roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"',
      'roleRef.name: Required value',
    ]);
  });

  it('checks each subject by kind', () => {
    const subjects = [
      { kind: 'User', name: '' },
      { kind: 'Group', name: 'devs', apiGroup: 'example.com' },
      { kind: 'ServiceAccount', name: 'Builder', apiGroup: 'rbac.authorization.k8s.io', namespace: 'ci' },
      { kind: 'Robot', name: 'r2' },
    ];
    expect(lines(validateObject('RoleBinding', roleBinding({ subjects }) as never))).toEqual([
      'subjects[0].name: Required value',
      'subjects[1].apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"',
      expect.stringMatching(/^subjects\[2\]\.name: Invalid value: "Builder": a lowercase RFC 1123 subdomain/),
      'subjects[2].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""',
      'subjects[3].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
  });

  it("lets a RoleBinding's service account leave its namespace to the binding's, not a ClusterRoleBinding's", () => {
    const subjects = [{ kind: 'ServiceAccount', name: 'default' }];
    expect(validateObject('RoleBinding', roleBinding({ subjects }) as never)).toEqual([]);
    expect(lines(validateObject('ClusterRoleBinding', clusterRoleBinding({ subjects }) as never))).toEqual(['subjects[0].namespace: Required value']);
  });

  it('refuses to change roleRef on update, but lets subjects change', () => {
    const old = roleBinding({ metadata: { name: 'alice-view', namespace: 'team-a', uid: 'u1' } });
    expect(validateObjectUpdate('RoleBinding', { ...old, subjects: [{ kind: 'User', name: 'bob', apiGroup: 'rbac.authorization.k8s.io' }] } as never, old as never)).toEqual([]);
    const changed = { ...old, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' } };
    expect(lines(validateObjectUpdate('RoleBinding', changed as never, old as never))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
    const crbOld = clusterRoleBinding();
    const crbNext = { ...crbOld, roleRef: { ...crbOld.roleRef, name: 'view' } };
    expect(lines(validateObjectUpdate('ClusterRoleBinding', crbNext as never, crbOld as never))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"view"}: cannot change roleRef',
    ]);
  });
});
