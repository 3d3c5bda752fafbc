import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** The GraphQL mutations for everyday actions, checked against what kubectl then sees, with RBAC as on REST. */
describe('GraphQL actions', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const tokens = new Map<string, string>();
  const deployments = '/apis/apps/v1/namespaces/default/deployments';
  const pods = '/api/v1/namespaces/default/pods';

  async function user(name: string, clusterRole: string): Promise<void> {
    expect((await api.call('POST', '/skiff/v1/users', { body: { name, password: `${name}-long-password` } })).status).toBe(201);
    tokens.set(name, (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'graphql', user: name } })).body.token);
    await api.kubectlOk(['create', 'rolebinding', `${name}-${clusterRole}`, '-n', 'default', `--clusterrole=${clusterRole}`, `--user=${name}`]);
  }

  /** One GraphQL operation, as the admin or as a user. */
  async function gql(query: string, variables: Record<string, unknown> = {}, as?: string): Promise<{ data?: any; errors?: any[] }> {
    const res = await api.call('POST', '/graphql', { body: { query, variables }, ...(as ? { token: tokens.get(as)! } : {}) });
    expect(res.status).toBeLessThan(500);
    return res.body;
  }
  async function ok(query: string, variables: Record<string, unknown> = {}, as?: string): Promise<any> {
    const res = await gql(query, variables, as);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  const deployment = async (name = 'web') => (await api.call('GET', `${deployments}/${name}`)).body;
  const image = (d: any) => d.spec.template.spec.containers[0].image;

  const manifest = (replicas: number, extraLabel = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web${extraLabel}}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: web:1.0
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-settings
data:
  mode: fast
`;
  const APPLY = `mutation($m: String!) { apply(manifest: $m) { kind namespace name action object } }`;

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=gqla', '--runtime=simulated', '--simulated-nodes=2']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 2, 30_000);
    await user('alice', 'edit');
    await user('viewer', 'view');
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('applies a manifest: created, then unchanged, then configured', async () => {
    const created = (await ok(APPLY, { m: manifest(1) })).apply;
    expect(created.map((a: any) => `${a.kind} ${a.namespace}/${a.name} ${a.action}`)).toEqual(['Deployment default/web created', 'ConfigMap default/web-settings created']);
    expect(created[0].object.metadata.uid).toBeTruthy();
    expect(await api.kubectlOk(['get', 'configmap', 'web-settings', '-o', 'jsonpath={.data.mode}'])).toBe('fast');
    await until(async () => (await deployment()).status?.readyReplicas === 1, 30_000);

    expect((await ok(APPLY, { m: manifest(1) })).apply.map((a: any) => a.action)).toEqual(['unchanged', 'unchanged']);
    const changed = (await ok(APPLY, { m: manifest(2, ', tier: front') })).apply;
    expect(changed.map((a: any) => a.action)).toEqual(['configured', 'unchanged']);
    const d = await deployment();
    expect(d.spec.replicas).toBe(2);
    expect(d.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    // kubectl apply reads what this apply recorded, and finds nothing to change.
    const again = await api.kubectlOk(['apply', '-f', '-'], { input: manifest(2, ', tier: front') });
    expect(again).toMatch(/deployment.apps\/web unchanged/);
    expect(again).toMatch(/configmap\/web-settings unchanged/);
  });

  it('refuses a bad manifest naming the document and field, writing nothing', async () => {
    const bad = `${manifest(1)}---\napiVersion: v1\nkind: Widget\nmetadata: {name: w}\n`;
    const res = await gql(APPLY, { m: bad });
    expect(res.errors![0].extensions).toMatchObject({ code: 'Invalid', status: 422, causes: [{ field: 'manifest[2].kind' }] });
    expect((await deployment()).spec.replicas).toBe(2);
  });

  it('scales through the scale subresource, refusing a negative count on replicas', async () => {
    const scaled = (await ok(`mutation { scale(kind: "Deployment", name: "web", replicas: 3) }`)).scale;
    expect(scaled.spec.replicas).toBe(3);
    await until(async () => (await deployment()).status?.readyReplicas === 3, 30_000);
    const bad = await gql(`mutation { scale(kind: "deploy", namespace: "default", name: "web", replicas: -1) }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'Invalid', causes: [{ field: 'replicas' }] });
    expect((await gql(`mutation { scale(kind: "ConfigMap", name: "web-settings", replicas: 1) }`)).errors![0].extensions.causes[0].field).toBe('kind');
    expect((await gql(`mutation { scale(kind: "Deployment", name: "nope", replicas: 1) }`)).errors![0].extensions).toMatchObject({ code: 'NotFound', status: 404 });
  });

  it('sets an image as alice, and kubectl rollout history names her', async () => {
    const SET = `mutation($c: String, $i: String!) { setImage(kind: "Deployment", name: "web", container: $c, image: $i) }`;
    const set = (await ok(SET, { c: 'web', i: 'web:2.0' }, 'alice')).setImage;
    expect(image(set)).toBe('web:2.0');
    expect(set.metadata.annotations['kubernetes.io/change-cause']).toBe('alice via GraphQL: set image web=web:2.0');
    await until(async () => /alice via GraphQL: set image web=web:2.0/.test(await api.kubectlOk(['rollout', 'history', 'deployment/web'])), 30_000);
    const history = await api.kubectlOk(['rollout', 'history', 'deployment/web']);
    expect(history).toMatch(/^1\s+<none>$/m);
    expect(history).toMatch(/^2\s+alice via GraphQL: set image web=web:2\.0$/m);
    const missing = await gql(SET, { c: 'db', i: 'web:3.0' });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'Invalid', causes: [{ field: 'container' }] });
  });

  it('rolls back to revision 1, restoring the old image, and refuses a revision there is not', async () => {
    await until(async () => (await deployment()).status?.updatedReplicas === 3 && (await deployment()).status?.readyReplicas === 3, 30_000);
    const ROLLBACK = `mutation($r: Int) { rollback(kind: "Deployment", name: "web", toRevision: $r) { revision changed message object } }`;
    const missing = await gql(ROLLBACK, { r: 9 });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'Invalid', status: 422, causes: [{ field: 'toRevision' }] });
    expect(missing.errors![0].message).toContain('has no revision 9 (revisions: 1, 2)');

    const undone = (await ok(ROLLBACK, { r: 1 })).rollback;
    expect(undone).toMatchObject({ revision: 1, changed: true, message: 'rolled back to revision 1' });
    expect(image(undone.object)).toBe('web:1.0');
    expect(undone.object.spec.template.metadata.labels['pod-template-hash']).toBeUndefined();
    await until(async () => /^3\s+admin via GraphQL: rollout undo to revision 1$/m.test(await api.kubectlOk(['rollout', 'history', 'deployment/web'])), 30_000);
    await until(async () => {
      const p = (await api.call('GET', `${pods}?labelSelector=app%3Dweb`)).body.items.filter((x: any) => !x.metadata.deletionTimestamp);
      return p.length === 3 && p.every((x: any) => x.spec.containers[0].image === 'web:1.0');
    }, 30_000);
    expect((await ok(ROLLBACK, { r: 3 })).rollback).toMatchObject({ changed: false, message: 'skipped rollback (current template already matches revision 3)' });
  });

  it('pauses and resumes, and restarts with the restartedAt annotation', async () => {
    const paused = (await ok(`mutation { pause(kind: "Deployment", name: "web") }`)).pause;
    expect(paused.spec.paused).toBe(true);
    const refused = await gql(`mutation { restart(kind: "Deployment", name: "web") }`);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'Conflict', status: 409 });
    expect((await ok(`mutation { resume(kind: "Deployment", name: "web") }`)).resume.spec.paused).toBeUndefined();

    const restarted = (await ok(`mutation { restart(kind: "Deployment", name: "web", changeCause: "nightly restart") }`)).restart;
    expect(restarted.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await until(async () => /^4\s+nightly restart$/m.test(await api.kubectlOk(['rollout', 'history', 'deployment/web'])), 30_000);
  });

  it('refuses the view role any action, with Forbidden, and changes nothing', async () => {
    const before = await deployment();
    const scale = await gql(`mutation { scale(kind: "Deployment", name: "web", replicas: 1) }`, {}, 'viewer');
    expect(scale.errors![0].extensions).toMatchObject({ code: 'Forbidden', status: 403 });
    expect(scale.errors![0].message).toContain('User "viewer" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"');
    const set = await gql(`mutation { setImage(kind: "Deployment", name: "web", image: "evil:1") }`, {}, 'viewer');
    expect(set.errors![0].extensions.code).toBe('Forbidden');
    const applied = await gql(APPLY, { m: manifest(7) }, 'viewer');
    expect(applied.errors![0].extensions.code).toBe('Forbidden');
    // The controller may still write status (the restart's rollout); the spec is as it was.
    const after = await deployment();
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.spec).toEqual(before.spec);
    expect(after.spec.replicas).toBe(3);
  });

  it('cordons and uncordons a node', async () => {
    expect((await ok(`mutation { cordon(node: "gqla-sim-0") }`)).cordon.spec.unschedulable).toBe(true);
    expect(await api.kubectlOk(['get', 'node', 'gqla-sim-0', '--no-headers'])).toMatch(/SchedulingDisabled/);
    expect((await ok(`mutation { uncordon(node: "gqla-sim-0") }`)).uncordon.spec.unschedulable).toBeUndefined();
    expect(await api.kubectlOk(['get', 'node', 'gqla-sim-0', '--no-headers'])).not.toMatch(/SchedulingDisabled/);
    expect((await gql(`mutation { cordon(node: "nope") }`)).errors![0].extensions.code).toBe('NotFound');
  });

  it('drains a node: refuses unmanaged and DaemonSet pods without the flags, then evicts the rest', async () => {
    const node = 'gqla-sim-1';
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'drainee' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'drainee' } }, template: { metadata: { labels: { app: 'drainee' } }, spec: { nodeSelector: { 'kubernetes.io/hostname': node }, containers: [{ name: 'c', image: 'web:1.0' }] } } },
    };
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'web:1.0' }] } } } };
    const loner = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loner' }, spec: { nodeName: node, containers: [{ name: 'c', image: 'web:1.0' }] } };
    expect((await ok(APPLY, { m: [rs, ds, loner].map((o) => JSON.stringify(o)).join('\n---\n') })).apply.map((a: any) => a.action)).toEqual(['created', 'created', 'created']);
    const onNode = async () => (await api.call('GET', `/api/v1/pods?fieldSelector=spec.nodeName%3D${node}`)).body.items.filter((p: any) => !p.metadata.deletionTimestamp);
    const named = (items: any[], prefix: string) => items.filter((p: any) => p.metadata.name.startsWith(prefix));
    await until(async () => {
      const items = await onNode();
      return named(items, 'drainee-').length === 1 && named(items, 'agent-').length === 1 && named(items, 'loner').length === 1;
    }, 30_000);

    const DRAIN = `mutation($f: Boolean, $d: Boolean) { drain(node: "${node}", force: $f, ignoreDaemonSets: $d) { node evicted { namespace name } skipped { name reason } warnings } }`;
    const refused = await gql(DRAIN, {});
    expect(refused.errors![0].extensions.code).toBe('Invalid');
    expect(refused.errors![0].extensions.causes.map((c: any) => c.field).sort()).toEqual(['force', 'ignoreDaemonSets']);
    expect(refused.errors![0].message).toContain('default/loner');
    expect((await api.call('GET', `/api/v1/nodes/${node}`)).body.spec.unschedulable).toBe(true); // cordoned, as kubectl leaves it
    expect(named(await onNode(), 'loner')).toHaveLength(1);

    const drained = (await ok(DRAIN, { f: true, d: true })).drain;
    const evicted = drained.evicted.map((p: any) => p.name);
    expect(evicted).toContain('loner');
    expect(evicted.some((n: string) => n.startsWith('drainee-'))).toBe(true);
    expect(evicted.some((n: string) => n.startsWith('agent-'))).toBe(false);
    expect(drained.skipped).toEqual([{ name: expect.stringMatching(/^agent-/), reason: 'DaemonSetPod' }]);
    expect(drained.warnings).toEqual([expect.stringMatching(/^ignoring DaemonSet-managed Pods: default\/agent-/), 'deleting Pods that declare no controller: default/loner']);
    expect(drained.node.spec.unschedulable).toBe(true);
    await until(async () => {
      const items = await onNode();
      return named(items, 'drainee-').length === 0 && named(items, 'loner').length === 0 && named(items, 'agent-').length === 1;
    }, 30_000);
    await ok(`mutation { uncordon(node: "${node}") }`);
  });

  it('rolls a DaemonSet back through its ControllerRevisions', async () => {
    const revisions = async () => (await api.call('GET', '/apis/apps/v1/namespaces/default/controllerrevisions')).body.items.filter((r: any) => r.metadata.name.startsWith('agent-'));
    await until(async () => (await revisions()).length === 1, 30_000);
    expect(image((await ok(`mutation { setImage(kind: "DaemonSet", name: "agent", image: "web:2.0") }`)).setImage)).toBe('web:2.0');
    await until(async () => (await revisions()).length === 2, 30_000);
    const undone = (await ok(`mutation { rollback(kind: "ds", name: "agent") { revision changed object } }`)).rollback;
    expect(undone).toMatchObject({ revision: 1, changed: true });
    expect(image(undone.object)).toBe('web:1.0');
    expect(undone.object.metadata.annotations['kubernetes.io/change-cause']).toBe('admin via GraphQL: rollout undo to revision 1');
  });

  it('deletes, refusing an unknown propagation policy', async () => {
    const bad = await gql(`mutation { delete(kind: "Deployment", name: "web", propagationPolicy: "Sometimes") { removed } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'Invalid', causes: [{ field: 'propagationPolicy' }] });
    const deleted = (await ok(`mutation { delete(kind: "Deployment", name: "web", propagationPolicy: "Background") { kind namespace name removed object } }`)).delete;
    expect(deleted).toMatchObject({ kind: 'Deployment', namespace: 'default', name: 'web', removed: true });
    expect((await api.call('GET', `${deployments}/web`)).status).toBe(404);
    expect((await ok(`mutation { delete(kind: "cm", name: "web-settings") { removed } }`)).delete.removed).toBe(true);
    expect((await gql(`mutation { delete(kind: "Deployment", name: "web") { removed } }`)).errors![0].extensions.code).toBe('NotFound');
  });
});
