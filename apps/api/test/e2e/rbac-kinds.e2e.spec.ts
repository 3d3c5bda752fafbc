import { RbacDefaults } from '../../src/registry/rbac-defaults';
import { startTestApi, type TestApi } from '../support/test-server';

const NS = 'team-a';

const configEditor = (verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-editor
  namespace: ${NS}
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: [${verbs}]
`;

const noVerbs = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: no-verbs
  namespace: ${NS}
rules:
- apiGroups: [""]
  resources: ["pods"]
`;

/** Role, ClusterRole, RoleBinding and ClusterRoleBinding served like every other kind (nothing enforces them yet). */
describe('the RBAC kinds with the real kubectl', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await k('create', 'namespace', NS);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const k = (...args: string[]) => api.kubectlOk(args);
  const getJson = async (...args: string[]) => JSON.parse(await k('get', ...args, '-o', 'json'));

  it('creates a Role and a ClusterRole with kubectl create', async () => {
    expect(await k('create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods', '-n', NS)).toBe('role.rbac.authorization.k8s.io/pod-reader created\n');
    expect((await getJson('role', 'pod-reader', '-n', NS)).rules).toEqual([{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]);

    expect(await k('create', 'clusterrole', 'health-reader', '--verb=get', '--non-resource-url=/healthz,/readyz')).toBe('clusterrole.rbac.authorization.k8s.io/health-reader created\n');
    expect((await getJson('clusterrole', 'health-reader')).rules).toEqual([{ verbs: ['get'], nonResourceURLs: ['/healthz', '/readyz'] }]);

    await k('create', 'clusterrole', 'monitoring', '--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true');
    expect((await getJson('clusterrole', 'monitoring')).aggregationRule).toEqual({
      clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }],
    });
  });

  it('creates a RoleBinding and a ClusterRoleBinding, with subject groups defaulted', async () => {
    expect(await k('create', 'rolebinding', 'alice-view', '--clusterrole=view', '--user=alice', '--serviceaccount=ci:builder', '-n', NS)).toBe(
      'rolebinding.rbac.authorization.k8s.io/alice-view created\n',
    );
    const rb = await getJson('rolebinding', 'alice-view', '-n', NS);
    expect(rb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' });
    expect(rb.subjects).toEqual([
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
      { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
    ]);

    expect(await k('create', 'clusterrolebinding', 'ops-admin', '--clusterrole=cluster-admin', '--group=ops')).toBe(
      'clusterrolebinding.rbac.authorization.k8s.io/ops-admin created\n',
    );
    // Sent as JSON without the subject's apiGroup: the server fills it in.
    const crb = await api.call('POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      body: { metadata: { name: 'devs-view' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'Group', name: 'devs' }] },
    });
    expect(crb.status).toBe(201);
    expect(crb.body.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(crb.body.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' }]);
  });

  it('prints the columns kubectl shows against a real cluster', async () => {
    const out = await k('get', 'role,rolebinding', '-n', NS, '-o', 'wide');
    const [roles, bindings] = out.split('\n\n');
    expect(roles).toMatch(/^NAME\s+CREATED AT\nrole\.rbac\.authorization\.k8s\.io\/pod-reader\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(bindings).toMatch(/^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\n/);
    expect(bindings).toMatch(/rolebinding\.rbac\.authorization\.k8s\.io\/alice-view\s+ClusterRole\/view\s+\d+s\s+alice\s+ci\/builder/);

    const crbs = await k('get', 'clusterrolebinding', 'ops-admin', '-o', 'wide');
    expect(crbs).toMatch(/^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\nops-admin\s+ClusterRole\/cluster-admin\s+\d+s\s+ops\s*\n$/);
    expect(await k('get', 'clusterrole', 'health-reader')).toMatch(/^NAME\s+CREATED AT\nhealth-reader\s+\S+Z\n$/);
  });

  it('applies a Role from YAML, then a change to it', async () => {
    const first = await api.kubectl(['apply', '-f', '-'], { input: configEditor('"get"') });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('role.rbac.authorization.k8s.io/config-editor created\n');
    expect((await api.kubectl(['apply', '-f', '-'], { input: configEditor('"get", "update"') })).stdout).toBe('role.rbac.authorization.k8s.io/config-editor configured\n');
    expect((await getJson('role', 'config-editor', '-n', NS)).rules[0].verbs).toEqual(['get', 'update']);
    expect(await k('explain', 'role.rules')).toMatch(/FIELD:\s+rules <\[\]PolicyRule>[\s\S]*verbs\s+<\[\]string> -required-/);
  });

  it('refuses a rule without verbs with 422 naming the field', async () => {
    const r = await api.kubectl(['apply', '-f', '-'], { input: noVerbs });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The Role "no-verbs" is invalid: rules[0].verbs: Required value: verbs must contain at least one value');

    const res = await api.call('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/roles`, {
      body: { metadata: { name: 'no-verbs' }, rules: [{ apiGroups: [''], resources: ['pods'] }] },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'Invalid', details: { group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'no-verbs' } });
    expect(res.body.details.causes).toEqual([{ reason: 'FieldValueRequired', field: 'rules[0].verbs', message: 'Required value: verbs must contain at least one value' }]);
  });

  it('refuses a field the schema does not know (kubectl asks for strict field validation)', async () => {
    const r = await api.kubectl(['apply', '-f', '-'], { input: configEditor('"get"').replace('  verbs:', '  verb: ["list"]\n  verbs:') });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('strict decoding error: unknown field "rules[0].verb"');
  });

  it("changes a binding's subjects but refuses to change its roleRef", async () => {
    expect(await k('set', 'subject', 'rolebinding', 'alice-view', '--user=bob', '-n', NS)).toBe('rolebinding.rbac.authorization.k8s.io/alice-view subjects updated\n');
    expect((await getJson('rolebinding', 'alice-view', '-n', NS)).subjects.map((s: { name: string }) => s.name)).toEqual(['alice', 'builder', 'bob']);

    const r = await api.kubectl(['patch', 'rolebinding', 'alice-view', '-n', NS, '--type=merge', '-p', '{"roleRef":{"name":"edit"}}']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'The RoleBinding "alice-view" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    );
    expect((await getJson('rolebinding', 'alice-view', '-n', NS)).roleRef.name).toBe('view');
  });

  it('has the built-in ClusterRoles and bindings from the start, and puts back what an auto-updated one lost', async () => {
    const names = (await k('get', 'clusterroles', '-o', 'name')).split('\n');
    for (const role of ['cluster-admin', 'admin', 'edit', 'view', 'system:basic-user', 'system:discovery']) expect(names).toContain(`clusterrole.rbac.authorization.k8s.io/${role}`);
    const masters = await getJson('clusterrolebinding', 'cluster-admin');
    expect(masters.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }]);

    // An admin trims `view`, and another leaves `edit` alone by turning auto-update off.
    await k('patch', 'clusterrole', 'view', '--type=json', '-p', '[{"op":"replace","path":"/rules","value":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}]');
    await k('annotate', 'clusterrole', 'edit', 'rbac.authorization.kubernetes.io/autoupdate=false', '--overwrite');
    await k('patch', 'clusterrole', 'edit', '--type=json', '-p', '[{"op":"replace","path":"/rules","value":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}]');
    await api.server.app.get(RbacDefaults).reconcile(); // what the next start does
    const view = await getJson('clusterrole', 'view');
    expect(view.rules.length).toBeGreaterThan(10);
    expect(view.rules.some((r: { resources?: string[] }) => r.resources?.includes('secrets'))).toBe(false);
    expect((await getJson('clusterrole', 'edit')).rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]);
    const again = (await getJson('clusterrole', 'view')).metadata.resourceVersion;
    await api.server.app.get(RbacDefaults).reconcile();
    expect((await getJson('clusterrole', 'view')).metadata.resourceVersion).toBe(again); // nothing more to add
  });
});
