/**
 * bench/convergence: a BENCH_REPLICAS (10,000)-replica Deployment on BENCH_NODES (1,000)
 * simulated nodes (one agent process playing them all), from `create` to every pod
 * Running as the store's watch sees it. Everything runs for real: the API with its
 * controllers and scheduler, the agent as its own process. Run: `npm run bench:convergence`.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runBench } from '../support/run-bench';
import { atMost, figureList, reportFigures } from '../support/figures';
import { ROOT, spawnAgent } from '../../apps/api/test/support/agent-process';
import { startTestApi } from '../../apps/api/test/support/test-server';
import { until } from '../../apps/api/test/support/watch-client';
import { StoreRuntime } from '../../apps/api/src/store/store-runtime';

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 10_000);

async function main(): Promise<void> {
  const split = process.env.BENCH_TOPOLOGY === 'split';
  const api = await startTestApi(split ? { SKIFF_ROLES: 'api' } : {});
  const workers = split
    ? spawn(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/api/src/main.ts')], {
        env: { ...process.env, ...api.env, SKIFF_ROLES: 'controllers,scheduler', SKIFF_PORT: '0', SKIFF_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-ctl-')), SKIFF_LOG_LEVEL: 'warn' },
        stdio: 'inherit',
      })
    : undefined;
  const agent = spawnAgent(api, ['--name=conv', '--runtime=simulated', `--simulated-nodes=${NODES}`, '--lease-renew-seconds=10']);
  await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === NODES, 120_000);
  await new Promise((r) => setTimeout(r, 2000));
  const rt = api.server.app.get(StoreRuntime);
  const { current } = await rt.store.revisions();
  const running = new Set<string>();
  const bound = new Set<string>();
  let created = 0;
  const marks: { at: number; running: number }[] = [];
  const sub = await rt.hub.subscribe(current, {
    onChanges: (changes) => {
      for (const c of changes) {
        if (c.resource !== 'pods') continue;
        if (c.type === 'ADDED') created++;
        if ((c.object.spec as { nodeName?: string }).nodeName) bound.add(c.name);
        if ((c.object.status as { phase?: string } | undefined)?.phase === 'Running') running.add(c.name);
      }
    },
    onError: () => undefined,
  });
  const before = { self: process.cpuUsage(), agent: cpuSeconds(agent.pid), workers: cpuSeconds(workers?.pid), db: cpuOf('postgres'), redis: cpuOf('redis-server') };
  const t0 = performance.now();
  const r = await api.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
    body: { metadata: { name: 'big' }, spec: { replicas: REPLICAS, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'web:1.0' }] } } } },
  });
  if (r.status !== 201) throw new Error(r.text);
  let last = 0;
  while (running.size < REPLICAS && performance.now() - t0 < 600_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const s = Math.round((performance.now() - t0) / 1000);
    if (s - last >= 5) {
      last = s;
      marks.push({ at: s, running: running.size });
      process.stderr.write(`  ${s}s: ${created} created, ${bound.size} bound, ${running.size} running\n`);
    }
  }
  const took = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(before.self);
  const cpuUsed: [string, number][] = [
    [`${workers ? 'api' : 'api+controllers+scheduler'} (with the benchmark)`, (self.user + self.system) / 1e6],
    ...(workers ? [['controllers+scheduler', cpuSeconds(workers.pid) - before.workers] as [string, number]] : []),
    ['agent', cpuSeconds(agent.pid) - before.agent],
    ['postgres', cpuOf('postgres') - before.db],
    ['redis', cpuOf('redis-server') - before.redis],
  ];
  const cpu = cpuUsed.map(([who, s]) => `${who} ${s.toFixed(1)}`);
  const { figures, add } = figureList('convergence');
  const label = `${REPLICAS.toLocaleString('en-US')} replicas on ${NODES.toLocaleString('en-US')} nodes, ${split ? 'split topology' : 'one process'}`;
  // Issue 4: 10,000 replicas on 1,000 nodes all Running within 30 s (other sizes are shown without it).
  const issueSize = REPLICAS === 10_000 && NODES === 1000;
  const note = running.size < REPLICAS ? `only ${running.size} Running after ${took.toFixed(0)} s` : issueSize ? undefined : 'the 30 s target is for 10,000 replicas on 1,000 nodes';
  add(`${label}: all Running after`, running.size < REPLICAS ? NaN : took, 's', issueSize ? atMost(30) : undefined, note);
  for (const [who, s] of cpuUsed) add(`${label}: CPU used by ${who}`, s, 'CPU s');
  reportFigures(figures);
  const dep = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/big')).body;
  process.stdout.write(
    `bench/convergence — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), node ${process.version}\n` +
      `Deployment of ${REPLICAS} replicas on ${NODES} simulated nodes: ${running.size} Running after ${took.toFixed(1)} s ` +
      `(status: ${dep.status?.availableReplicas ?? 0} available) · ${marks.map((m) => `${m.at}s:${m.running}`).join(' ')}\n` +
      `CPU seconds used while converging: ${cpu.join(', ')}\n`,
  );
  sub.close();
  agent.kill('SIGKILL');
  workers?.kill('SIGKILL');
  await api.stop();
}

/** User + system CPU seconds a process has used, from /proc (0 when it is gone). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** The same, summed over every process of this command name (Postgres' backends). */
function cpuOf(comm: string): number {
  let sum = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm) sum += cpuSeconds(Number(pid));
    } catch {
      /* gone meanwhile */
    }
  }
  return sum;
}

runBench(main);
