import Redis from 'ioredis';
import { ControllerRuntime, type ControllerRuntimeOptions } from '../../src/controllers/runtime/controller-runtime';
import { objectKeyOf, type Controller } from '../../src/controllers/runtime/controller';
import { StoreRuntime } from '../../src/store/store-runtime';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A test controller over ConfigMaps: records each reconcile (what it saw, when, how
 * many ran at once per key) and can be told to be slow or to fail.
 */
class Recorder implements Controller {
  readonly name = 'recorder';
  readonly watches = { configmaps: (c: { object: { metadata: { namespace?: string; name?: string } } }) => [objectKeyOf(c.object)] };
  readonly seen: { key: string; value?: string; at: number }[] = [];
  readonly running = new Map<string, number>();
  maxParallelPerKey = 0;
  maxParallel = 0;
  slowMs = 0;
  failures = new Map<string, number>();

  constructor(private readonly api: TestApi) {}

  async keys(): Promise<string[]> {
    const list = (await this.api.call('GET', '/api/v1/namespaces/default/configmaps')).body;
    return list.items.map(objectKeyOf);
  }

  async reconcile(key: string): Promise<void> {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.maxParallelPerKey = Math.max(this.maxParallelPerKey, this.running.get(key)!);
    this.maxParallel = Math.max(this.maxParallel, [...this.running.values()].reduce((a, b) => a + b, 0));
    try {
      const name = key.split('/')[1];
      const cm = (await this.api.call('GET', `/api/v1/namespaces/default/configmaps/${name}`)).body;
      this.seen.push({ key, value: cm.data?.v, at: Date.now() });
      if (this.slowMs) await sleep(this.slowMs);
      const left = this.failures.get(key) ?? 0;
      if (left > 0) {
        this.failures.set(key, left - 1);
        throw new Error('told to fail');
      }
    } finally {
      this.running.set(key, this.running.get(key)! - 1);
    }
  }
}

describe('controller runtime (BullMQ)', () => {
  let api: TestApi;
  const runtimes: ControllerRuntime[] = [];
  const cms = '/api/v1/namespaces/default/configmaps';

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ROLES: 'api' });
  });
  afterAll(async () => {
    await Promise.all(runtimes.map((r) => r.stop()));
    await api?.stop();
  });

  async function start(c: Controller, prefix: string, opts: Partial<ControllerRuntimeOptions> = {}): Promise<ControllerRuntime> {
    const rt = api.server.app.get(StoreRuntime);
    const runtime = new ControllerRuntime(rt.store, rt.hub, [c], { redisUrl: process.env.REDIS_URL!, prefix, backoffMs: 100, concurrency: 4, ...opts });
    runtimes.push(runtime);
    await runtime.start();
    return runtime;
  }

  it('resyncs every key at start, then reconciles each change; a burst of changes to one key collapses', async () => {
    await api.call('POST', cms, { body: { metadata: { name: 'before' }, data: { v: '0' } } });
    const c = new Recorder(api);
    c.slowMs = 200;
    await start(c, `${Math.random()}:`);
    await until(async () => c.seen.some((s) => s.key === 'default/before'), 10_000);
    await api.call('POST', cms, { body: { metadata: { name: 'burst' }, data: { v: '0' } } });
    for (let i = 1; i <= 20; i++) await api.call('PATCH', `${cms}/burst`, { body: { data: { v: String(i) } }, contentType: 'application/merge-patch+json' });
    // Level-triggered: the last reconcile sees the last state, however few ran.
    await until(async () => c.seen.filter((s) => s.key === 'default/burst').at(-1)?.value === '20', 10_000);
    await sleep(600);
    const runs = c.seen.filter((s) => s.key === 'default/burst');
    expect(runs.length).toBeLessThan(10);
    expect(runs.at(-1)!.value).toBe('20');
    expect(c.maxParallelPerKey).toBe(1);
  });

  it('two runtimes (two processes) never reconcile one key at once, but do run different keys in parallel', async () => {
    const c = new Recorder(api);
    c.slowMs = 100;
    const prefix = `${Math.random()}:`;
    await start(c, prefix);
    await start(c, prefix);
    const names = Array.from({ length: 8 }, (_, i) => `par-${i}`);
    await Promise.all(names.map((n) => api.call('POST', cms, { body: { metadata: { name: n }, data: { v: '0' } } })));
    for (let round = 1; round <= 5; round++) {
      await Promise.all(names.map((n) => api.call('PATCH', `${cms}/${n}`, { body: { data: { v: String(round) } }, contentType: 'application/merge-patch+json' })));
      await sleep(30);
    }
    await until(async () => names.every((n) => c.seen.filter((s) => s.key === `default/${n}`).at(-1)?.value === '5'), 15_000);
    expect(c.maxParallelPerKey).toBe(1);
    expect(c.maxParallel).toBeGreaterThan(1);
  });

  it('retries a failing reconcile with growing back-off', async () => {
    const c = new Recorder(api);
    c.failures.set('default/flaky', 3);
    await start(c, `${Math.random()}:`);
    await api.call('POST', cms, { body: { metadata: { name: 'flaky' }, data: { v: 'x' } } });
    await until(async () => c.seen.filter((s) => s.key === 'default/flaky').length >= 4, 10_000);
    const at = c.seen.filter((s) => s.key === 'default/flaky').map((s) => s.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // 100, 200, 400 ms
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
  });

  it('looks at every key again once Redis has lost the queued jobs (flushed), not only at the 5-minute resync', async () => {
    const c = new Recorder(api);
    c.failures.set('default/lost', 1);
    const prefix = `${Math.random()}:`;
    // The failed reconcile's retry waits a minute in Redis: the flush drops it.
    await start(c, prefix, { backoffMs: 60_000, queueCheckMs: 300 });
    await api.call('POST', cms, { body: { metadata: { name: 'lost' }, data: { v: 'x' } } });
    await until(async () => c.seen.some((s) => s.key === 'default/lost'), 10_000);
    await sleep(500);
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      // FLUSHALL, limited to this runtime's keys (other suites share this Redis).
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.some((k) => k.includes('bull'))).toBe(true);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await until(async () => c.seen.filter((s) => s.key === 'default/lost').length >= 2, 10_000);
  });
});
