/**
 * bench/scheduler: BENCH_NODES (1,000) nodes and BENCH_PODS (10,000) pending pods; the
 * scheduler starts once all exist and the benchmark counts bindings as the store's
 * watch reports them: pods bound per second. Nodes are Node objects with capacity and no
 * agent (as kube-scheduler's scheduler_perf uses fake nodes). Run: `npm run bench:scheduler`.
 */
import * as os from 'os';
import { runBench } from '../support/run-bench';
import { atLeast, figureList, reportFigures } from '../support/figures';
import { startTestApi } from '../../apps/api/test/support/test-server';
import { EventRecorder } from '../../apps/api/src/events/event-recorder';
import { ObjectRegistry } from '../../apps/api/src/registry/object-registry';
import { Scheduler } from '../../apps/api/src/scheduler/scheduler';
import { StoreRuntime } from '../../apps/api/src/store/store-runtime';

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const PODS = Number(process.env.BENCH_PODS ?? 10_000);

async function inParallel(n: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < n) await fn(next++);
  }));
}

async function main(): Promise<void> {
  const api = await startTestApi({ SKIFF_ROLES: 'api' });
  const t = Date.now();
  await inParallel(NODES, 32, async (i) => {
    const name = `node-${i}`;
    const r = await api.call('POST', '/api/v1/nodes', { body: { metadata: { name, labels: { 'kubernetes.io/hostname': name } } } });
    if (r.status !== 201) throw new Error(r.text);
    const resources = { cpu: '8', memory: '32Gi', pods: '110' };
    await api.call('PATCH', `/api/v1/nodes/${name}/status`, {
      body: { status: { capacity: resources, allocatable: resources, conditions: [{ type: 'Ready', status: 'True' }] } },
      contentType: 'application/merge-patch+json',
    });
  });
  await inParallel(PODS, 32, async (i) => {
    const r = await api.call('POST', '/api/v1/namespaces/default/pods', {
      body: { metadata: { name: `p-${i}` }, spec: { containers: [{ name: 'c', image: 'web:1.0', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } },
    });
    if (r.status !== 201) throw new Error(r.text);
  });
  process.stdout.write(`setup: ${NODES} nodes and ${PODS} pending pods in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);

  const rt = api.server.app.get(StoreRuntime);
  const registry = api.server.app.get(ObjectRegistry);
  const { current } = await rt.store.revisions();
  let bound = 0;
  let firstAt = 0;
  let lastAt = 0;
  const sub = await rt.hub.subscribe(current, {
    onChanges: (changes) => {
      for (const c of changes) {
        if (c.resource === 'pods' && c.type === 'MODIFIED' && !(c.prev?.spec as { nodeName?: string })?.nodeName && (c.object.spec as { nodeName?: string }).nodeName) {
          bound++;
          lastAt = performance.now();
          firstAt ||= lastAt;
        }
      }
    },
    onError: () => undefined,
  });
  const scheduler = new Scheduler(registry, rt.store, rt.hub, new EventRecorder(registry, 'default-scheduler'), { redisUrl: process.env.REDIS_URL!, prefix: `bench-${Date.now()}:` });
  const startedAt = performance.now();
  await scheduler.start();
  while (bound < PODS && performance.now() - startedAt < 300_000) await new Promise((r) => setTimeout(r, 100));
  const total = (lastAt - startedAt) / 1000;
  const { figures, add } = figureList('scheduler');
  const label = `${NODES.toLocaleString('en-US')} nodes, ${PODS.toLocaleString('en-US')} pods`;
  const unbound = bound < PODS ? `only ${bound} of ${PODS} bound within 300 s` : undefined;
  add(`${label}: all bound after`, bound < PODS ? NaN : total, 's', undefined, unbound);
  // Issue 4: at least 1,000 pods/s with 1,000 nodes and 10,000 pods (kube-scheduler's own floor for 5,000 nodes is 680).
  const issueSize = NODES === 1000 && PODS === 10_000;
  add(`${label}: pods/s, scheduler start → last binding`, bound / total, 'pods/s', issueSize ? atLeast(1000) : undefined, unbound ?? (issueSize ? undefined : 'the 1,000 pods/s target is for 1,000 nodes and 10,000 pods'));
  add(`${label}: pods/s, first → last binding`, bound / ((lastAt - firstAt) / 1000), 'pods/s', undefined, unbound);
  reportFigures(figures);
  process.stdout.write(
    `bench/scheduler — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), node ${process.version}\n` +
      `${bound}/${PODS} pods bound on ${NODES} nodes in ${total.toFixed(2)} s after the scheduler started: ${(bound / total).toFixed(0)} pods/s ` +
      `(first binding after ${((firstAt - startedAt) / 1000).toFixed(2)} s; ${(bound / ((lastAt - firstAt) / 1000)).toFixed(0)} pods/s from the first to the last)\n`,
  );
  sub.close();
  await scheduler.stop();
  await api.stop();
}

runBench(main);
