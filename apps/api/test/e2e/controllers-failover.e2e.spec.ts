import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/**
 * Controllers and scheduler as separate processes, two at once, one killed with SIGKILL
 * mid-rollout: no duplicate pods, never more than maxSurge extra, the rollout completes.
 */
describe('controller processes: two at once, one killed mid-rollout', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const controllers: ChildProcess[] = [];
  const deployments = '/apis/apps/v1/namespaces/default/deployments';

  function startControllers(): ChildProcess {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-ctl-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/api/src/main.ts')], {
      env: { ...process.env, ...api.env, SKIFF_ROLES: 'controllers,scheduler', SKIFF_PORT: '0', SKIFF_HOME: home, SKIFF_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    controllers.push(child);
    return child;
  }

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ROLES: 'api' });
    agent = spawnAgent(api, ['--name=fo', '--runtime=simulated', '--simulated-nodes=3', '--start-delay-ms=300']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 3, 30_000);
    startControllers();
    startControllers();
  });
  afterAll(async () => {
    for (const c of controllers) c.kill('SIGKILL');
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('creates exactly the replicas with two controller processes, and finishes a rollout after one is killed', async () => {
    const rv = (await api.call('GET', '/api/v1/namespaces/default/pods')).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`, api.token, api.server.pki.caCert);
    const body = {
      metadata: { name: 'fo' },
      spec: { replicas: 10, strategy: { rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } }, selector: { matchLabels: { app: 'fo' } }, template: { metadata: { labels: { app: 'fo' } }, spec: { containers: [{ name: 'c', image: 'web:1.0' }] } } },
    };
    expect((await api.call('POST', deployments, { body })).status).toBe(201);
    await until(async () => (await api.call('GET', `${deployments}/fo`)).body.status?.availableReplicas === 10, 60_000);

    expect((await api.kubectl(['set', 'image', 'deployment/fo', 'c=web:2.0'])).code).toBe(0);
    await until(async () => ((await api.call('GET', `${deployments}/fo`)).body.status?.updatedReplicas ?? 0) >= 2, 30_000);
    controllers[0].kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1000));
    startControllers();
    const status = await api.kubectl(['rollout', 'status', 'deployment/fo', '--timeout=90s'], { timeoutMs: 100_000 });
    expect(status.stdout).toContain('successfully rolled out');
    await until(async () => (await api.call('GET', '/api/v1/namespaces/default/pods')).body.items.length === 10, 30_000);
    await new Promise((r) => setTimeout(r, 500));

    // Replay every pod event: pods that exist (not yet deleted) at each moment.
    const live = new Set<string>();
    let most = 0;
    let creates = 0;
    for (const e of w.events) {
      if (e.type === 'ADDED') creates++;
      if (e.type === 'DELETED' || e.object.metadata.deletionTimestamp) live.delete(e.object.metadata.name);
      else live.add(e.object.metadata.name);
      most = Math.max(most, live.size);
    }
    w.close();
    expect(most).toBeLessThanOrEqual(12);
    // 10 to start, 10 for the new template: nothing made twice by two controllers.
    expect(creates).toBe(20);
    const images = (await api.call('GET', '/api/v1/namespaces/default/pods')).body.items.map((p: any) => p.spec.containers[0].image);
    expect(images.every((i: string) => i === 'web:2.0')).toBe(true);
  });
});
