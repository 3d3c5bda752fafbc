import * as fs from 'fs';
import * as path from 'path';
import { startTestApi, type TestApi } from '../support/test-server';

/** kubectl --as / --as-group: impersonation, allowed by RBAC's `impersonate` verb as on Kubernetes. */
describe('impersonation (kubectl --as)', () => {
  let api: TestApi;
  let aliceKubeconfig: string;
  let aliceToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    expect((await api.call('POST', '/skiff/v1/users', { body: { name: 'alice', password: 'alice-long-password' } })).status).toBe(201);
    aliceToken = (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'kubeconfig', user: 'alice' } })).body.token;
    aliceKubeconfig = path.join(api.home, 'alice.kubeconfig');
    fs.writeFileSync(aliceKubeconfig, fs.readFileSync(api.kubeconfig, 'utf8').replace(/token: .*/, `token: ${aliceToken}`), { mode: 0o600 });
    await api.kubectlOk(['create', 'namespace', 'team-a']);
    await api.kubectlOk(['create', 'configmap', 'settings', '-n', 'team-a', '--from-literal=k=v']);
    await api.kubectlOk(['create', 'rolebinding', 'bob-view', '-n', 'team-a', '--clusterrole=view', '--user=bob']);
    await api.kubectlOk(['create', 'rolebinding', 'ops-edit', '-n', 'team-a', '--clusterrole=edit', '--group=ops']);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const alice = (args: string[]) => api.kubectl(args, { kubeconfig: aliceKubeconfig });

  it('lets an admin act as another user, with exactly that user’s permissions', async () => {
    expect((await api.kubectlOk(['auth', 'can-i', 'get', 'configmaps', '-n', 'team-a', '--as=bob'])).trim()).toBe('yes');
    expect((await api.kubectl(['auth', 'can-i', 'delete', 'configmaps', '-n', 'team-a', '--as=bob'])).stdout.trim()).toBe('no');
    expect(await api.kubectlOk(['get', 'configmap', 'settings', '-n', 'team-a', '--as=bob', '-o', 'name'])).toContain('configmap/settings');
    const del = await api.kubectl(['delete', 'configmap', 'settings', '-n', 'team-a', '--as=bob']);
    expect(del.stderr).toContain('configmaps "settings" is forbidden: User "bob" cannot delete resource "configmaps" in API group "" in the namespace "team-a"');
    // A group asked for with --as-group brings that group's bindings, and nothing of the user's own.
    expect((await api.kubectlOk(['auth', 'can-i', 'delete', 'configmaps', '-n', 'team-a', '--as=carol', '--as-group=ops'])).trim()).toBe('yes');
    expect((await api.kubectl(['auth', 'can-i', 'get', 'configmaps', '-n', 'team-a', '--as=carol'])).stdout.trim()).toBe('no');
  });

  it('refuses a user without the impersonate permission, in kube-apiserver’s words', async () => {
    const r = await alice(['get', 'configmaps', '-n', 'team-a', '--as=bob']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it('allows only the users and groups an impersonate rule names', async () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'impersonate-bob' }, rules: [{ apiGroups: [''], resources: ['users'], verbs: ['impersonate'], resourceNames: ['bob'] }] };
    await api.kubectlOk(['apply', '-f', '-'], { input: JSON.stringify(role) });
    await api.kubectlOk(['create', 'clusterrolebinding', 'alice-impersonates', '--clusterrole=impersonate-bob', '--user=alice']);
    expect(await (await alice(['get', 'configmap', 'settings', '-n', 'team-a', '--as=bob', '-o', 'name'])).stdout).toContain('configmap/settings');
    expect((await alice(['get', 'configmaps', '-n', 'team-a', '--as=carol'])).stderr).toContain('users "carol" is forbidden: User "alice" cannot impersonate resource "users"');
    expect((await alice(['get', 'configmaps', '-n', 'team-a', '--as=bob', '--as-group=ops'])).stderr).toContain('groups "ops" is forbidden: User "alice" cannot impersonate resource "groups"');
  });

  it('answers 400 for a group without a user, and writes as the impersonated user', async () => {
    const r = await api.call('GET', '/api/v1/namespaces/team-a/configmaps', { headers: { 'impersonate-group': 'ops' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
    const created = await api.call('POST', '/api/v1/namespaces/team-a/configmaps', { body: { metadata: { name: 'by-ops' } }, headers: { 'impersonate-user': 'dave', 'impersonate-group': 'ops' } });
    expect(created.status).toBe(201);
    const refused = await api.call('POST', '/api/v1/namespaces/team-a/configmaps', { body: { metadata: { name: 'by-dave' } }, headers: { 'impersonate-user': 'dave' } });
    expect(refused.status).toBe(403);
  });
});
