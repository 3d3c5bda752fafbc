import * as http from 'http';
import * as path from 'path';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/**
 * The acceptance test of a rolling update "without affecting the business": real
 * processes of the example web image behind a Service, requests through its ClusterIP
 * for the whole rollout, no preStop hook — and not one failed request.
 */
describe('zero-downtime rollout', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=zd', '--runtime=process', `--images-dir=${path.join(ROOT, 'examples/images')}`, `--state-dir=${path.join(api.home, 'agent')}`]);
    await until(async () => (await api.call('GET', '/api/v1/nodes/zd')).status === 200, 30_000);
  });
  afterAll(async () => {
    await api?.kubectl(['delete', 'deployment', 'web', '--wait=true'], { timeoutMs: 30_000 });
    await until(async () => (await api.call('GET', '/api/v1/namespaces/default/pods')).body.items.length === 0, 30_000).catch(() => undefined);
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: web
        image: web:1.0
        ports: [{name: http, containerPort: 8080}]
        readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 1}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;

  function get(host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host, port: 80, path: '/', agent: false, timeout: 5000 }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
  }

  it('answers every request through the ClusterIP while web:1.0 rolls to web:2.0', async () => {
    expect((await api.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
    expect((await api.kubectl(['rollout', 'status', 'deployment/web', '--timeout=90s'], { timeoutMs: 100_000 })).stdout).toContain('successfully rolled out');
    const ip = (await api.call('GET', '/api/v1/namespaces/default/services/web')).body.spec.clusterIP;
    await until(async () => (await get(ip).catch(() => '')).startsWith('web 1.0'), 20_000);

    let ok = 0;
    const failures: string[] = [];
    const versions = new Set<string>();
    let rolledOut = false;
    const loop = async () => {
      while (!rolledOut || ok + failures.length < 20_000) {
        try {
          versions.add((await get(ip)).split(' from ')[0]);
          ok++;
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, loop));
    await new Promise((r) => setTimeout(r, 1000));
    expect((await api.kubectl(['set', 'image', 'deployment/web', 'web=web:2.0'])).code).toBe(0);
    const status = await api.kubectl(['rollout', 'status', 'deployment/web', '--timeout=120s'], { timeoutMs: 130_000 });
    expect(status.stdout).toContain('successfully rolled out');
    // Keep going until the old pods are gone, not just unready.
    await until(async () => (await api.call('GET', '/api/v1/namespaces/default/pods')).body.items.length === 3, 60_000);
    rolledOut = true;
    await load;
    expect(failures.slice(0, 5)).toEqual([]);
    expect(ok).toBeGreaterThanOrEqual(20_000);
    expect([...versions].sort()).toEqual(['web 1.0', 'web 2.0']);
  });

  it('stalls on an image the node does not have: Progressing turns False after the deadline, the old pods keep serving', async () => {
    await api.kubectl(['patch', 'deployment', 'web', '-p', '{"spec":{"progressDeadlineSeconds":5}}']);
    expect((await api.kubectl(['set', 'image', 'deployment/web', 'web=web:9.9'])).code).toBe(0);
    const status = await api.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'], { timeoutMs: 70_000 });
    expect(status.code).not.toBe(0);
    expect(status.stderr).toContain('exceeded its progress deadline');
    const d = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body;
    expect(d.status.conditions.find((c: any) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    const pods = await api.kubectl(['get', 'pods', '--no-headers']);
    expect(pods.stdout).toMatch(/(ErrImagePull|ImagePullBackOff)/);
    const ip = (await api.call('GET', '/api/v1/namespaces/default/services/web')).body.spec.clusterIP;
    expect(await get(ip)).toMatch(/^web 2\.0 from web-/);
  });
});
