import * as fs from 'fs';
import * as path from 'path';
import { startTestApi, type TestApi } from '../support/test-server';

/** RBAC enforced on REST, as kubectl users meet it: each user with its own kubeconfig. */
describe('RBAC with the real kubectl', () => {
  let api: TestApi;
  const kubeconfigs = new Map<string, string>();

  async function userWithKubeconfig(name: string): Promise<void> {
    const created = await api.call('POST', '/skiff/v1/users', { body: { name, password: `${name}-long-password` } });
    expect(created.status).toBe(201);
    const t = await api.call('POST', '/skiff/v1/tokens', { body: { name: 'kubeconfig', user: name } });
    const admin = fs.readFileSync(api.kubeconfig, 'utf8');
    const file = path.join(api.home, `${name}.kubeconfig`);
    fs.writeFileSync(file, admin.replace(/token: .*/, `token: ${t.body.token}`).replace(/name: admin/g, `name: ${name}`).replace(/user: admin/g, `user: ${name}`), { mode: 0o600 });
    kubeconfigs.set(name, file);
  }

  const as = (user: string, args: string[]) => api.kubectl(args, { kubeconfig: kubeconfigs.get(user)! });

  beforeAll(async () => {
    api = await startTestApi();
    for (const ns of ['team-a', 'team-b']) await api.kubectlOk(['create', 'namespace', ns]);
    await api.kubectlOk(['create', 'configmap', 'settings', '-n', 'team-a', '--from-literal=k=v']);
    await api.kubectlOk(['create', 'secret', 'generic', 'db', '-n', 'team-a', '--from-literal=password=x']);
    await api.kubectlOk(['create', 'deployment', 'web', '-n', 'team-a', '--image=web:1.0']);
    for (const u of ['viewer', 'editor', 'nobody', 'owner']) await userWithKubeconfig(u);
    await api.kubectlOk(['create', 'rolebinding', 'viewer-view', '-n', 'team-a', '--clusterrole=view', '--user=viewer']);
    await api.kubectlOk(['create', 'rolebinding', 'editor-edit', '-n', 'team-a', '--clusterrole=edit', '--user=editor']);
    await api.kubectlOk(['create', 'rolebinding', 'owner-admin', '-n', 'team-a', '--clusterrole=admin', '--user=owner']);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lets a view user read its namespace and refuses it anything else, in Kubernetes’ words', async () => {
    expect((await as('viewer', ['get', 'configmaps', '-n', 'team-a', '-o', 'name'])).stdout).toContain('configmap/settings');
    expect((await as('viewer', ['get', 'deployments', '-n', 'team-a'])).code).toBe(0);

    const del = await as('viewer', ['delete', 'configmap', 'settings', '-n', 'team-a']);
    expect(del.code).not.toBe(0);
    expect(del.stderr).toContain('Error from server (Forbidden): configmaps "settings" is forbidden: User "viewer" cannot delete resource "configmaps" in API group "" in the namespace "team-a"');
    const secrets = await as('viewer', ['get', 'secrets', '-n', 'team-a']);
    expect(secrets.stderr).toContain('secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" in the namespace "team-a"');
    const scale = await as('viewer', ['scale', 'deployment', 'web', '--replicas=3', '-n', 'team-a']);
    expect(scale.stderr).toContain('cannot patch resource "deployments/scale" in API group "apps" in the namespace "team-a"');
    const other = await as('viewer', ['get', 'pods', '-n', 'team-b']);
    expect(other.stderr).toContain('pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "team-b"');
    expect((await as('viewer', ['get', 'nodes'])).stderr).toContain('cannot list resource "nodes" in API group "" at the cluster scope');
    // Nothing changed.
    expect((await api.kubectlOk(['get', 'configmap', 'settings', '-n', 'team-a', '-o', 'name'])).trim()).toBe('configmap/settings');
  });

  it('lets an edit user change workloads and config, read secrets, but not grant roles', async () => {
    expect((await as('editor', ['create', 'configmap', 'more', '-n', 'team-a', '--from-literal=a=b'])).code).toBe(0);
    expect((await as('editor', ['scale', 'deployment', 'web', '--replicas=2', '-n', 'team-a'])).code).toBe(0);
    expect((await as('editor', ['get', 'secret', 'db', '-n', 'team-a'])).code).toBe(0);
    const grant = await as('editor', ['create', 'rolebinding', 'sneaky', '-n', 'team-a', '--clusterrole=admin', '--user=editor']);
    expect(grant.stderr).toContain('cannot create resource "rolebindings" in API group "rbac.authorization.k8s.io" in the namespace "team-a"');
  });

  it('lets a namespace admin grant what it holds and nothing more (escalation check)', async () => {
    expect((await as('owner', ['create', 'rolebinding', 'helper-edit', '-n', 'team-a', '--clusterrole=edit', '--user=helper'])).code).toBe(0);
    expect((await as('owner', ['create', 'role', 'reader', '-n', 'team-a', '--verb=get,list', '--resource=pods'])).code).toBe(0);
    const wider = await as('owner', ['create', 'rolebinding', 'helper-root', '-n', 'team-a', '--clusterrole=cluster-admin', '--user=helper']);
    expect(wider.code).not.toBe(0);
    expect(wider.stderr).toContain('rolebindings.rbac.authorization.k8s.io "helper-root" is forbidden: user "owner" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:');
    const nodes = await as('owner', ['create', 'role', 'node-reader', '-n', 'team-a', '--verb=get', '--resource=nodes']);
    expect(nodes.stderr).toContain('roles.rbac.authorization.k8s.io "node-reader" is forbidden: user "owner"');
    expect(nodes.stderr).toContain('{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}');
    // Growing its own role past what it holds is refused too; labelling it (no new rules) is not.
    const patch = JSON.stringify([{ op: 'add', path: '/rules/-', value: { apiGroups: [''], resources: ['nodes'], verbs: ['list'] } }]);
    expect((await as('owner', ['patch', 'role', 'reader', '-n', 'team-a', '--type=json', '-p', patch])).stderr).toContain('attempting to grant RBAC permissions not currently held');
    expect((await as('owner', ['label', 'role', 'reader', '-n', 'team-a', 'tier=ops'])).code).toBe(0);
    // In another namespace it holds nothing, so it may bind nothing there.
    expect((await as('owner', ['create', 'rolebinding', 'x', '-n', 'team-b', '--clusterrole=view', '--user=helper'])).stderr).toContain('cannot create resource "rolebindings"');
    expect((await api.kubectlOk(['get', 'rolebindings', '-n', 'team-a', '-o', 'name'])).split('\n').sort()).not.toContain('rolebinding.rbac.authorization.k8s.io/helper-root');
  });

  it('lets a user with no binding see discovery but nothing else, and a new binding count at once', async () => {
    expect((await as('nobody', ['api-resources', '-o', 'name'])).stdout).toContain('pods');
    expect((await as('nobody', ['get', 'pods', '-n', 'team-a'])).code).not.toBe(0);
    await api.kubectlOk(['create', 'rolebinding', 'nobody-view', '-n', 'team-a', '--clusterrole=view', '--user=nobody']);
    expect((await as('nobody', ['get', 'pods', '-n', 'team-a'])).code).toBe(0);
  });

  it('answers kubectl auth can-i truthfully, per user and namespace (SelfSubjectAccessReview)', async () => {
    const can = async (user: string, ...args: string[]) => {
      const r = await as(user, ['auth', 'can-i', ...args]);
      return `${r.stdout.trim()}${r.code === 0 ? '' : ` (exit ${r.code})`}${r.stderr ? ` ${r.stderr.trim()}` : ''}`;
    };
    expect(await can('viewer', 'get', 'configmaps', '-n', 'team-a')).toBe('yes');
    expect(await can('viewer', 'delete', 'configmaps', '-n', 'team-a')).toBe('no (exit 1)');
    expect(await can('viewer', 'get', 'secrets', '-n', 'team-a')).toBe('no (exit 1)');
    expect(await can('viewer', 'get', 'pods', '-n', 'team-b')).toBe('no (exit 1)');
    expect(await can('editor', 'create', 'deployments', '-n', 'team-a')).toBe('yes');
    expect(await can('editor', 'create', 'rolebindings', '-n', 'team-a')).toBe('no (exit 1)');
    expect(await can('nobody', 'get', 'pods', '-n', 'team-b')).toBe('no (exit 1)');
    expect((await api.kubectl(['auth', 'can-i', 'delete', 'nodes'])).stdout.trim()).toBe('yes'); // the admin
    const list = await as('viewer', ['auth', 'can-i', '--list', '-n', 'team-a']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^configmaps\s+\[\]\s+\[\]\s+\[get list watch\]/m);
    expect(list.stdout).not.toMatch(/^secrets/m);
  });
});
