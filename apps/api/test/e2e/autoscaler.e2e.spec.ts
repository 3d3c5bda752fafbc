import * as path from 'path';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** An HPA scales a CPU-burning Deployment up, and back down once it idles (real processes, real metrics). */
describe('HorizontalPodAutoscaler', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_HPA_SYNC_SECONDS: '1' });
    agent = spawnAgent(api, ['--name=hpa', '--runtime=process', '--metrics-seconds=1', `--images-dir=${path.join(ROOT, 'examples/images')}`, `--state-dir=${path.join(api.home, 'agent')}`]);
    await until(async () => (await api.call('GET', '/api/v1/nodes/hpa')).status === 200, 30_000);
  });
  afterAll(async () => {
    await api?.kubectl(['delete', 'deployment', 'burn', '--wait=true'], { timeoutMs: 30_000 });
    await until(async () => (await api.call('GET', '/api/v1/namespaces/default/pods')).body.items.length === 0, 30_000).catch(() => undefined);
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('scales up while the pods burn CPU and back to the minimum when they stop', async () => {
    // Each pod burns a core for 6 s after it starts, then idles.
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: burn}
spec:
  replicas: 1
  selector: {matchLabels: {app: burn}}
  template:
    metadata: {labels: {app: burn}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: c
        image: host
        command: [sh, -c, 'end=$(($(date +%s)+6)); while [ $(date +%s) -lt $end ]; do :; done; exec sleep 3600']
        resources: {requests: {cpu: 200m}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: burn}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: burn}
  minReplicas: 1
  maxReplicas: 3
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
  behavior:
    scaleDown: {stabilizationWindowSeconds: 0}
`;
    expect((await api.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
    const replicas = async () => (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/burn')).body.spec.replicas;
    await until(async () => (await replicas()) > 1, 60_000);
    const hpa = await api.kubectl(['get', 'hpa', 'burn', '--no-headers']);
    expect(hpa.stdout).toMatch(/^burn\s+Deployment\/burn\s+cpu: \d+%\/50%\s+1\s+3\s+\d/);
    const events = (await api.call('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dburn,reason%3DSuccessfulRescale')).body.items;
    expect(events[0].message).toMatch(/^New size: \d; reason: cpu resource utilization \(percentage of request\) above target$/);
    await until(async () => (await replicas()) === 1, 90_000);
  });
});
