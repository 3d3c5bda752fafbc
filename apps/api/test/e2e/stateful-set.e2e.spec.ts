import * as path from 'path';
import { request } from 'undici';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/** A StatefulSet of the counter example on real processes: order, identity, and data kept in its claims. */
describe('StatefulSet controller', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const ns = '/api/v1/namespaces/default';
  const sts = '/apis/apps/v1/namespaces/default/statefulsets';

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=st', '--runtime=process', `--images-dir=${path.join(ROOT, 'examples/images')}`, `--state-dir=${path.join(api.home, 'agent')}`]);
    await until(async () => (await api.call('GET', '/api/v1/nodes/st')).status === 200, 30_000);
  });
  afterAll(async () => {
    await api?.kubectl(['delete', 'statefulset', 'web', '--wait=true'], { timeoutMs: 30_000 });
    await until(async () => (await api.call('GET', `${ns}/pods`)).body.items.length === 0, 30_000).catch(() => undefined);
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const manifest = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: counter}
  ports: [{port: 8080}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: counter}}
  template:
    metadata: {labels: {app: counter}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
      - name: counter
        image: counter:1.0
        readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 1}
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Mi}}
`;
  const pod = async (name: string) => (await api.call('GET', `${ns}/pods/${name}`)).body;
  const ready = (p: any) => p?.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');
  const count = async (name: string) => {
    const ip = (await pod(name)).status.podIP;
    const text = await (await request(`http://${ip}:8080/`)).body.text();
    const m = /^count (\d+) from (\S+)\n$/.exec(text);
    if (!m || m[2] !== name) throw new Error(`unexpected answer from ${name}: ${text}`);
    return Number(m[1]);
  };

  it('creates web-0, web-1, web-2 in order, each once the one before is Ready, each with its claim', async () => {
    const rv = (await api.call('GET', `${ns}/pods`)).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}${ns}/pods?watch=true&resourceVersion=${rv}`, api.token, api.server.pki.caCert);
    expect((await api.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
    const status = await api.kubectl(['rollout', 'status', 'statefulset/web', '--timeout=90s'], { timeoutMs: 100_000 });
    expect(status.stdout).toContain('partitioned roll out complete: 3 new pods have been updated');
    const added = w.events.filter((e) => e.type === 'ADDED').map((e) => e.object.metadata.name);
    expect(added).toEqual(['web-0', 'web-1', 'web-2']);
    // web-1 appeared only after web-0 was Ready.
    const firstReady0 = w.events.findIndex((e) => e.object.metadata.name === 'web-0' && ready(e.object));
    expect(w.events.findIndex((e) => e.type === 'ADDED' && e.object.metadata.name === 'web-1')).toBeGreaterThan(firstReady0);
    w.close();
    const p1 = await pod('web-1');
    expect(p1.spec.hostname).toBe('web-1');
    expect(p1.spec.subdomain).toBe('web');
    const claims = (await api.call('GET', `${ns}/persistentvolumeclaims`)).body.items;
    expect(claims.map((c: any) => `${c.metadata.name}:${c.status?.phase}`).sort()).toEqual(['data-web-0:Bound', 'data-web-1:Bound', 'data-web-2:Bound']);
  });

  it('brings a deleted web-1 back as web-1, with its data', async () => {
    const before = await count('web-1');
    const uid = (await pod('web-1')).metadata.uid;
    await api.kubectl(['delete', 'pod', 'web-1']);
    await until(async () => {
      const p = await pod('web-1');
      return p?.metadata?.uid && p.metadata.uid !== uid && ready(p);
    }, 60_000);
    // A start and this request since: the count went on in the same volume.
    expect(await count('web-1')).toBe(before + 2);
  });

  it('scales to 1 and back to 3, keeping the claims and their data', async () => {
    const before = await count('web-2');
    await api.kubectl(['scale', 'statefulset', 'web', '--replicas=1']);
    await until(async () => (await api.call('GET', `${ns}/pods`)).body.items.length === 1, 60_000);
    expect((await api.call('GET', `${ns}/persistentvolumeclaims`)).body.items).toHaveLength(3);
    await api.kubectl(['scale', 'statefulset', 'web', '--replicas=3']);
    await until(async () => ready(await pod('web-2')), 60_000);
    expect(await count('web-2')).toBe(before + 2);
  });

  it('rolls a new template out in reverse order, with history and undo through kubectl', async () => {
    const rv = (await api.call('GET', `${ns}/pods`)).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}${ns}/pods?watch=true&resourceVersion=${rv}`, api.token, api.server.pki.caCert);
    expect((await api.kubectl(['set', 'env', 'statefulset/web', 'GREETING=hello'])).code).toBe(0);
    const status = await api.kubectl(['rollout', 'status', 'statefulset/web', '--timeout=90s'], { timeoutMs: 100_000 });
    expect(status.stdout).toContain('partitioned roll out complete');
    const deleted = w.events.filter((e) => e.object.metadata.deletionTimestamp && e.type === 'MODIFIED').map((e) => e.object.metadata.name);
    expect([...new Set(deleted)]).toEqual(['web-2', 'web-1', 'web-0']);
    w.close();
    const history = (await api.kubectl(['rollout', 'history', 'statefulset/web'])).stdout;
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    expect((await api.kubectl(['rollout', 'undo', 'statefulset/web'])).stdout).toContain('rolled back');
    expect((await api.kubectl(['rollout', 'status', 'statefulset/web', '--timeout=90s'], { timeoutMs: 100_000 })).stdout).toContain('partitioned roll out complete');
    const env = (await pod('web-0')).spec.containers[0].env;
    expect(env ?? []).toEqual([]);
  });
});
