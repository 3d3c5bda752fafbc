import { Errors, RESOURCE_TYPES, type KubeObject } from '@skiff/domain';
import { isolatedConfig } from '../../test/support/isolation';
import { StoreRuntime } from './store-runtime';
import type { Change, ObjectKey, WriteOp } from './store-types';

const configMaps = RESOURCE_TYPES.find((t) => t.kind === 'ConfigMap')!;
const key = (name: string): ObjectKey => ({ type: configMaps, namespace: 'default', name });

function put(name: string, data: Record<string, string>): WriteOp {
  return {
    key: key(name),
    decide: (_cur, ctx) => ({ put: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: cryptoUid(name, ctx.revision) }, data } }),
  };
}

/** Read-modify-write with a resourceVersion precondition, as an API client does. */
function bump(name: string, expectedRv: string): WriteOp {
  return {
    key: key(name),
    decide: (cur) => {
      if (!cur) throw Errors.notFound({ group: '', resource: 'configmaps' }, name);
      if (cur.metadata.resourceVersion !== expectedRv) throw Errors.conflict({ group: '', resource: 'configmaps' }, name, 'the object has been modified; please apply your changes to the latest version and try again');
      const n = Number((cur.data as Record<string, string>).n) + 1;
      return { put: { ...cur, metadata: { ...cur.metadata }, data: { n: String(n) } } };
    },
  };
}

function cryptoUid(name: string, rev: number): string {
  const hex = Buffer.from(`${name}:${rev}`).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function collect(rt: StoreRuntime, from: number) {
  const got: Change[] = [];
  let error: Error | undefined;
  const subP = rt.hub.subscribe(from, {
    onChanges: (cs) => void got.push(...cs),
    onError: (e) => (error = e),
  });
  return { got, subP, error: () => error };
}

async function until(cond: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('ResourceStore', () => {
  let rt: StoreRuntime;
  beforeAll(async () => {
    rt = await StoreRuntime.start(isolatedConfig());
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('gives each write its own gap-free revision, in order, with the change logged', async () => {
    const before = (await rt.store.revisions()).current;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => rt.store.write(put(`a${i}`, { i: String(i) }))));
    const revs = results.map((r) => Number(r.object.metadata.resourceVersion)).sort((a, b) => a - b);
    expect(revs).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
    const log = await rt.store.changesAfter(before, 100);
    expect(log.map((c) => c.revision)).toEqual(revs);
    expect(log.every((c) => c.type === 'ADDED')).toBe(true);
  });

  it('loses no update: 16 concurrent read-modify-write loops, stale writes get 409', async () => {
    await rt.store.write(put('counter', { n: '0' }));
    let ok = 0;
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 25; i++) {
          const cur = await rt.store.get(key('counter'));
          try {
            await rt.store.write(bump('counter', cur!.metadata.resourceVersion!));
            ok++;
          } catch (e) {
            expect((e as { code: number }).code).toBe(409);
            conflicts++;
          }
        }
      }),
    );
    const final = await rt.store.get(key('counter'));
    expect(Number((final!.data as Record<string, string>).n)).toBe(ok);
    expect(ok + conflicts).toBe(400);
    expect(conflicts).toBeGreaterThan(0);
  });

  it('lists at one snapshot revision', async () => {
    const { items, revision } = await rt.store.list(configMaps, { namespace: 'default' });
    expect(items.length).toBeGreaterThan(50);
    expect(Math.max(...items.map((i) => Number(i.metadata.resourceVersion)))).toBeLessThanOrEqual(revision);
  });

  it('delivers every revision exactly once, in order, to concurrent watchers, even across FLUSHALL', async () => {
    const start = (await rt.store.revisions()).current;
    const watchers = [collect(rt, start), collect(rt, start), collect(rt, start)];
    await Promise.all(watchers.map((w) => w.subP));
    const writers = 8;
    const perWriter = 400;
    let flushed = false;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await rt.store.write(put(`w${w}-${i % 20}`, { i: String(i) }));
          if (w === 0 && i === perWriter / 2) {
            await rt.redis.flushall();
            flushed = true;
          }
        }
      }),
    );
    expect(flushed).toBe(true);
    const end = start + writers * perWriter;
    for (const w of watchers) {
      await until(() => w.got.length >= writers * perWriter || !!w.error());
      expect(w.error()).toBeUndefined();
      expect(w.got.map((c) => c.revision)).toEqual(Array.from({ length: end - start }, (_, i) => start + 1 + i));
    }
    // A watch resumed from an older revision gets exactly the missed events.
    const resumed = collect(rt, end - 500);
    await resumed.subP;
    await until(() => resumed.got.length >= 500);
    expect(resumed.got.map((c) => c.revision)).toEqual(Array.from({ length: 500 }, (_, i) => end - 499 + i));
    for (const w of watchers) (await w.subP).close();
    (await resumed.subP).close();
  });

  it('answers 410 Gone for a revision older than compaction', async () => {
    const { current } = await rt.store.revisions();
    await rt.store.compact(current - 10);
    await expect(rt.hub.subscribe(current - 20, { onChanges: () => undefined, onError: () => undefined })).rejects.toMatchObject({ code: 410 });
    const ok = collect(rt, current - 10);
    await ok.subP;
    await until(() => ok.got.length >= 10);
    expect(ok.got[0].revision).toBe(current - 9);
    (await ok.subP).close();
  });

  it('refuses a write with a StatusError and changes nothing', async () => {
    const before = (await rt.store.revisions()).current;
    await expect(rt.store.write(bump('nope', '1'))).rejects.toMatchObject({ code: 404 });
    expect((await rt.store.revisions()).current).toBe(before);
  });

  it('keeps stored objects readable as written', async () => {
    const r = await rt.store.write(put('readback', { hello: 'world' }));
    const got = (await rt.store.get(key('readback'))) as KubeObject;
    expect(got.data).toEqual({ hello: 'world' });
    expect(got.metadata.resourceVersion).toBe(r.object.metadata.resourceVersion);
  });

  it('compacts the change log on its own, keeping the configured number of revisions', async () => {
    const small = await StoreRuntime.start({ ...isolatedConfig(), historyRevisions: 10 }, undefined, { compactEveryMs: 0 });
    try {
      for (let i = 0; i < 30; i++) await small.store.write(put(`c${i}`, {}));
      const end = Date.now() + 10_000;
      let r = await small.store.revisions();
      while (r.compacted < r.current - 10 && Date.now() < end) {
        await new Promise((res) => setTimeout(res, 100));
        r = await small.store.revisions();
      }
      expect(r.compacted).toBe(r.current - 10);
      const log = await small.store.changesAfter(0, 100);
      expect(log.map((c) => c.revision)).toEqual(Array.from({ length: 10 }, (_, i) => r.current - 9 + i));
    } finally {
      await small.stop();
    }
  });

  it('loses no update when two processes write the same object (each waits on the other for the revision lock)', async () => {
    // A second runtime on the same schema is a second API process: its own writer connection and batches.
    const other = await StoreRuntime.start({ ...isolatedConfig(), databaseSchema: schemaOf(rt), redisPrefix: 'skiff-test:other:' });
    try {
      await rt.store.write(put('shared', { n: '0' }));
      let ok = 0;
      await Promise.all(
        [rt, other, rt, other, rt, other, rt, other].map(async (r) => {
          for (let i = 0; i < 40; i++) {
            const cur = await r.store.get(key('shared'));
            try {
              await r.store.write(bump('shared', cur!.metadata.resourceVersion!));
              ok++;
            } catch (e) {
              expect((e as { code: number }).code).toBe(409);
            }
          }
        }),
      );
      const final = await rt.store.get(key('shared'));
      expect(Number((final!.data as Record<string, string>).n)).toBe(ok);
      const { current } = await rt.store.revisions();
      const log = await rt.store.changesAfter(current - ok, 10_000);
      expect(log.map((c) => c.revision)).toEqual(Array.from({ length: ok }, (_, i) => current - ok + 1 + i));
    } finally {
      await other.stop();
    }
  });

  it('logs, for each change, the object before it, also for several changes to one key in one batch', async () => {
    const before = (await rt.store.revisions()).current;
    const touch = (v: string): WriteOp => ({
      key: key('chain'),
      decide: (cur) => (cur ? { put: { ...cur, metadata: { ...cur.metadata }, data: { v } } } : { put: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'chain', namespace: 'default', uid: cryptoUid('chain', 0) }, data: { v } } }),
    });
    // Submitted in one tick: they share a batch.
    await Promise.all([rt.store.write(touch('1')), rt.store.write(touch('2')), rt.store.write(touch('3'))]);
    await rt.store.write({ key: key('chain'), decide: (cur) => ({ remove: { ...cur!, metadata: { ...cur!.metadata } } }) });
    const log = await rt.store.changesAfter(before, 10);
    expect(log.map((c) => `${c.type} ${(c.object.data as Record<string, string>).v} prev=${(c.prev?.data as Record<string, string> | undefined)?.v ?? '-'}`)).toEqual([
      'ADDED 1 prev=-',
      'MODIFIED 2 prev=1',
      'MODIFIED 3 prev=2',
      'DELETED 3 prev=3',
    ]);
    expect(await rt.store.get(key('chain'))).toBeUndefined();
  });
});

function schemaOf(r: StoreRuntime): string {
  return (r.ds.options as { schema: string }).schema;
}
