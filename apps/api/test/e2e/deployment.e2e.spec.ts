import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/** Deployments through the real kubectl, on simulated nodes: rollouts, history, undo, pause, restart. */
describe('Deployment controller', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const ns = '/api/v1/namespaces/default';

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=dep', '--runtime=simulated', '--simulated-nodes=3', '--start-delay-ms=200']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 3, 30_000);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: web:1.0
        ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;
  const kubectl = (...args: string[]) => api.kubectlOk(args, { timeoutMs: 60_000 });
  const livePods = async () => (await api.call('GET', `${ns}/pods?labelSelector=app%3Dweb`)).body.items.filter((p: any) => !p.metadata.deletionTimestamp);

  it('applies a Deployment + Service, reaches 3/3 available, and rollout status says so', async () => {
    const applied = await api.kubectl(['apply', '-f', '-'], { input: manifest });
    expect(applied.stdout).toContain('deployment.apps/web created');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    expect(await kubectl('get', 'deployment', 'web', '--no-headers')).toMatch(/^web\s+3\/3\s+3\s+3\s/);
    await until(async () => (await api.call('GET', `${ns}/endpoints/web`)).body.subsets?.[0]?.addresses?.length === 3, 15_000);
  });

  it('rolls out a new image within maxSurge/maxUnavailable at every moment, with history and change-cause', async () => {
    // Watch every pod change and replay it: at no revision more than 3 + 1 pods, fewer than 3 - 1 ready.
    const rv = (await api.call('GET', `${ns}/pods`)).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}${ns}/pods?watch=true&labelSelector=app%3Dweb&resourceVersion=${rv}`, api.token, api.server.pki.caCert);
    const state = new Map<string, { live: boolean; ready: boolean }>((await livePods()).map((p: any) => [p.metadata.name, { live: true, ready: true }]));
    let maxPods = 0;
    let minReady = 3;
    await kubectl('set', 'image', 'deployment/web', 'web=web:2.0');
    // As `--record` did: the cause is copied to the new revision's ReplicaSet.
    await kubectl('annotate', 'deployment', 'web', 'kubernetes.io/change-cause=image 2.0');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    await new Promise((r) => setTimeout(r, 300));
    for (const e of w.events) {
      const o = e.object;
      const ready = o.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') ?? false;
      state.set(o.metadata.name, { live: e.type !== 'DELETED' && !o.metadata.deletionTimestamp, ready: e.type !== 'DELETED' && !o.metadata.deletionTimestamp && ready });
      const all = [...state.values()];
      // Terminating pods still count against maxSurge only while they exist; count every existing pod.
      maxPods = Math.max(maxPods, all.filter((s) => s.live).length);
      minReady = Math.min(minReady, all.filter((s) => s.ready).length);
    }
    w.close();
    // Defaults: maxSurge 25% of 3 → 1, maxUnavailable 25% of 3 → 0.
    expect(maxPods).toBeLessThanOrEqual(4);
    expect(minReady).toBeGreaterThanOrEqual(3);
    const images = (await livePods()).map((p: any) => p.spec.containers[0].image);
    expect(images).toEqual(['web:2.0', 'web:2.0', 'web:2.0']);
    const history = await kubectl('rollout', 'history', 'deployment/web');
    expect(history).toMatch(/1\s+<none>/);
    expect(history).toMatch(/2\s+image 2\.0/);
  });

  it('undoes to the previous template, reusing its ReplicaSet', async () => {
    const before = (await api.call('GET', '/apis/apps/v1/namespaces/default/replicasets')).body.items.length;
    await kubectl('rollout', 'undo', 'deployment/web');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    await until(async () => (await livePods()).every((p: any) => p.spec.containers[0].image === 'web:1.0') && (await livePods()).length === 3, 20_000);
    expect((await api.call('GET', '/apis/apps/v1/namespaces/default/replicasets')).body.items.length).toBe(before);
    // Revision 1 became revision 3 (its template is back); revision 2 is still there to go back to.
    const history = await kubectl('rollout', 'history', 'deployment/web');
    expect(history).toMatch(/\n2\s+image 2\.0\s*\n3\s+/);
    expect(history).not.toMatch(/\n1\s/);
    expect(await kubectl('rollout', 'history', 'deployment/web', '--revision=3')).toContain('web:1.0');
    expect(await kubectl('rollout', 'history', 'deployment/web', '--revision=2')).toContain('web:2.0');
  });

  it('pauses and resumes; restart rolls every pod', async () => {
    await kubectl('rollout', 'pause', 'deployment/web');
    await kubectl('set', 'image', 'deployment/web', 'web=web:3.0');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await livePods()).every((p: any) => p.spec.containers[0].image === 'web:1.0')).toBe(true);
    const paused = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body;
    expect(paused.status.conditions.find((c: any) => c.type === 'Progressing').reason).toBe('DeploymentPaused');
    await kubectl('rollout', 'resume', 'deployment/web');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    expect((await livePods()).map((p: any) => p.spec.containers[0].image)).toEqual(['web:3.0', 'web:3.0', 'web:3.0']);

    const names = (await livePods()).map((p: any) => p.metadata.name);
    await kubectl('rollout', 'restart', 'deployment/web');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    await until(async () => (await livePods()).length === 3 && (await livePods()).every((p: any) => !names.includes(p.metadata.name)), 20_000);
  });

  it('scales with kubectl scale, and deleting the Deployment removes its ReplicaSets and pods', async () => {
    await kubectl('scale', 'deployment/web', '--replicas=5');
    await until(async () => (await livePods()).length === 5, 20_000);
    await kubectl('delete', 'deployment', 'web');
    await until(async () => (await livePods()).length === 0 && (await api.call('GET', '/apis/apps/v1/namespaces/default/replicasets')).body.items.length === 0, 20_000);
  });
});
