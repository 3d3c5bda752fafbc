/**
 * bench/api: latency and throughput of the Kubernetes API on this machine, beside
 * the raw Postgres single-row insert rate measured in the same run. Prints figures;
 * passes or fails nothing. Run: `npm run bench:api` (uses DATABASE_URL / REDIS_URL
 * when set, else starts embedded ones).
 */
import * as os from 'os';
import { percentile, runBench } from '../support/run-bench';
import { Client } from 'pg';
import { Agent, request } from 'undici';
import { openWatch } from '../../apps/api/test/support/watch-client';
import { startApiProcess } from '../support/api-process';
import { atLeast, atMost, figureList, reportFigures, type Target } from '../support/figures';
import { inProcessFigures } from './in-process';

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;

const pct = percentile;

async function rawInsertRate(url: string, clients: number): Promise<number> {
  const conns = await Promise.all(Array.from({ length: clients }, async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  await conns[0].query('CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, body jsonb)');
  let n = 0;
  const end = Date.now() + DURATION_MS;
  const body = JSON.stringify({ metadata: { name: 'x', labels: { a: 'b' } }, data: { k: 'v'.repeat(200) } });
  await Promise.all(conns.map(async (c) => {
    while (Date.now() < end) {
      await c.query('INSERT INTO bench_raw (body) VALUES ($1)', [body]);
      n++;
    }
  }));
  await conns[0].query('DROP TABLE bench_raw');
  await Promise.all(conns.map((c) => c.end()));
  return n / (DURATION_MS / 1000);
}

async function load(clients: number, op: (client: number, i: number) => Promise<void>) {
  const lat: number[] = [];
  const end = Date.now() + DURATION_MS;
  const started = Date.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; Date.now() < end; i++) {
      const t = performance.now();
      await op(c, i);
      lat.push(performance.now() - t);
    }
  }));
  const secs = (Date.now() - started) / 1000;
  return { p50: pct(lat, 50), p99: pct(lat, 99), opsPerSec: lat.length / secs, n: lat.length };
}

async function main(): Promise<void> {
  const api = await startApiProcess(Number(process.env.BENCH_PORT ?? 16443), {
    nodeArgs: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
  });
  const dispatcher = new Agent({ connect: { ca: api.ca }, connections: 64 });
  const call = async (method: string, path: string, body?: unknown, ct = 'application/json') => {
    const res = await request(api.url + path, {
      method: method as 'GET',
      dispatcher,
      headers: { authorization: `Bearer ${api.token}`, 'content-type': ct, accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
    return text;
  };
  const cms = '/api/v1/namespaces/default/configmaps';
  const rows: string[] = [];
  const { figures, add } = figureList('api');
  const line = (name: string, r: { p50: number; p99: number; opsPerSec: number }, opts: { p99?: Target; note?: string; rate?: false } = {}) => {
    rows.push(`| ${name} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.opsPerSec.toFixed(0)} |`);
    add(`${name}: p50`, r.p50, 'ms', undefined, opts.note);
    add(`${name}: p99`, r.p99, 'ms', opts.p99, opts.note);
    if (opts.rate !== false) add(`${name}: throughput`, r.opsPerSec, 'ops/s');
  };
  const clientsOf = (n: number, what = 'client') => `${n} ${what}${n === 1 ? '' : 's'}`;

  const only = process.env.BENCH_ONLY; // e.g. "create" to run one row group
  const raw1 = only ? NaN : await rawInsertRate(process.env.DATABASE_URL!, 1);
  const raw16 = only ? NaN : await rawInsertRate(process.env.DATABASE_URL!, 16);
  if (!only) {
    add('raw Postgres single-row insert, 1 connection', raw1, 'rows/s');
    add('raw Postgres single-row insert, 16 connections', raw16, 'rows/s');
  }
  let seq = 0;
  for (const clients of only ? (only === 'create16' ? [16] : []) : [1, 16]) {
    const r = await load(clients, async () => void (await call('POST', cms, { metadata: { name: `b${seq++}`, labels: { bench: 'yes' } }, data: { k: 'v'.repeat(200) } })));
    line(`create, ${clientsOf(clients)}`, r, clients === 16 ? { p99: atMost(50) } : {});
    // Issue 2: create throughput at least 40% of what Postgres inserts with as many connections.
    if (clients === 16) add('create, 16 clients, share of the raw 16-connection insert rate', (100 * r.opsPerSec) / raw16, '%', atLeast(40));
  }
  for (const clients of only ? [] : [1, 16]) {
    line(`get, ${clientsOf(clients)}`, await load(clients, async (_c, i) => void (await call('GET', `${cms}/b${i % 100}`))));
  }
  for (const clients of only ? [] : [1, 16]) {
    line(`list 100 (limit=100), ${clientsOf(clients)}`, await load(clients, async () => void (await call('GET', `${cms}?limit=100`))));
  }
  // Watch delivery: from sending a write to the event reaching a watcher.
  for (const clients of only ? [] : [1, 16]) {
    const w = await openWatch(`${api.url}${cms}?watch=true&resourceVersion=${JSON.parse(await call('GET', `${cms}?limit=1`)).metadata.resourceVersion}`, api.token, api.ca);
    const sent = new Map<string, number>();
    const acked = new Map<string, number>();
    const lat: number[] = [];
    const arrivals = new Map<string, number>();
    let seen = 0;
    const end = Date.now() + DURATION_MS;
    const t0 = Date.now();
    let count = 0;
    await Promise.all(Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; Date.now() < end; i++) {
        // Objects made by the create rows (fewer than 800 when BENCH_SECONDS is short).
        const name = `b${(c * 50 + (i % 50)) % seq}`;
        const stamp = `${c}-${i}`;
        sent.set(stamp, performance.now());
        await call('PATCH', `${cms}/${name}`, { data: { stamp } }, 'application/merge-patch+json');
        acked.set(stamp, performance.now());
        count++;
        while (seen < w.events.length) {
          const ev = w.events[seen++];
          const st = ev.object?.data?.stamp;
          const s = sent.get(st);
          if (s !== undefined) {
            lat.push(performance.now() - s);
            arrivals.set(st, performance.now());
          }
        }
      }
    }));
    await new Promise((r) => setTimeout(r, 300));
    for (; seen < w.events.length; seen++) {
      const st = w.events[seen].object?.data?.stamp;
      const s = sent.get(st);
      if (s !== undefined && lat.length < count) {
        lat.push(performance.now() - s);
        arrivals.set(st, performance.now());
      }
    }
    await w.close();
    // The event can reach the watcher before the writer reads its own answer: clamp at 0.
    const afterAck = [...acked].map(([st, t]) => Math.max(0, (arrivals.get(st) ?? Infinity) - t));
    const rate = count / ((Date.now() - t0) / 1000);
    line(`HTTP watch delivery, write acknowledged → event received, ${clientsOf(clients, 'writer')}`, { p50: pct(afterAck, 50), p99: pct(afterAck, 99), opsPerSec: rate }, { p99: atMost(20) });
    line(`HTTP watch delivery, write sent → event received, ${clientsOf(clients, 'writer')}`, { p50: pct(lat, 50), p99: pct(lat, 99), opsPerSec: rate }, { note: 'includes the write itself', rate: false });
  }

  await dispatcher.close();
  await api.stop();
  if (!only || only === 'inprocess') {
    const inproc = await inProcessFigures(load, pct, DURATION_MS);
    line('create through the registry, no HTTP, 16 callers', inproc.create16);
    for (const [w, f] of Object.entries(inproc.delivery)) line(`store watch delivery, commit acknowledged → hub event, ${clientsOf(Number(w), 'writer')}`, f);
  }

  reportFigures(figures);

  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  process.stdout.write(
    [
      `bench/api — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      `raw Postgres single-row insert: ${raw1.toFixed(0)}/s on 1 connection, ${raw16.toFixed(0)}/s on 16`,
      '',
      '| operation | p50 ms | p99 ms | ops/s |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

runBench(main);
