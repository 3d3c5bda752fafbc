import { execFile } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StoreRuntime } from '../../src/store/store-runtime';
import { ROOT } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretsPath = '/api/v1/namespaces/default/secrets';

/** `npm run skiff -- …` against this API, as the admin. */
function skiff(api: TestApi, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/api/src/cli/main.ts'), '--kubeconfig', api.kubeconfig, ...args], { timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Secrets encrypted at rest (AES-256-GCM): kubectl sees no difference, Postgres and Redis never see plaintext. */
describe('Secrets encrypted at rest, with the real kubectl', () => {
  let api: TestApi;
  const value = `s3cr3t-${randomBytes(6).toString('hex')}`;
  const value2 = `r0tated-${randomBytes(6).toString('hex')}`;
  /** What must never appear in Postgres or Redis: the values and their base64 as `data` holds them. */
  const forbidden = [value, b64(value), value2, b64(value2)];
  /** The revision before the first Secret was written. */
  let start = '';

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const rt = () => api.server.app.get(StoreRuntime);
  const query = (sql: string, args: unknown[] = []) => rt().ds.query(sql, args);
  /** Every stored form of the Secrets: objects rows and change-log entries (body and prev), as raw JSON text. */
  const storedSecrets = async (): Promise<{ where: string; text: string; keys: string[] }[]> => [
    ...(await query(`SELECT name, body::text AS text, body->>'skiffSealed' AS k FROM objects WHERE resource = 'secrets'`)).map((r: any) => ({ where: `objects ${r.name}`, text: r.text, keys: [r.k] })),
    ...(await query(`SELECT revision, name, body::text AS b, prev::text AS p, body->>'skiffSealed' AS bk, prev->>'skiffSealed' AS pk FROM changes WHERE resource = 'secrets'`)).map((r: any) => ({
      where: `changes ${r.revision} ${r.name}`,
      text: `${r.b} ${r.p}`,
      keys: r.p === null ? [r.bk] : [r.bk, r.pk],
    })),
  ];
  const keyIdOf = (keys: string) => keys.split(':')[0];

  it('serves the value back to kubectl and a watch, while Postgres and Redis hold only ciphertext', async () => {
    const keyFile = path.join(api.home, 'encryption-keys');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const k1 = keyIdOf(api.env.SKIFF_ENCRYPTION_KEYS);
    expect(fs.readFileSync(keyFile, 'utf8')).toContain(api.env.SKIFF_ENCRYPTION_KEYS);

    start = (await api.call('GET', secretsPath)).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}${secretsPath}?watch=true&resourceVersion=${start}`, api.token, api.server.pki.caCert);
    await api.kubectlOk(['create', 'secret', 'generic', 'db-pass', `--from-literal=password=${value}`]);
    expect(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'yaml'])).toContain(`password: ${b64(value)}`);
    await api.kubectlOk(['patch', 'secret', 'db-pass', '--type=merge', '-p', JSON.stringify({ stringData: { password: value2 }, metadata: { annotations: { note: value } } })]);
    expect(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'jsonpath={.data.password}'])).toBe(b64(value2));

    await until(() => w.events.length >= 2, 10_000);
    await w.close();
    expect(w.events.map((e) => [e.type, e.object.metadata.name, e.object.data?.password, e.object.skiffSealed])).toEqual([
      ['ADDED', 'db-pass', b64(value), undefined],
      ['MODIFIED', 'db-pass', b64(value2), undefined],
    ]);

    const stored = (await storedSecrets()).filter((s) => s.where.endsWith(' db-pass'));
    expect(stored.map((s) => s.where.split(' ')[0])).toEqual(['objects', 'changes', 'changes']);
    for (const s of stored) {
      for (const f of forbidden) expect({ where: s.where, holds: s.text.includes(f) }).toEqual({ where: s.where, holds: false });
      for (const k of s.keys) expect(keyIdOf(k)).toBe(k1);
    }

    // The change stream in Redis carries the sealed form too.
    const { current } = await rt().store.revisions();
    const stream = async () => (await rt().redis.xrange(rt().streamKey, '-', '+')).map(([id, f]) => ({ id, text: f[1] }));
    await until(async () => (await stream()).some((e) => e.id === `${current}-0`), 10_000);
    const entries = (await stream()).filter((e) => e.text.includes('"db-pass"'));
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e.text).toContain('"skiffSealed"');
      for (const f of forbidden) expect(e.text).not.toContain(f);
    }
  });

  it('answers a 500 Status, not garbage, when the stored ciphertext was altered or moved to another Secret', async () => {
    await api.kubectlOk(['create', 'secret', 'generic', 'other', '--from-literal=k=v']);
    const where = `resource = 'secrets' AND namespace = 'default' AND name = $1`;
    const [{ body: original }] = await query(`SELECT body FROM objects WHERE ${where}`, ['db-pass']);
    const [id, data] = (original.skiffSealed as string).split(':');
    const raw = Buffer.from(data, 'base64');
    raw[raw.length - 20] ^= 1;
    const setSealed = (sealed: string) => query(`UPDATE objects SET body = jsonb_set(body, '{skiffSealed}', to_jsonb($2::text)) WHERE ${where}`, ['db-pass', sealed]);
    try {
      await setSealed(`${id}:${raw.toString('base64')}`);
      const got = await api.call('GET', `${secretsPath}/db-pass`);
      expect(got.status).toBe(500);
      expect(got.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'InternalError',
        code: 500,
        message: expect.stringMatching(/^Internal error occurred: unable to decrypt secrets "default\/db-pass" read from storage: .*failed authentication/),
      });
      const viaKubectl = await api.kubectl(['get', 'secret', 'db-pass', '-o', 'yaml']);
      expect(viaKubectl.code).not.toBe(0);
      expect(viaKubectl.stdout).toBe('');
      expect(viaKubectl.stderr).toContain('unable to decrypt secrets "default/db-pass"');

      const [{ sealed: others }] = await query(`SELECT body->>'skiffSealed' AS sealed FROM objects WHERE ${where}`, ['other']);
      await setSealed(others);
      const moved = await api.call('GET', `${secretsPath}/db-pass`);
      expect(moved.status).toBe(500);
      expect(moved.text).not.toContain(b64('v'));
      // Other Secrets, and other kinds, are still served.
      expect((await api.call('GET', `${secretsPath}/other`)).status).toBe(200);
      expect((await api.call('GET', '/api/v1/namespaces/default/configmaps')).status).toBe(200);
    } finally {
      await query(`UPDATE objects SET body = $2::jsonb WHERE ${where}`, ['db-pass', JSON.stringify(original)]);
    }
    expect(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'jsonpath={.data.password}'])).toBe(b64(value2));
  });

  it('serves later pages of a paged list from the sealed change log (the object as it was)', async () => {
    for (const n of ['page-a', 'page-b']) await api.kubectlOk(['create', 'secret', 'generic', n, `--from-literal=v=${n}-old`]);
    const first = (await api.call('GET', `${secretsPath}?limit=1`)).body;
    expect(first.items.map((s: any) => s.metadata.name)).toEqual(['db-pass']);
    await api.kubectlOk(['patch', 'secret', 'page-b', '--type=merge', '-p', '{"stringData":{"v":"page-b-new"}}']);
    const rest = (await api.call('GET', `${secretsPath}?limit=10&continue=${encodeURIComponent(first.metadata.continue)}`)).body;
    expect(rest.items.map((s: any) => [s.metadata.name, Buffer.from(Object.values(s.data as Record<string, string>)[0], 'base64').toString()])).toEqual([
      ['other', 'v'],
      ['page-a', 'page-a-old'],
      ['page-b', 'page-b-old'],
    ]);
  });

  it('rotates keys: a new key first, `skiff secrets reencrypt`, every row on the new key, the old key dropped', async () => {
    const store = { SKIFF_DB_SCHEMA: api.env.SKIFF_DB_SCHEMA, SKIFF_REDIS_PREFIX: api.env.SKIFF_REDIS_PREFIX };
    const k1 = api.env.SKIFF_ENCRYPTION_KEYS;
    const k2 = `k2:${randomBytes(32).toString('base64')}`;
    const rvBefore = JSON.parse(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'json'])).metadata.resourceVersion;

    // Restart with k2 first: old Secrets still read (k1), new writes use k2.
    await api.stop();
    api = await startTestApi({ ...store, SKIFF_ENCRYPTION_KEYS: `${k2},${k1}` });
    expect(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'jsonpath={.data.password}'])).toBe(b64(value2));
    await api.kubectlOk(['create', 'secret', 'generic', 'after-rotation', `--from-literal=password=${value}`]);
    const ids = async () => new Set((await storedSecrets()).flatMap((s) => s.keys.map(keyIdOf)));
    expect(await ids()).toEqual(new Set([keyIdOf(k1), 'k2']));

    expect((await api.call('POST', '/skiff/v1/secrets/reencrypt', { token: api.joinToken })).status).toBe(403);
    const out = await skiff(api, ['secrets', 'reencrypt']);
    expect(out.stderr).toBe('');
    // db-pass, other, page-a, page-b (after-rotation is on k2 already); their 6 change-log entries.
    expect(out.stdout).toBe('re-encrypted with key k2: 4 Secrets, 6 change-log entries\n');
    expect(await ids()).toEqual(new Set(['k2']));
    for (const s of await storedSecrets()) for (const f of forbidden) expect(s.text.includes(f)).toBe(false);
    // The objects did not change, only how they are stored: same resourceVersion, no watch event.
    expect(JSON.parse(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'json'])).metadata.resourceVersion).toBe(rvBefore);
    expect((await skiff(api, ['secrets', 'reencrypt'])).stdout).toContain('k2: 0 Secrets, 0 change-log entries');

    // k1 can go: a restart with k2 alone reads everything, history included (the Redis stream's entries
    // sealed with k1 do not open: the watch reads them from the re-encrypted change log instead).
    await api.stop();
    api = await startTestApi({ ...store, SKIFF_ENCRYPTION_KEYS: k2 });
    expect(await api.kubectlOk(['get', 'secret', 'db-pass', '-o', 'jsonpath={.data.password}'])).toBe(b64(value2));
    expect(await api.kubectlOk(['get', 'secret', 'after-rotation', '-o', 'jsonpath={.data.password}'])).toBe(b64(value));
    const w = await openWatch(`${api.url}${secretsPath}?watch=true&resourceVersion=${start}`, api.token, api.server.pki.caCert);
    await until(() => w.events.length >= 7, 10_000);
    await w.close();
    expect(w.events.slice(0, 2).map((e) => [e.type, e.object.metadata.name, e.object.data.password])).toEqual([
      ['ADDED', 'db-pass', b64(value)],
      ['MODIFIED', 'db-pass', b64(value2)],
    ]);
    expect(w.events[6]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'after-rotation' }, data: { password: b64(value) } } });
  });
});
