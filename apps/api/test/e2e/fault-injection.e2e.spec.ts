import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Redis from 'ioredis';
import { ROOT } from '../support/agent-process';
import { ProcessCluster } from '../support/cluster-processes';
import { AckedWriter, replayPods, ResumingWatch } from '../support/fault-observers';
import { freePort } from '../support/ports';
import { PrivatePostgres, PrivateRedis } from '../support/private-services';
import { until } from '../support/watch-client';

/**
 * Issue 7's fault injection: every part of Skiff in its own process, on a Postgres and a
 * Redis of this suite's own, each killed for real in the middle of a rollout or a scale.
 * Throughout, a writer creates ConfigMaps (what the server acknowledged must all survive),
 * and resuming watches (as client-go's reflector) record every event; afterwards the
 * cluster must have converged, with no pod made twice, none bound twice, no orphan
 * process, and the watches must have missed nothing.
 */
describe('fault injection: processes killed for real', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-faults-'));
  const images = path.join(dir, 'images');
  const deployments = '/apis/apps/v1/namespaces/default/deployments';
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let cluster: ProcessCluster;
  let writer: AckedWriter;
  let configMaps: ResumingWatch;
  let pods: ResumingWatch;
  const agent = (name: string) => cluster.agents.find((a) => a.name === `agent-${name}`)!;
  const isWeb = (p: any) => p.metadata.labels?.app === 'web';

  const deployment = (name: string, replicas: number, extra: Record<string, unknown> = {}) => ({
    metadata: { name },
    spec: {
      replicas,
      strategy: { rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } },
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'web:1.0', ports: [{ containerPort: 8080 }] }], ...extra } },
    },
  });
  const get = async (name: string) => (await cluster.call('GET', `${deployments}/${name}`)).body;
  const rolledOut = async (name: string, image: string, replicas: number) => {
    const d = await get(name);
    return d?.spec?.template?.spec?.containers?.[0]?.image === image && d.status?.observedGeneration === d.metadata.generation && d.status?.updatedReplicas === replicas && d.status?.availableReplicas === replicas && d.status?.replicas === replicas;
  };
  const setImage = (name: string, image: string) => cluster.call('PATCH', `${deployments}/${name}`, { body: { spec: { template: { spec: { containers: [{ name: 'web', image }] } } } }, contentType: 'application/strategic-merge-patch+json' });
  const scale = (name: string, replicas: number) => cluster.call('PATCH', `${deployments}/${name}/scale`, { body: { spec: { replicas } }, contentType: 'application/merge-patch+json' });
  const webPods = async () => (await cluster.call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb')).body.items as any[];

  beforeAll(async () => {
    fs.cpSync(path.join(ROOT, 'examples/images/web'), path.join(images, 'web'), { recursive: true });
    pg = new PrivatePostgres(path.join(dir, 'pg'), await freePort());
    redis = new PrivateRedis(path.join(dir, 'redis'), await freePort());
    await Promise.all([pg.start(), redis.start()]);
    cluster = await ProcessCluster.start({
      apis: 1,
      databaseUrl: pg.url,
      redisUrl: redis.url,
      agents: [
        { name: 'fi', args: ['--runtime=simulated', '--simulated-nodes=3', '--start-delay-ms=200', '--lease-renew-seconds=2'] },
        { name: 'fi-proc', args: ['--runtime=process', `--images-dir=${images}`, `--state-dir=${path.join(dir, 'proc-state')}`, '--stop-pods-on-exit', '--crash-backoff-seconds=1', '--lease-renew-seconds=2'] },
      ],
    });
    await until(async () => (await cluster.call('GET', '/api/v1/nodes')).body?.items?.length === 4, 60_000);
    // Only the pods that ask for it run as real processes, on the process-runtime node.
    await cluster.call('PATCH', '/api/v1/nodes/fi-proc', { body: { spec: { taints: [{ key: 'dedicated', value: 'proc', effect: 'NoSchedule' }] } }, contentType: 'application/merge-patch+json' });
    configMaps = new ResumingWatch(() => cluster.url(0), '/api/v1/namespaces/default/configmaps', cluster.token, cluster.caCert);
    pods = new ResumingWatch(() => cluster.url(0), '/api/v1/namespaces/default/pods', cluster.token, cluster.caCert);
    await until(() => configMaps.resourceVersion !== '' && pods.resourceVersion !== '', 30_000);
    // After the watches' lists: every acknowledged create must then come as an ADDED event.
    writer = new AckedWriter(() => cluster.url(0), 'default', cluster.token, cluster.caCert);
    expect((await cluster.call('POST', deployments, { body: deployment('web', 6) })).status).toBe(201);
    const proc = deployment('proc-web', 2, { nodeSelector: { 'kubernetes.io/hostname': 'fi-proc' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'proc', effect: 'NoSchedule' }] });
    expect((await cluster.call('POST', deployments, { body: proc })).status).toBe(201);
    await until(async () => (await rolledOut('web', 'web:1.0', 6)) && (await rolledOut('proc-web', 'web:1.0', 2)), 90_000);
  }, 240_000);

  afterAll(async () => {
    // Each step on its own: one failing must not leave the others' processes running.
    for (const step of [() => writer?.stop(), () => configMaps?.stop(), () => pods?.stop(), () => cluster?.stop(), () => redis?.kill(), () => pg?.stop()]) {
      await Promise.resolve()
        .then(step)
        .catch((e) => console.warn(`fault-injection cleanup: ${e}`));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('controllers killed mid-rollout: the rollout completes, never more than maxSurge extra, no pod made twice', async () => {
    const from = pods.events.length;
    expect((await setImage('web', 'web:2.0')).status).toBe(200);
    await until(async () => ((await get('web')).status?.updatedReplicas ?? 0) >= 2, 30_000);
    await cluster.controllers.kill();
    await new Promise((r) => setTimeout(r, 1000));
    cluster.controllers.start();
    await until(() => rolledOut('web', 'web:2.0', 6), 90_000);
    const seen = replayPods(pods.events.slice(from), isWeb);
    expect(seen.most).toBeLessThanOrEqual(6 + 2);
    expect(seen.creates).toBe(6);
  }, 150_000);

  it('scheduler killed mid-scale: every new pod bound once, exactly the replicas', async () => {
    const from = pods.events.length;
    expect((await scale('web', 12)).status).toBe(200);
    // As soon as the new pods exist, some of them perhaps bound already.
    await until(async () => (await webPods()).length >= 9, 30_000);
    await cluster.scheduler.kill();
    await new Promise((r) => setTimeout(r, 1000));
    cluster.scheduler.start();
    await until(() => rolledOut('web', 'web:2.0', 12), 90_000);
    const seen = replayPods(pods.events.slice(from), isWeb);
    expect(seen.rebound).toEqual([]);
    expect(seen.creates).toBe(6);
    expect((await webPods()).length).toBe(12);
  }, 150_000);

  it('the API killed mid-rollout: it comes back on its port, the rollout completes, clients resume', async () => {
    const from = pods.events.length;
    const reconnects = configMaps.reconnects;
    expect((await setImage('web', 'web:3.0')).status).toBe(200);
    await until(async () => ((await get('web')).status?.updatedReplicas ?? 0) >= 2, 30_000);
    await cluster.apis[0].kill();
    await new Promise((r) => setTimeout(r, 1500));
    await cluster.restartApi(0);
    await until(() => rolledOut('web', 'web:3.0', 12), 120_000);
    const seen = replayPods(pods.events.slice(from), isWeb);
    expect(seen.most).toBeLessThanOrEqual(12 + 2);
    expect(seen.creates).toBe(12);
    expect(configMaps.reconnects).toBeGreaterThan(reconnects);
  }, 180_000);

  it('an agent killed mid-rollout: its pods are adopted or stopped, none left running without a pod', async () => {
    expect((await setImage('proc-web', 'web:2.0')).status).toBe(200);
    await until(async () => ((await get('proc-web')).status?.updatedReplicas ?? 0) >= 1, 60_000);
    await agent('fi-proc').kill();
    await new Promise((r) => setTimeout(r, 1000));
    agent('fi-proc').start();
    await until(() => rolledOut('proc-web', 'web:2.0', 2), 120_000);
    // Every process running an image of this suite belongs to a container of a pod that exists.
    await until(async () => {
      const live = await containerPids();
      const groups = new Set(processesUnder(images).map((p) => p.pgid));
      return groups.size === 2 && [...groups].every((g) => live.has(g));
    }, 30_000);
  }, 180_000);

  it('the controllers and the API killed together mid-scale: exactly the replicas, no pod made twice', async () => {
    const from = pods.events.length;
    expect((await scale('web', 16)).status).toBe(200);
    await until(async () => (await webPods()).length >= 13, 30_000);
    await Promise.all([cluster.controllers.kill(), cluster.apis[0].kill()]);
    await new Promise((r) => setTimeout(r, 1000));
    cluster.controllers.start();
    await cluster.restartApi(0);
    await until(() => rolledOut('web', 'web:3.0', 16), 90_000);
    const seen = replayPods(pods.events.slice(from), isWeb);
    expect(seen.creates).toBe(4);
    expect(seen.most).toBeLessThanOrEqual(16);
    expect((await webPods()).length).toBe(16);
  }, 150_000);

  it('the scheduler and an agent of three nodes killed mid-rollout: every pod bound once, the rollout completes', async () => {
    const from = pods.events.length;
    expect((await setImage('web', 'web:4.0')).status).toBe(200);
    await until(async () => ((await get('web')).status?.updatedReplicas ?? 0) >= 4, 60_000);
    await Promise.all([cluster.scheduler.kill(), agent('fi').kill()]);
    await new Promise((r) => setTimeout(r, 1000));
    cluster.scheduler.start();
    agent('fi').start();
    await until(() => rolledOut('web', 'web:4.0', 16), 120_000);
    const seen = replayPods(pods.events.slice(from), isWeb);
    expect(seen.rebound).toEqual([]);
    expect(seen.creates).toBe(16);
    expect(seen.most).toBeLessThanOrEqual(16 + 2);
  }, 180_000);

  it('Redis killed (restarting empty) and flushed during scales: the cluster converges', async () => {
    expect((await scale('web', 8)).status).toBe(200);
    await redis.kill();
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();
    await until(() => rolledOut('web', 'web:4.0', 8), 90_000);
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    expect((await scale('web', 10)).status).toBe(200);
    await until(() => rolledOut('web', 'web:4.0', 10), 90_000);
    expect((await webPods()).length).toBe(10);
  }, 200_000);

  it('Postgres crashed: the API answers 503 Status meanwhile, then recovers by itself', async () => {
    pg.crash();
    try {
      const down = await cluster.call('GET', '/api/v1/namespaces/default/configmaps');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'ServiceUnavailable', code: 503 });
      expect(down.headers['retry-after']).toBe('1');
      const write = await cluster.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'while-down' } } });
      expect(write.status).toBe(503);
      expect(write.body).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 });
      const graphql = await cluster.call('POST', '/graphql', { body: { query: '{ configMaps(namespace: "default") { metadata { name } } }' } });
      expect(graphql.body?.errors?.[0]?.extensions).toMatchObject({ code: 'ServiceUnavailable', status: 503 });
      expect((await cluster.call('GET', '/readyz')).status).toBe(503);
      await new Promise((r) => setTimeout(r, 2000));
    } finally {
      await pg.start();
    }
    await until(async () => (await cluster.call('GET', '/api/v1/namespaces/default/configmaps')).status === 200, 30_000);
    expect((await cluster.call('GET', '/readyz')).status).toBe(200);
    // The controllers and the scheduler came back too.
    expect((await scale('web', 6)).status).toBe(200);
    await until(() => rolledOut('web', 'web:4.0', 6), 90_000);
  }, 150_000);

  it('lost nothing: every acknowledged write is stored and was watched once, in order, with no gap', async () => {
    const acked = writer.acknowledged.length;
    await until(() => writer.acknowledged.length > acked + 5, 30_000);
    await writer.stop();
    const names = writer.acknowledged;
    const stored = new Set(((await cluster.call('GET', '/api/v1/namespaces/default/configmaps')).body.items as any[]).map((c) => c.metadata.name));
    expect(names.filter((n) => !stored.has(n))).toEqual([]);
    const unseen = () => {
      const seen = new Set(configMaps.events.filter((e) => e.type === 'ADDED').map((e) => e.object.metadata.name));
      return names.filter((n) => !seen.has(n));
    };
    await until(() => unseen().length === 0, 30_000).catch(() => {
      const missing = unseen();
      throw new Error(`the ConfigMap watch missed ${missing.length} of ${names.length} acknowledged creates (first ${missing.slice(0, 5).join(', ')}; last ${missing.slice(-3).join(', ')}); it is at resourceVersion ${configMaps.resourceVersion} after ${configMaps.reconnects} reconnects`);
    });
    const added = new Map<string, number>();
    for (const e of configMaps.events) if (e.type === 'ADDED') added.set(e.object.metadata.name, (added.get(e.object.metadata.name) ?? 0) + 1);
    expect(names.filter((n) => added.get(n) !== 1)).toEqual([]);
    for (const w of [configMaps, pods]) {
      expect(w.outOfOrder).toEqual([]);
      expect(w.expired).toBe(0);
    }
    console.log(`fault injection: ${names.length} writes acknowledged, ${writer.failures} attempts failed during faults; watches reconnected ${configMaps.reconnects} and ${pods.reconnects} times`);
    // Converged: the web pods are exactly the replicas, all of the last template, each on one node.
    const web = await webPods();
    expect(web.length).toBe(6);
    expect(web.every((p) => p.spec.containers[0].image === 'web:4.0' && p.status?.phase === 'Running')).toBe(true);
  }, 90_000);

  /** Container process groups the process-runtime agent recorded for pods that exist. */
  async function containerPids(): Promise<Set<number>> {
    const items = (await cluster.call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dproc-web')).body.items as any[];
    const pids = new Set<number>();
    for (const p of items) {
      const file = path.join(dir, 'proc-state', 'pods', p.metadata.uid, 'state.json');
      if (!fs.existsSync(file)) continue;
      for (const c of Object.values(JSON.parse(fs.readFileSync(file, 'utf8')).containers ?? {}) as any[]) if (c.pid) pids.add(c.pid);
    }
    return pids;
  }
});

/** Processes whose working folder is under `root` (this suite's images), with their process group. */
function processesUnder(root: string): Array<{ pid: number; pgid: number }> {
  const found: Array<{ pid: number; pgid: number }> = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readlinkSync(`/proc/${entry}/cwd`).startsWith(root)) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.push({ pid: Number(entry), pgid: Number(fields[2]) });
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found;
}
