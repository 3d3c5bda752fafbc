import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';

/** `npm run skiff -- …` as an admin runs it, against this API. */
function skiff(api: TestApi, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/api/src/cli/main.ts'), '--kubeconfig', api.kubeconfig, ...args], { timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input ?? '');
  });
}

describe('accounts: the admin CLI, per-user kubeconfigs and tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('creates a user, writes a kubeconfig for it that kubectl uses, and revoking its token locks kubectl out', async () => {
    const created = await skiff(api, ['users', 'create', 'alice', '--group', 'team-a', '--password-stdin'], 'a long enough password\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('user alice created (groups: team-a)');
    expect((await skiff(api, ['users', 'list'])).stdout).toMatch(/^alice\s+team-a/m);

    await api.kubectlOk(['create', 'clusterrolebinding', 'alice-view', '--clusterrole=view', '--user=alice']);
    const kc = await skiff(api, ['kubeconfig', '--user', 'alice', '--expires', '30d']);
    expect(kc.code).toBe(0);
    const file = path.join(api.home, 'alice.kubeconfig');
    fs.writeFileSync(file, kc.stdout, { mode: 0o600 });
    const who = await api.kubectl(['get', 'namespaces', '-o', 'name'], { kubeconfig: file });
    expect(who.stderr).toBe('');
    expect(who.stdout).toContain('namespace/default');

    // Alice is no admin: the accounts of others are not hers to see.
    const token = /token: (\S+)/.exec(kc.stdout)![1];
    expect((await api.call('GET', '/skiff/v1/users', { token })).status).toBe(403);
    const mine = await api.call('GET', '/skiff/v1/tokens', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t: { user: string }) => t.user)).toEqual(['alice']);
    expect(mine.body.items[0].expiresAt).toBeDefined();
    expect(JSON.stringify(mine.body)).not.toContain(token);

    const listed = await skiff(api, ['tokens', 'list', '--user', 'alice']);
    const id = listed.stdout.split('\n')[1].split(/\s+/)[0];
    expect((await skiff(api, ['tokens', 'revoke', id])).stdout).toContain(`token ${id} revoked`);
    const after = await api.kubectl(['get', 'namespaces'], { kubeconfig: file });
    expect(after.code).not.toBe(0);
    expect(after.stderr).toMatch(/Unauthorized|must be logged in/);
  });

  it('refuses a weak password and a second user of a name, naming the problem', async () => {
    const weak = await skiff(api, ['users', 'create', 'bob', '--password-stdin'], 'short\n');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('at least 12 characters');
    expect((await skiff(api, ['users', 'create', 'bob'])).stdout).toMatch(/password \(shown once\): \S{20,}/);
    expect((await skiff(api, ['users', 'create', 'bob'])).stderr).toContain('already exists');
  });

  it('grants roles with rolebinding create, lists the bindings naming a user, and deletes them', async () => {
    await api.kubectlOk(['create', 'namespace', 'team-b']);
    await skiff(api, ['users', 'create', 'dora']);
    const file = path.join(api.home, 'dora.kubeconfig');
    fs.writeFileSync(file, (await skiff(api, ['kubeconfig', '--user', 'dora', '--namespace', 'team-b'])).stdout, { mode: 0o600 });
    const asDora = (args: string[]) => api.kubectl(args, { kubeconfig: file });
    expect((await asDora(['create', 'configmap', 'a', '--from-literal=k=v'])).code).not.toBe(0);

    const inNamespace = await skiff(api, ['rolebinding', 'create', 'dora-edit', '--clusterrole=edit', '--user=dora', '-n', 'team-b']);
    expect(inNamespace.stdout).toBe('rolebinding dora-edit created in namespace team-b: ClusterRole/edit for User/dora\n');
    const clusterWide = await skiff(api, ['rolebinding', 'create', 'dora-view', '--clusterrole', 'view', '--user', 'dora']);
    expect(clusterWide.stdout).toBe('clusterrolebinding dora-view created: ClusterRole/view for User/dora\n');
    expect((await skiff(api, ['rolebinding', 'create', 'readers', '--role=reader', '--group=team-b'])).stderr).toContain('--role needs -n NAMESPACE');
    expect((await skiff(api, ['rolebinding', 'create', 'nobody', '--clusterrole=view'])).stderr).toContain('exactly one --user or --group is required');
    expect(await api.kubectlOk(['get', 'clusterrolebinding', 'dora-view', '-o', 'jsonpath={.subjects[0].kind}/{.subjects[0].name}'])).toBe('User/dora');
    expect((await asDora(['create', 'configmap', 'a', '--from-literal=k=v'])).code).toBe(0);
    expect((await asDora(['get', 'pods', '-n', 'default'])).code).toBe(0);

    const listed = (await skiff(api, ['rolebinding', 'list', '--user', 'dora'])).stdout.trimEnd().split('\n');
    expect(listed[0]).toMatch(/^NAMESPACE\s+NAME\s+ROLE\s+SUBJECTS$/);
    expect(listed.slice(1).map((l) => l.split(/\s+/).join(' '))).toEqual(['<cluster-wide> dora-view ClusterRole/view User/dora', 'team-b dora-edit ClusterRole/edit User/dora']);
    expect((await skiff(api, ['rolebinding', 'list'])).stdout).toMatch(/^<cluster-wide>\s+cluster-admin\s+ClusterRole\/cluster-admin\s+Group\/system:masters$/m);
    expect((await skiff(api, ['rolebinding', 'list', '-n', 'team-b'])).stdout.trimEnd().split('\n')).toHaveLength(2);

    expect((await skiff(api, ['rolebinding', 'delete', 'dora-edit', '-n', 'team-b'])).stdout).toBe('rolebinding dora-edit deleted from namespace team-b\n');
    expect((await skiff(api, ['rolebinding', 'delete', 'dora-view'])).stdout).toBe('clusterrolebinding dora-view deleted\n');
    expect((await skiff(api, ['rolebinding', 'list', '--user', 'dora'])).stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((await asDora(['create', 'configmap', 'b', '--from-literal=k=v'])).code).not.toBe(0);
    const again = await skiff(api, ['rolebinding', 'delete', 'dora-view']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('clusterrolebindings.rbac.authorization.k8s.io "dora-view" not found (404)');
  });

  it('deletes a user and with it every token it had', async () => {
    await skiff(api, ['users', 'create', 'carol']);
    const t = await skiff(api, ['tokens', 'create', 'ci', '--user', 'carol']);
    const token = /token \(shown once\): (\S+)/.exec(t.stdout)![1];
    expect((await api.call('GET', '/skiff/v1/tokens', { token })).status).toBe(200);
    expect((await skiff(api, ['users', 'delete', 'carol'])).stdout).toContain('deleted');
    expect((await api.call('GET', '/skiff/v1/tokens', { token })).status).toBe(401);
  });
});
