/**
 * bench/soak: SKIFF_SOAK_SECONDS (300) of mixed kubectl-style traffic against the API on
 * loopback, run as its own process (as `npm start` runs it, controllers and scheduler
 * included) with a simulated agent: ConfigMaps created, read, listed by label, patched
 * three ways and deleted; Deployments scaled up and down every second; watches opened
 * and closed continually. Every 10 s it samples the API process's memory (RSS, and the
 * heap after a full GC) and the request latency of the interval. Figures: memory growth
 * from the first minute to the last, p99 drift, errors. Run: `npm run bench -- soak`
 * (uses DATABASE_URL / REDIS_URL when set, else starts embedded ones).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startAgentProcess, startApiProcess } from '../support/api-process';
import { atMost, figureList, reportFigures } from '../support/figures';
import { formatValue } from '../support/results';
import { percentile, runBench } from '../support/run-bench';
import { SoakClient, type RequestRecord, type WatchEvent } from './soak-client';

const SECONDS = Number(process.env.SKIFF_SOAK_SECONDS ?? 300);
/** Requests per second the clients aim at together (a steady load, not the API's ceiling). */
const RATE = Number(process.env.SKIFF_SOAK_RATE ?? 200);
const SAMPLE_MS = 10_000;
const CLIENTS = 8;
const CHURNING_WATCHES = 6;
const DEPLOYMENTS = 3;
const MAX_REPLICAS = 6;
const NODES = 4;
const CONFIGMAPS_PER_CLIENT = 40;
/** The first and last windows compared: a minute, or a fifth of a shorter run. */
const WINDOW_S = Math.min(60, Math.max(SAMPLE_MS / 1000, SECONDS / 5));
/** Stated bounds (issue 7 item 3: "no growth beyond a stated bound"). */
const RSS_GROWTH_BOUND_MIB = 64;
const HEAP_GROWTH_BOUND_MIB = 32;
const P99_DRIFT_BOUND_PERCENT = 50;

const NS = 'soak';
const MIB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const randomInt = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[randomInt(xs.length)];

interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

interface Sample {
  t: number;
  /** Length of the interval it closes. */
  seconds: number;
  memory: MemorySample;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  watchesOpened: number;
}

async function main(): Promise<void> {
  if (!(SECONDS > 0) || !(RATE > 0)) throw new Error('SKIFF_SOAK_SECONDS and SKIFF_SOAK_RATE must be positive numbers');
  const api = await startApiProcess(0, { nodeArgs: ['--expose-gc', '--require', path.join(__dirname, 'memory-probe.cjs')] });
  const probe = path.join(api.home, 'memory-probe.json');
  const agent = startAgentProcess(api, ['--name=soak', '--runtime=simulated', `--simulated-nodes=${NODES}`]);

  // What every request adds to: the interval being sampled, the first and last windows, its operation.
  let measuring = false;
  let t0 = 0;
  let interval: number[] = [];
  let intervalErrors = 0;
  const firstWindow: number[] = [];
  const lastWindow: number[] = [];
  const all: number[] = [];
  const byOp = new Map<string, number[]>();
  const errors: string[] = [];
  const fail = (error: string) => {
    // The first few as they happen, so a long run that goes wrong says so early.
    if (errors.length < 5) process.stderr.write(`soak error: ${error}\n`);
    errors.push(measuring ? error : `(outside the timed traffic) ${error}`);
    if (measuring) intervalErrors++;
  };
  const record = (r: RequestRecord) => {
    if (r.error) fail(r.error);
    if (!measuring) return;
    if (!byOp.has(r.op)) byOp.set(r.op, []);
    byOp.get(r.op)!.push(r.ms);
    // The latency figures are of requests on kept-alive connections; a new connection's TLS
    // handshake (new kubectl processes, watches) is shown per operation only.
    if (r.fresh) return;
    interval.push(r.ms);
    all.push(r.ms);
    const t = (r.startedAt - t0) / 1000;
    if (t < WINDOW_S) firstWindow.push(r.ms);
    if (t >= SECONDS - WINDOW_S) lastWindow.push(r.ms);
  };
  const client = new SoakClient(api, record, CLIENTS);
  const must = async (...args: Parameters<SoakClient['call']>) => {
    const a = await client.call(...args);
    if (!a.ok) throw new Error(errors[errors.length - 1]);
    return a.body;
  };

  const memory = async (): Promise<MemorySample> => {
    if (api.child.exitCode !== null || api.child.signalCode !== null) {
      throw new Error(`the API process exited (${api.child.exitCode ?? api.child.signalCode}) during the soak`);
    }
    const asked = Date.now();
    process.kill(api.child.pid!, 'SIGWINCH');
    while (Date.now() - asked < 10_000) {
      try {
        const m = JSON.parse(fs.readFileSync(probe, 'utf8'));
        if (m.at >= asked) return m;
      } catch {
        /* not written yet */
      }
      await sleep(25);
    }
    throw new Error('the API process did not answer the memory probe');
  };

  try {
    // Setup: the nodes Ready, a namespace, the Deployments.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const nodes = (await client.call('setup', 'GET', '/api/v1/nodes', [200])).body?.items ?? [];
      const ready = nodes.filter((n: any) => n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
      if (ready.length >= NODES) break;
      if (Date.now() > deadline) throw new Error(`only ${ready.length} of ${NODES} simulated nodes Ready after 60 s`);
      await sleep(500);
    }
    await must('setup', 'POST', '/api/v1/namespaces', [201], { body: { metadata: { name: NS } } });
    const deployments = Array.from({ length: DEPLOYMENTS }, (_, i) => `d${i}`);
    const replicas = new Map(deployments.map((d) => [d, 1]));
    for (const d of deployments) {
      await must('setup', 'POST', `/apis/apps/v1/namespaces/${NS}/deployments`, [201], {
        body: {
          metadata: { name: d },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: d } },
            template: { metadata: { labels: { app: d } }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'web:1.0' }] } },
          },
        },
      });
    }

    // A long-lived watch on the namespace's ConfigMaps, as an informer holds one: it must
    // see every write the clients made.
    const written = new Set<string>();
    const seen = new Set<string>();
    const cmPath = `/api/v1/namespaces/${NS}/configmaps`;
    const startRv = (await must('setup', 'GET', `${cmPath}?limit=500`, [200])).metadata.resourceVersion;
    const informer = await client.watch('long-lived watch', `${cmPath}?watch=true&resourceVersion=${startRv}&allowWatchBookmarks=true&timeoutSeconds=${SECONDS + 600}`, (e) => {
      if (e.type === 'ERROR') fail(`long-lived watch: ERROR ${JSON.stringify(e.object).slice(0, 200)}`);
      else if (e.type === 'DELETED') seen.add(`${e.object.metadata.name}@deleted`);
      else if (e.type !== 'BOOKMARK') seen.add(`${e.object.metadata.name}@${e.object.metadata.resourceVersion}`);
    });
    if (!informer) throw new Error(errors[errors.length - 1]);

    const samples: Sample[] = [];
    let watchesOpened = 0;
    let watchEvents = 0;
    const idle = await memory();
    measuring = true;
    t0 = performance.now();
    const endAt = t0 + SECONDS * 1000;
    const running = () => performance.now() < endAt;
    process.stderr.write(`soak: ${SECONDS} s of traffic, a sample every ${SAMPLE_MS / 1000} s\n`);

    // A client: a steady share of RATE, each request one of kubectl's.
    const clientLoop = async (w: number) => {
      const mine: string[] = [];
      let n = 0;
      const gap = (CLIENTS / RATE) * 1000;
      let next = performance.now();
      const create = async () => {
        const name = `cm-w${w}-${n++}`;
        const a = await client.call('create configmap', 'POST', cmPath, [201], {
          body: { metadata: { name, labels: { soak: 'yes', worker: `w${w}`, tier: pick(['a', 'b', 'c']) } }, data: { k: 'v'.repeat(200) } },
        });
        if (a.ok) {
          mine.push(name);
          written.add(`${name}@${a.body.metadata.resourceVersion}`);
        }
      };
      const remove = async () => {
        const name = mine.splice(randomInt(mine.length), 1)[0];
        if ((await client.call('delete configmap', 'DELETE', `${cmPath}/${name}`, [200])).ok) written.add(`${name}@deleted`);
      };
      const patch = async () => {
        const name = pick(mine);
        const stamp = String(Date.now());
        const [contentType, body] = pick([
          ['application/merge-patch+json', { data: { stamp } }],
          ['application/strategic-merge-patch+json', { metadata: { labels: { tier: pick(['a', 'b', 'c']) } } }],
          ['application/json-patch+json', [{ op: 'add', path: '/data/stamp', value: stamp }]],
        ] as const);
        const a = await client.call('patch configmap', 'PATCH', `${cmPath}/${name}`, [200], { body, contentType });
        if (a.ok) written.add(`${name}@${a.body.metadata.resourceVersion}`);
      };
      const table = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
      const ops: [number, () => Promise<unknown>][] = [
        [15, create],
        [25, () => client.call('get configmap', 'GET', `${cmPath}/${pick(mine)}`, [200])],
        [15, patch],
        [10, remove],
        [8, () => client.call('list configmaps', 'GET', `${cmPath}?limit=500`, [200], { accept: pick([table, 'application/json']) })],
        [
          10,
          () =>
            client.call('list by label', 'GET', `${cmPath}?labelSelector=${encodeURIComponent(pick([`worker=w${randomInt(CLIENTS)}`, 'tier in (a,b),!canary', `soak=yes,tier!=${pick(['a', 'b', 'c'])}`]))}`, [200], {
              accept: table,
            }),
        ],
        [5, () => client.call('list pods by label', 'GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3D${pick(deployments)}`, [200], { accept: table })],
        [5, () => client.call('get deployment', 'GET', `/apis/apps/v1/namespaces/${NS}/deployments/${pick(deployments)}`, [200])],
        [
          2,
          async () => {
            // A new kubectl process: its own connection, discovery, then the list.
            await client.call('new connection: version', 'GET', '/version', [200], { fresh: true });
            await client.call('new connection: list', 'GET', `${cmPath}?limit=500`, [200], { fresh: true, accept: table });
          },
        ],
      ];
      const total = ops.reduce((s, [weight]) => s + weight, 0);
      while (running()) {
        if (mine.length < 5) await create();
        else if (mine.length >= CONFIGMAPS_PER_CLIENT) await remove();
        else {
          let r = Math.random() * total;
          const op = ops.find(([weight]) => (r -= weight) < 0) ?? ops[0];
          await op[1]();
        }
        // Keep the pace; after a stall, carry on from now instead of bursting to catch up.
        next += gap;
        const wait = next - performance.now();
        if (wait > 0) await sleep(wait);
        else if (wait < -1000) next = performance.now();
      }
    };

    // The operator: one Deployment scaled to a new size every second.
    const scaler = async () => {
      for (let i = 0; running(); i++) {
        const d = deployments[i % DEPLOYMENTS];
        const want = randomInt(MAX_REPLICAS + 1);
        const a = await client.call('scale deployment', 'PATCH', `/apis/apps/v1/namespaces/${NS}/deployments/${d}/scale`, [200], {
          body: { spec: { replicas: want } },
          contentType: 'application/merge-patch+json',
        });
        if (a.ok) replicas.set(d, want);
        await sleep(1000);
      }
    };

    // Watch churn: `kubectl get -w` started and stopped again and again (list, then watch from its revision).
    const churn = async () => {
      const targets = [
        () => `${cmPath}?labelSelector=worker%3Dw${randomInt(CLIENTS)}`,
        () => `/api/v1/namespaces/${NS}/pods?labelSelector=app%3D${pick(deployments)}`,
        () => `/apis/apps/v1/namespaces/${NS}/deployments?`,
        () => `/apis/apps/v1/namespaces/${NS}/replicasets?`,
        () => `/api/v1/namespaces/${NS}/events?`,
        () => '/api/v1/configmaps?',
      ];
      while (running()) {
        const target = pick(targets)();
        const sep = target.endsWith('?') ? '' : '&';
        const list = await client.call('list before watch', 'GET', `${target}${sep}limit=500`, [200]);
        if (!list.ok) {
          await sleep(1000);
          continue;
        }
        const w = await client.watch('watch', `${target}${sep}watch=true&resourceVersion=${list.body.metadata.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=${2 + randomInt(9)}`, (e: WatchEvent) => {
          watchEvents++;
          if (e.type === 'ERROR') fail(`watch ${target}: ERROR ${JSON.stringify(e.object).slice(0, 200)}`);
        });
        if (!w) {
          await sleep(1000);
          continue;
        }
        watchesOpened++;
        // Closed by the client after 0.5–6 s, or earlier by the server's timeoutSeconds.
        const broke = await Promise.race([w.ended, sleep(500 + randomInt(5500)).then(() => undefined)]);
        if (broke) fail(broke);
        await w.close();
      }
    };

    const sampler = async () => {
      // Every SAMPLE_MS, and once more when the traffic ends (a shorter last interval).
      let previous = t0;
      for (let k = 1; ; k++) {
        const at = Math.min(t0 + k * SAMPLE_MS, endAt);
        await sleep(Math.max(0, at - performance.now()));
        const lat = interval;
        interval = [];
        const errs = intervalErrors;
        intervalErrors = 0;
        const now = performance.now();
        const s: Sample = {
          t: Math.round((now - t0) / 1000),
          seconds: (now - previous) / 1000,
          memory: await memory(),
          requests: lat.length,
          p50: percentile(lat, 50),
          p99: percentile(lat, 99),
          errors: errs,
          watchesOpened,
        };
        previous = now;
        samples.push(s);
        process.stderr.write(`  ${s.t} s: rss ${(s.memory.rss / MIB).toFixed(0)} MiB, heap ${(s.memory.heapUsed / MIB).toFixed(0)} MiB, ${s.requests} requests, p99 ${s.p99.toFixed(1)} ms, ${s.errors} errors\n`);
        if (at >= endAt) return;
      }
    };

    await Promise.all([...Array.from({ length: CLIENTS }, (_, w) => clientLoop(w)), scaler(), ...Array.from({ length: CHURNING_WATCHES }, churn), sampler()]);
    measuring = false;
    const requests = all.length;
    const took = Math.min(SECONDS, (performance.now() - t0) / 1000);

    // After the traffic: the long-lived watch catches up, the Deployments reach their last sizes.
    await sleep(2000);
    const missed = [...written].filter((k) => !seen.has(k));
    const informerBroke = await Promise.race([informer.ended, sleep(0).then(() => 'open')]);
    if (informerBroke !== 'open') fail(`the long-lived watch ended early${informerBroke ? `: ${informerBroke}` : ''}`);
    await informer.close();
    const settleFrom = performance.now();
    let settled = NaN;
    while (performance.now() - settleFrom < 60_000) {
      const items = (await client.call('settle', 'GET', `/apis/apps/v1/namespaces/${NS}/deployments`, [200])).body?.items ?? [];
      const done = items.every((d: any) => {
        const want = replicas.get(d.metadata.name) ?? 0;
        return d.spec.replicas === want && (d.status?.replicas ?? 0) === want && (d.status?.readyReplicas ?? 0) === want && (d.status?.observedGeneration ?? 0) >= d.metadata.generation;
      });
      if (done && items.length === DEPLOYMENTS) {
        settled = (performance.now() - settleFrom) / 1000;
        break;
      }
      await sleep(250);
    }
    if (Number.isNaN(settled)) fail('the Deployments did not reach their last scaled sizes within 60 s of the traffic stopping');

    // Figures: the first window against the last.
    const during = (from: number, to: number) => samples.filter((s) => s.t > from && s.t <= to);
    const firstSamples = during(0, WINDOW_S);
    const lastSamples = during(SECONDS - WINDOW_S, Infinity);
    const median = (xs: number[]) => percentile(xs, 50);
    const level = (ss: Sample[], key: keyof MemorySample) => median(ss.map((s) => s.memory[key])) / MIB;
    const rssFirst = level(firstSamples, 'rss');
    const rssLast = level(lastSamples, 'rss');
    const heapFirst = level(firstSamples, 'heapUsed');
    const heapLast = level(lastSamples, 'heapUsed');
    const p99First = percentile(firstWindow, 99);
    const p99Last = percentile(lastWindow, 99);
    const first = `first ${WINDOW_S} s`;
    const last = `last ${WINDOW_S} s`;

    const { figures, add } = figureList('soak');
    add(`API RSS growth, ${first} → ${last}`, rssLast - rssFirst, 'MiB', atMost(RSS_GROWTH_BOUND_MIB), `medians of the samples in each window; ${rssFirst.toFixed(0)} → ${rssLast.toFixed(0)} MiB`);
    add(`API heap used after a full GC, growth ${first} → ${last}`, heapLast - heapFirst, 'MiB', atMost(HEAP_GROWTH_BOUND_MIB), `${heapFirst.toFixed(0)} → ${heapLast.toFixed(0)} MiB`);
    add(`request p99, ${first}`, p99First, 'ms');
    add(`request p99, ${last}`, p99Last, 'ms');
    add(`request p99 drift, ${first} → ${last}`, (100 * (p99Last - p99First)) / p99First, '%', atMost(P99_DRIFT_BOUND_PERCENT));
    add('request p50, whole run', percentile(all, 50), 'ms');
    add('errors (requests, watches, settling)', errors.length, 'errors', atMost(0));
    add('writes the long-lived watch did not see', missed.length, 'events', atMost(0), `of ${written.size.toLocaleString('en-US')} ConfigMap writes`);
    add('requests', requests, 'requests', undefined, `${(requests / took).toFixed(0)}/s over ${took.toFixed(0)} s; aimed at ${RATE}/s`);
    add('watches opened and closed', watchesOpened, 'watches', undefined, `${watchEvents.toLocaleString('en-US')} events received`);
    add('Deployments at their last size after the traffic stopped', settled, 's');
    reportFigures(figures);

    const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
    const opRows = [...byOp].sort(([a], [b]) => a.localeCompare(b)).map(([op, xs]) => `| ${op} | ${xs.length} | ${fmt(percentile(xs, 50), 2)} | ${fmt(percentile(xs, 99), 2)} |`);
    process.stdout.write(
      [
        `bench/soak — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), node ${process.version}`,
        `${SECONDS} s of mixed traffic from ${CLIENTS} clients aiming at ${RATE} requests/s, ${CHURNING_WATCHES} watches opened and closed continually, ` +
          `${DEPLOYMENTS} Deployments scaled every second on ${NODES} simulated nodes. Memory of the API process (controllers and scheduler in it), heap after a full GC:`,
        '',
        '| t s | RSS MiB | heap used MiB | heap total MiB | requests | req/s | p50 ms | p99 ms | errors | watches opened |',
        '|---|---|---|---|---|---|---|---|---|---|',
        `| 0 (idle) | ${fmt(idle.rss / MIB, 0)} | ${fmt(idle.heapUsed / MIB, 0)} | ${fmt(idle.heapTotal / MIB, 0)} | | | | | | |`,
        ...samples.map(
          (s) =>
            `| ${s.t} | ${fmt(s.memory.rss / MIB, 0)} | ${fmt(s.memory.heapUsed / MIB, 0)} | ${fmt(s.memory.heapTotal / MIB, 0)} | ${s.requests} | ${fmt(s.requests / s.seconds, 0)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${s.errors} | ${s.watchesOpened} |`,
        ),
        '',
        '| operation | requests | p50 ms | p99 ms |',
        '|---|---|---|---|',
        ...opRows,
        '',
        ...figures.map((f) => `${f.name}: ${formatValue(f.value, f.unit)}${f.target !== undefined ? ` (bound ${f.comparison === '<=' ? '≤' : '≥'} ${formatValue(f.target, f.unit)})` : ''}${f.note ? ` — ${f.note}` : ''}`),
        ...(errors.length ? ['', `errors (first 10 of ${errors.length}):`, ...errors.slice(0, 10).map((e) => `  ${e}`)] : []),
        '',
      ].join('\n'),
    );
  } finally {
    await client.close();
    agent.kill('SIGTERM');
    await api.stop();
  }
}

runBench(main);
