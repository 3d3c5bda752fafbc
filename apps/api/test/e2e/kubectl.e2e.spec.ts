import { spawn } from 'child_process';
import { KUBECTL, startTestApi, type TestApi } from '../support/test-server';

const manifest = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
    env: a
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
        ports:
        - containerPort: 8080
${extra}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

describe('the real kubectl against Skiff', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const k = (...args: string[]) => api.kubectlOk(args);

  it('applies a Deployment and a Service, then re-applies a change as a patch', async () => {
    const first = await api.kubectl(['apply', '-f', '-'], { input: manifest('nginx:1.25') });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('deployment.apps/web created');
    expect(first.stdout).toContain('service/web created');
    const before = JSON.parse(await k('get', 'deployment', 'web', '-o', 'json'));
    // Another client adds a label; a patching apply keeps it, a replace would drop it.
    await k('label', 'deployment', 'web', 'team=ops');
    const second = await api.kubectl(['apply', '-f', '-'], { input: manifest('nginx:1.26') });
    expect(second.stdout).toContain('deployment.apps/web configured');
    expect(second.stdout).toContain('service/web unchanged');
    const after = JSON.parse(await k('get', 'deployment', 'web', '-o', 'json'));
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.spec.template.spec.containers[0].image).toBe('nginx:1.26');
    expect(after.metadata.labels.team).toBe('ops');
    expect(after.metadata.generation).toBe(2);
  });

  it('gets in every output format', async () => {
    const table = await k('get', 'deployments');
    expect(table).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n/);
    // No node here: its pods are made (UP-TO-DATE) but none is ready.
    expect(table).toMatch(/\nweb\s+0\/2\s+\d\s+0\s+\d+s\n/);
    const wide = await k('get', 'service', 'web', '-o', 'wide');
    expect(wide).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR/);
    expect(wide).toMatch(/web\s+ClusterIP\s+127\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+\s+app=web/);
    expect(await k('get', 'deployment', 'web', '-o', 'yaml')).toContain('kind: Deployment');
    expect(await k('get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.26');
    expect(await k('get', 'namespaces', '-o', 'name')).toContain('namespace/kube-system');
  });

  it('describes a deployment', async () => {
    const out = await k('describe', 'deployment', 'web');
    expect(out).toMatch(/Name:\s+web/);
    expect(out).toMatch(/Image:\s+nginx:1.26/);
  });

  it('labels and annotates, including removal', async () => {
    await k('label', 'deployment', 'web', 'tier=front');
    await k('annotate', 'deployment', 'web', 'note=hello');
    let d = JSON.parse(await k('get', 'deployment', 'web', '-o', 'json'));
    expect(d.metadata.labels.tier).toBe('front');
    expect(d.metadata.annotations.note).toBe('hello');
    await k('label', 'deployment', 'web', 'tier-');
    await k('annotate', 'deployment', 'web', 'note-');
    d = JSON.parse(await k('get', 'deployment', 'web', '-o', 'json'));
    expect(d.metadata.labels.tier).toBeUndefined();
    expect(d.metadata.annotations?.note).toBeUndefined();
  });

  it('scales a deployment through the scale subresource', async () => {
    expect(await k('scale', 'deployment', 'web', '--replicas=5')).toContain('deployment.apps/web scaled');
    expect(await k('get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('5');
  });

  it('patches with strategic merge, merge and JSON patches', async () => {
    await k('patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}');
    let d = JSON.parse(await k('get', 'deployment', 'web', '-o', 'json'));
    expect(d.spec.template.spec.containers.map((c: { name: string }) => c.name).sort()).toEqual(['side', 'web']);
    await k('patch', 'deployment', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"merged":"yes"}}}');
    await k('patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]');
    d = JSON.parse(await k('get', 'deployment', 'web', '-o', 'json'));
    expect(d.metadata.labels.merged).toBe('yes');
    expect(d.spec.replicas).toBe(3);
  });

  it('shows a change made by another client in get -w', async () => {
    await k('create', 'configmap', 'watched', '--from-literal=a=1');
    const child = spawn(KUBECTL, ['get', 'configmap', 'watched', '-w', '-o', 'jsonpath={.data.a}{"\\n"}'], {
      env: { ...process.env, KUBECONFIG: api.kubeconfig, HOME: api.home },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    try {
      await waitFor(() => out.includes('1\n'));
      const res = await api.call('PATCH', '/api/v1/namespaces/default/configmaps/watched', {
        raw: JSON.stringify({ data: { a: '2' } }),
        contentType: 'application/merge-patch+json',
      });
      expect(res.status).toBe(200);
      await waitFor(() => out.includes('2\n'));
    } finally {
      child.kill();
    }
  });

  it('selects with set-based label selectors', async () => {
    for (const [name, labels] of [
      ['s1', 'env=a'],
      ['s2', 'env=b'],
      ['s3', 'env=a canary=true'],
      ['s4', 'env=c'],
    ] as const) {
      await k('create', 'configmap', name);
      await k('label', 'configmap', name, ...labels.split(' '));
    }
    const out = await k('get', 'configmaps', '-l', 'env in (a,b),!canary', '-o', 'name');
    expect(out.trim().split('\n').sort()).toEqual(['configmap/s1', 'configmap/s2']);
  });

  it('creates a namespace and honours --dry-run=server', async () => {
    expect(await k('create', 'namespace', 'team-a')).toContain('namespace/team-a created');
    const dry = await k('create', 'configmap', 'ghost', '-n', 'team-a', '--from-literal=x=y', '--dry-run=server', '-o', 'json');
    expect(JSON.parse(dry).metadata.name).toBe('ghost');
    const get = await api.kubectl(['get', 'configmap', 'ghost', '-n', 'team-a']);
    expect(get.code).not.toBe(0);
    expect(get.stderr).toContain('configmaps "ghost" not found');
    // Deleting it waits until the namespace controller has emptied and removed it.
    await k('create', 'configmap', 'inside', '-n', 'team-a');
    expect(await k('delete', 'namespace', 'team-a')).toContain('namespace "team-a" deleted');
    expect((await api.kubectl(['get', 'namespace', 'team-a'])).stderr).toContain('namespaces "team-a" not found');
    // As on Kubernetes, the system namespaces stay.
    expect((await api.kubectl(['delete', 'namespace', 'default'])).stderr).toContain('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('lists the served resources and explains their fields', async () => {
    const resources = await k('api-resources');
    expect(resources).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect(resources).toMatch(/pods\s+po\s+v1\s+true\s+Pod/);
    const explain = await k('explain', 'deployment.spec.replicas');
    expect(explain).toContain('KIND:');
    expect(explain).toMatch(/FIELD:\s+replicas/);
  });

  it("stores what kubectl's typed create commands send as protobuf, field for field", async () => {
    const commands = [
      ['create', 'deployment', 'pb-deploy', '--image=nginx:1.27', '--port=80', '--replicas=3', '--', '/bin/sh', '-c', 'sleep 1'],
      ['create', 'deployment', 'pb-zero', '--image=a', '--image=b', '--replicas=0'],
      ['create', 'service', 'clusterip', 'pb-svc', '--tcp=80:8080', '--tcp=443:web'],
      ['create', 'service', 'nodeport', 'pb-np', '--tcp=80:8080', '--node-port=30123'],
      ['create', 'secret', 'generic', 'pb-secret', '--from-literal=a=b', '--type=example/x'],
      ['create', 'configmap', 'pb-cm', '--from-literal=k=v'],
      ['create', 'namespace', 'pb-ns'],
    ];
    for (const cmd of commands) {
      // What kubectl would send, as JSON; then the real create, which it sends as protobuf.
      const sent = stripNulls(JSON.parse(await k(...cmd.slice(0, cmd.indexOf('--') < 0 ? cmd.length : cmd.indexOf('--')), '--dry-run=client', '-o', 'json', ...(cmd.includes('--') ? cmd.slice(cmd.indexOf('--')) : []))));
      await k(...cmd);
      const stored = JSON.parse(await k('get', `${sent.kind.toLowerCase()}/${sent.metadata.name}`, '-o', 'json'));
      delete sent.status;
      expect(stored).toMatchObject(sent);
    }
  });

  it('shows the usual field error for an invalid manifest', async () => {
    const bad = manifest('nginx').replace('name: web\n  labels', 'name: Bad_Name\n  labels');
    const r = await api.kubectl(['apply', '-f', '-'], { input: bad });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('is invalid: metadata.name: Invalid value: "Bad_Name"');
  });

  it('refuses an update with a stale resourceVersion with 409', async () => {
    const cm = JSON.parse(await k('get', 'configmap', 'watched', '-o', 'json'));
    await k('label', 'configmap', 'watched', 'bump=1');
    const r = await api.kubectl(['replace', '-f', '-'], { input: JSON.stringify(cm) });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('the object has been modified; please apply your changes to the latest version and try again');
  });

  it('deletes and returns once the object is gone', async () => {
    expect(await k('delete', 'deployment', 'web')).toContain('deployment.apps "web" deleted');
    const r = await api.kubectl(['get', 'deployment', 'web']);
    expect(r.stderr).toContain('deployments.apps "web" not found');
  });
});

/** kubectl's client-side JSON carries `creationTimestamp: null` and empty objects the server fills. */
function stripNulls(v: any): any {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (v && typeof v === 'object') {
    const out: any = {};
    for (const [key, val] of Object.entries(v)) if (val !== null) out[key] = stripNulls(val);
    return out;
  }
  return v;
}

async function waitFor(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
