import { RESOURCE_TYPES } from '@skiff/domain';
import { randomBytes } from 'crypto';
import { ObjectRegistry } from '../../apps/api/src/registry/object-registry';
import { internalContext } from '../../apps/api/src/registry/request-context';
import { generateKey } from '../../apps/api/src/encryption/key-list';
import { StoreRuntime } from '../../apps/api/src/store/store-runtime';
import type { Change } from '../../apps/api/src/store/store-types';

export interface Figures {
  p50: number;
  p99: number;
  opsPerSec: number;
}

type Load = (clients: number, op: (client: number, i: number) => Promise<void>) => Promise<Figures>;

/**
 * The store and registry without HTTP: creates through ObjectRegistry (validation,
 * defaults, group commit) and watch delivery measured from the write's commit
 * being acknowledged to the change reaching a WatchHub subscriber.
 */
export async function inProcessFigures(load: Load, pct: (xs: number[], p: number) => number, durationMs: number) {
  const id = randomBytes(4).toString('hex');
  const rt = await StoreRuntime.start({
    databaseUrl: process.env.DATABASE_URL!,
    databaseSchema: `bench_${id}`,
    redisUrl: process.env.REDIS_URL!,
    redisPrefix: `skiff-bench:${id}:`,
    streamLength: 100_000,
    historyRevisions: 1_000_000,
    encryptionKeys: [generateKey()],
  });
  const registry = new ObjectRegistry(rt.store, { serviceCidr: '127.32.0.0/16', nodePortRange: [30000, 32767], podCidr: '127.64.0.0/10', nodeCidrMaskSize: 24, usedClaims: async () => new Set() });
  const namespaces = RESOURCE_TYPES.find((t) => t.kind === 'Namespace')!;
  const configMaps = RESOURCE_TYPES.find((t) => t.kind === 'ConfigMap')!;
  await registry.create(namespaces, '', { metadata: { name: 'default' } }, internalContext());
  let seq = 0;
  const body = () => ({ metadata: { name: `r${seq++}`, labels: { bench: 'yes' } }, data: { k: 'v'.repeat(200) } });
  const create16 = await load(16, async () => void (await registry.create(configMaps, 'default', body(), internalContext())));
  const bt = (globalThis as any).__bt as number[][];
  if (bt) {
    const avg = (i: number) => (bt.reduce((a, r) => a + r[i], 0) / bt.length).toFixed(2);
    process.stderr.write(`batches ${bt.length} avg size ${avg(0)} begin ${avg(1)} lock+prefetch ${avg(2)} decide ${avg(3)} write ${avg(4)} commit ${avg(5)}\n`);
  }

  // Delivery: acknowledged write → hub event, with 1 and 16 writers.
  const delivery: Record<number, Figures> = {};
  for (const writers of [1, 16]) {
    const acked = new Map<number, number>();
    const arrived = new Map<number, number>();
    const sub = await rt.hub.subscribe((await rt.store.revisions()).current, {
      onChanges: (cs: Change[]) => {
        const t = performance.now();
        for (const c of cs) arrived.set(c.revision, t);
      },
      onError: () => undefined,
    });
    const end = Date.now() + durationMs;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (Date.now() < end) {
          const obj = await registry.create(configMaps, 'default', body(), internalContext());
          acked.set(Number(obj.metadata.resourceVersion), performance.now());
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    sub.close();
    const lat = [...acked].map(([rev, t]) => Math.max(0, (arrived.get(rev) ?? Infinity) - t));
    delivery[writers] = { p50: pct(lat, 50), p99: pct(lat, 99), opsPerSec: lat.length / (durationMs / 1000) };
  }
  await rt.ds.query(`DROP SCHEMA bench_${id} CASCADE`);
  await rt.stop();
  return { create16, delivery };
}
