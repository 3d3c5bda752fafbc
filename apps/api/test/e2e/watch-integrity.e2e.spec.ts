import { StoreRuntime } from '../../src/store/store-runtime';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

const WRITERS = 8;
const CHANGES_PER_WRITER = 2_560; // 20,480 changes in all
const cms = '/api/v1/namespaces/default/configmaps';

describe('watch integrity over HTTP', () => {
  let api: TestApi;
  let rt: StoreRuntime;
  beforeAll(async () => {
    api = await startTestApi();
    rt = api.server.app.get(StoreRuntime);
  });
  afterAll(async () => {
    await api?.stop();
  }, 60_000);

  it('delivers every revision once, in order, to 3 watchers while 8 writers make 20,000+ changes and Redis is flushed', async () => {
    const list = await api.call('GET', cms);
    const from = Number(list.body.metadata.resourceVersion);
    const watchers = await Promise.all([0, 1, 2].map(() => openWatch(`${api.url}${cms}?watch=true&resourceVersion=${from}`, api.token, api.server.pki.caCert)));
    let flushes = 0;
    const written: number[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < CHANGES_PER_WRITER; i++) {
          const name = `w${w}-${i % 32}`;
          const res =
            i < 32
              ? await api.call('POST', cms, { body: { metadata: { name }, data: { i: String(i) } } })
              : await api.call('PATCH', `${cms}/${name}`, { raw: JSON.stringify({ data: { i: String(i) } }), contentType: 'application/merge-patch+json' });
          if (res.status >= 300) throw new Error(`write failed: ${res.status} ${res.text}`);
          written.push(Number(res.body.metadata.resourceVersion));
          if (w === 0 && i % 800 === 400) {
            await rt.redis.flushall();
            flushes++;
          }
        }
      }),
    );
    expect(flushes).toBeGreaterThanOrEqual(3);
    const total = WRITERS * CHANGES_PER_WRITER;
    const expected = Array.from({ length: total }, (_, i) => from + 1 + i);
    expect([...written].sort((a, b) => a - b)).toEqual(expected);
    for (const w of watchers) {
      await until(() => w.events.length >= total);
      expect(w.events.map((e) => Number(e.object.metadata.resourceVersion))).toEqual(expected);
      expect(new Set(w.events.map((e) => e.type))).toEqual(new Set(['ADDED', 'MODIFIED']));
    }
    await Promise.all(watchers.map((w) => w.close()));

    // Resumed from an older revision: exactly the events after it.
    const resumeAt = from + total - 1_000;
    const resumed = await openWatch(`${api.url}${cms}?watch=true&resourceVersion=${resumeAt}`, api.token, api.server.pki.caCert);
    await until(() => resumed.events.length >= 1_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.events.map((e) => Number(e.object.metadata.resourceVersion))).toEqual(expected.slice(-1_000));
    await resumed.close();
    // 20,000 HTTPS writes: about a minute alone, two in CI beside the other suites. A correctness test, not a timed one.
  }, 360_000);

  it('answers a watch from before compaction with 410 Expired', async () => {
    const { current } = await rt.store.revisions();
    await rt.store.compact(current - 5);
    const w = await openWatch(`${api.url}${cms}?watch=true&resourceVersion=${current - 100}`, api.token, api.server.pki.caCert);
    await w.ended;
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  });

  it('loses no update: 16 concurrent read-modify-write loops; the final value counts the successes, the rest got 409', async () => {
    expect((await api.call('POST', cms, { body: { metadata: { name: 'counter' }, data: { n: '0' } } })).status).toBe(201);
    let ok = 0;
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 30; i++) {
          const cur = (await api.call('GET', `${cms}/counter`)).body;
          cur.data.n = String(Number(cur.data.n) + 1);
          const res = await api.call('PUT', `${cms}/counter`, { body: cur });
          if (res.status === 200) ok++;
          else if (res.status === 409 && res.body.reason === 'Conflict') conflicts++;
          else throw new Error(`unexpected ${res.status}: ${res.text}`);
        }
      }),
    );
    const final = (await api.call('GET', `${cms}/counter`)).body;
    expect(Number(final.data.n)).toBe(ok);
    expect(ok + conflicts).toBe(480);
    expect(conflicts).toBeGreaterThan(0);
  });
});
