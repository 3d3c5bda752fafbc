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

  it('deletes a user and with it every token it had', async () => {
    await skiff(api, ['users', 'create', 'carol']);
    const t = await skiff(api, ['tokens', 'create', 'ci', '--user', 'carol']);
    const token = /token \(shown once\): (\S+)/.exec(t.stdout)![1];
    expect((await api.call('GET', '/skiff/v1/tokens', { token })).status).toBe(200);
    expect((await skiff(api, ['users', 'delete', 'carol'])).stdout).toContain('deleted');
    expect((await api.call('GET', '/skiff/v1/tokens', { token })).status).toBe(401);
  });
});
