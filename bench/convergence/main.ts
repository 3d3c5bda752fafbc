/**
 * bench/convergence: a BENCH_REPLICAS (10,000)-replica Deployment on BENCH_NODES (1,000)
 * simulated nodes (one agent process playing them all), from `create` to every pod
 * Running as the store's watch sees it. Everything runs for real: the API with its
 * controllers and scheduler, the agent as its own process. Run: `npm run bench:convergence`.
 */
import * as os from 'os';
import { runBench } from '../support/run-bench';
import { spawnAgent } from '../../apps/api/test/support/agent-process';
import { startTestApi } from '../../apps/api/test/support/test-server';
import { until } from '../../apps/api/test/support/watch-client';
import { StoreRuntime } from '../../apps/api/src/store/store-runtime';

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 10_000);

async function main(): Promise<void> {
  const api = await startTestApi();
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
  const dep = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/big')).body;
  process.stdout.write(
    `bench/convergence — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), node ${process.version}\n` +
      `Deployment of ${REPLICAS} replicas on ${NODES} simulated nodes: ${running.size} Running after ${took.toFixed(1)} s ` +
      `(status: ${dep.status?.availableReplicas ?? 0} available) · ${marks.map((m) => `${m.at}s:${m.running}`).join(' ')}\n`,
  );
  sub.close();
  agent.kill('SIGKILL');
  await api.stop();
}

runBench(main);
