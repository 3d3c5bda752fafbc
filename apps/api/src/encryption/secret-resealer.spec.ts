import { RESOURCE_TYPES, type KubeObject } from '@skiff/domain';
import { isolatedConfig } from '../../test/support/isolation';
import { StoreRuntime } from '../store/store-runtime';
import type { ObjectKey, WriteOp } from '../store/store-types';
import { BodyCodec } from './body-codec';
import { generateKey } from './key-list';
import { KeyRing } from './key-ring';
import { SecretResealer } from './secret-resealer';

const secrets = RESOURCE_TYPES.find((t) => t.kind === 'Secret')!;
const configMaps = RESOURCE_TYPES.find((t) => t.kind === 'ConfigMap')!;
const key = (name: string, type = secrets): ObjectKey => ({ type, namespace: 'default', name });
const b64 = (s: string) => Buffer.from(s).toString('base64');
let uids = 0;
const uid = () => `00000000-0000-4000-8000-${String(++uids).padStart(12, '0')}`;

function putSecret(name: string, value: string): WriteOp {
  return {
    key: key(name),
    decide: (cur) => ({ put: { apiVersion: 'v1', kind: 'Secret', metadata: { ...(cur?.metadata ?? { name, namespace: 'default', uid: uid() }) }, data: { v: b64(value) } } }),
  };
}

describe('Secrets sealed at rest in the store: plaintext rows from before, key rotation, unreadable rows', () => {
  const k1 = generateKey();
  const k2 = generateKey();
  const base = { ...isolatedConfig(), encryptionKeys: [k1] };
  const started: StoreRuntime[] = [];
  const start = async (encryptionKeys = [k1]) => {
    const rt = await StoreRuntime.start({ ...base, encryptionKeys });
    started.push(rt);
    return rt;
  };
  afterAll(async () => {
    for (const rt of started) await rt.stop().catch(() => undefined);
  });

  const rows = async (rt: StoreRuntime) =>
    (await rt.ds.query(
      `SELECT name, body::text AS text, body->>'skiffSealed' AS sealed FROM objects WHERE resource = 'secrets'
       UNION ALL SELECT name, concat(body::text, prev::text), concat(body->>'skiffSealed', ' ', prev->>'skiffSealed') FROM changes WHERE resource = 'secrets'`,
    )) as { name: string; text: string; sealed: string | null }[];
  const valueOf = async (rt: StoreRuntime, name: string) => Buffer.from(((await rt.store.get(key(name)))!.data as { v: string }).v, 'base64').toString();

  it('seals Secrets written before encryption at the next start, keeping their resourceVersion', async () => {
    const a = await start();
    await a.store.write(putSecret('fresh', 'fresh-value'));
    // A row as a Skiff without encryption wrote it: plaintext in objects, the change log and the stream.
    const [{ revision }] = await a.ds.query(`WITH r AS (UPDATE revision SET revision = revision + 1 WHERE id = 1 RETURNING revision) SELECT revision FROM r`);
    const legacy: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'legacy', namespace: 'default', uid: uid(), resourceVersion: String(revision) }, data: { v: b64('legacy-value') } };
    await a.ds.query(`INSERT INTO changes (revision, type, resource, namespace, name, body) VALUES ($1, 'ADDED', 'secrets', 'default', 'legacy', $2::jsonb)`, [revision, JSON.stringify(legacy)]);
    await a.ds.query(`INSERT INTO objects (resource, namespace, name, uid, resource_version, body) VALUES ('secrets', 'default', 'legacy', $1, $2, $3::jsonb)`, [legacy.metadata.uid, revision, JSON.stringify(legacy)]);
    await a.ds.query(`SELECT pg_notify($1, '')`, [a.store.notifyChannel]);
    const stream = () => a.redis.xrange(a.streamKey, '-', '+').then((es) => es.map(([, f]) => f[1]).join('\n'));
    for (let i = 0; i < 200 && !(await stream()).includes(b64('legacy-value')); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await stream()).toContain(b64('legacy-value'));
    expect((await rows(a)).filter((r) => r.name === 'legacy').every((r) => r.text.includes(b64('legacy-value')))).toBe(true);

    await start();
    for (const r of await rows(a)) {
      expect(r.text).not.toContain(b64('legacy-value'));
      expect(r.text).not.toContain(b64('fresh-value'));
      expect(r.sealed).toMatch(new RegExp(`^${k1.id}:`));
    }
    expect(await stream()).not.toContain(b64('legacy-value'));
    expect(await valueOf(a, 'legacy')).toBe('legacy-value');
    expect((await a.store.get(key('legacy')))!.metadata.resourceVersion).toBe(String(revision));
    const log = await a.store.changesAfter(Number(revision) - 1, 10);
    expect(log.map((c) => [c.name, (c.object.data as { v: string }).v])).toEqual([['legacy', b64('legacy-value')]]);
  });

  it('re-encrypts every row and log entry with a new first key; the old key can then go', async () => {
    const a = await start([k2, k1]);
    await a.store.write(putSecret('fresh', 'fresh-value-2'));
    expect((await rows(a)).map((r) => r.sealed!.split(':')[0]).sort()).toContain(k2.id);
    const rvBefore = (await a.store.get(key('legacy')))!.metadata.resourceVersion;
    const result = await new SecretResealer(a.ds, a.store.codec).reencrypt();
    expect(result).toMatchObject({ key: k2.id, objects: 1, failed: [] });
    expect(result.changes).toBeGreaterThanOrEqual(2);
    for (const r of await rows(a)) expect(r.sealed).toMatch(new RegExp(`^${k2.id}:[^ ]+( ${k2.id}:[^ ]+)? ?$`));
    expect((await a.store.get(key('legacy')))!.metadata.resourceVersion).toBe(rvBefore);
    expect(await new SecretResealer(a.ds, a.store.codec).reencrypt()).toMatchObject({ objects: 0, changes: 0 });

    const only2 = await start([k2]);
    expect(await valueOf(only2, 'legacy')).toBe('legacy-value');
    expect(await valueOf(only2, 'fresh')).toBe('fresh-value-2');
    expect((await only2.store.changesAfter(0, 100)).filter((c) => c.resource === 'secrets')).toHaveLength(3);
    await expect(StoreRuntime.start({ ...base, encryptionKeys: [k1] })).rejects.toThrow(
      `the store holds Secrets encrypted with key "${k2.id}", which SKIFF_ENCRYPTION_KEYS does not hold`,
    );
  });

  it('fails only the reads and writes of a Secret that does not decrypt, and re-encryption lists it', async () => {
    const a = await start([k2]);
    await a.store.write(putSecret('broken', 'x'));
    await a.ds.query(`UPDATE objects SET body = jsonb_set(body, '{skiffSealed}', to_jsonb((SELECT body->>'skiffSealed' FROM objects WHERE name = 'fresh' AND resource = 'secrets'))) WHERE resource = 'secrets' AND name = 'broken'`);
    const [broken, fine] = await Promise.allSettled([a.store.get(key('broken')), a.store.get(key('fresh'))]);
    expect(broken).toMatchObject({ status: 'rejected', reason: { code: 500, message: expect.stringContaining('unable to decrypt secrets "default/broken" read from storage') } });
    expect(fine.status).toBe('fulfilled');
    const touch = (name: string, type = secrets): WriteOp => ({ key: key(name, type), decide: (cur) => ({ put: { ...cur!, metadata: { ...cur!.metadata } } }) });
    const cm: WriteOp = { key: key('cm', configMaps), decide: () => ({ put: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default', uid: uid() } } }) };
    // Submitted in one tick, so they share one write batch.
    const results = await Promise.allSettled([a.store.write(touch('broken')), a.store.write(cm), a.store.write(touch('fresh'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    await expect(a.store.list(secrets)).rejects.toMatchObject({ code: 500 });
    // Back to k1 first: everything moves but the row that does not open, which is listed.
    const result = await new SecretResealer(a.ds, new BodyCodec(new KeyRing([k1, k2]))).reencrypt();
    expect(result.failed).toEqual([expect.stringContaining('unable to decrypt secrets "default/broken"')]);
    expect(result.objects).toBe(2);
  });
});
