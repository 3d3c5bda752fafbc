import { StoreRuntime } from '../../src/store/store-runtime';
import { startTestApi, type TestApi } from '../support/test-server';

/**
 * History and time travel (issue 5, item 8): after three image changes made with the real
 * kubectl, the API returns the Deployment as it was at its first revision, at a time
 * between changes, its revisions in order, and the diff between two revisions.
 */
describe('object history', () => {
  let api: TestApi;
  let viewerToken: string;
  const history = '/skiff/v1/history';
  const web = `${history}/apis/apps/v1/namespaces/default/deployments/web`;
  const image = (d: any) => d.spec.template.spec.containers[0].image;
  /** The image changes of web, in the order made: [revision, time, summary]. */
  let imageChanges: { revision: number; time: string; type: string; changed: string[]; summary: string }[] = [];
  let created: number;

  beforeAll(async () => {
    api = await startTestApi();
    created = Number(await api.kubectlOk(['create', 'deployment', 'web', '--image=web:1.0', '-o', 'jsonpath={.metadata.resourceVersion}']));
    for (const tag of ['2.0', '3.0', '4.0']) {
      // Apart in time, so that a time between two changes is easy to name.
      await new Promise((r) => setTimeout(r, 50));
      await api.kubectlOk(['set', 'image', 'deployment/web', `web=web:${tag}`]);
    }
    // The controller has seen the last change (its status writes are history too).
    for (let i = 0; i < 100; i++) {
      const d = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body;
      if (d.status?.observedGeneration === d.metadata.generation) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await api.kubectlOk(['create', 'secret', 'generic', 'db', '--from-literal=password=s3cret']);
    await api.kubectlOk(['create', 'configmap', 'settings', '--from-literal=mode=a']);
    await api.kubectlOk(['patch', 'configmap', 'settings', '-p', '{"data":{"mode":"b"}}']);
    expect((await api.call('POST', '/skiff/v1/users', { body: { name: 'viewer', password: 'viewer-long-password' } })).status).toBe(201);
    viewerToken = (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'history', user: 'viewer' } })).body.token;
    await api.kubectlOk(['create', 'rolebinding', 'viewer-view', '--clusterrole=view', '--user=viewer']);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lists the revisions in order, each with its time, type and a summary', async () => {
    const res = await api.call('GET', `${web}/revisions`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'ObjectRevisionList', apiVersion: 'skiff.io/v1', object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' }, compactedRevision: 0 });
    const items: any[] = res.body.items;
    expect(items[0]).toMatchObject({ revision: created, type: 'ADDED', summary: 'created' });
    const revisions = items.map((i) => i.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    const times = items.map((i) => Date.parse(i.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items[0].time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    imageChanges = items.filter((i) => i.summary.startsWith('spec.template.spec.containers[0].image'));
    expect(imageChanges.map((i) => i.summary)).toEqual([
      'spec.template.spec.containers[0].image: web:1.0 → web:2.0',
      'spec.template.spec.containers[0].image: web:2.0 → web:3.0',
      'spec.template.spec.containers[0].image: web:3.0 → web:4.0',
    ]);
    expect(imageChanges.every((i) => i.type === 'MODIFIED' && i.changed.includes('spec.template'))).toBe(true);
    // The controller's own writes are there too: status, the revision annotation.
    expect(items.some((i) => i.changed.some((c: string) => c.startsWith('status')))).toBe(true);

    const paged = await api.call('GET', `${web}/revisions?limit=2`);
    expect(paged.body.items.map((i: any) => i.revision)).toEqual(revisions.slice(0, 2));
    const next = await api.call('GET', `${web}/revisions?limit=2&continue=${paged.body.metadata.continue}`);
    expect(next.body.items.map((i: any) => i.revision)).toEqual(revisions.slice(2, 4));
  });

  it('returns the Deployment as it was at its first revision, and at each image change', async () => {
    const first = await api.call('GET', `${web}?revision=${created}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'Deployment', metadata: { name: 'web', resourceVersion: String(created) } });
    expect(image(first.body)).toBe('web:1.0');
    for (const [i, tag] of ['web:2.0', 'web:3.0', 'web:4.0'].entries()) {
      expect(image((await api.call('GET', `${web}?revision=${imageChanges[i].revision}`)).body)).toBe(tag);
    }
    // Between two changes: as after the earlier one.
    expect(image((await api.call('GET', `${web}?revision=${imageChanges[1].revision - 1}`)).body)).toBe('web:2.0');
    const yaml = await api.call('GET', `${web}?revision=${created}`, { accept: 'application/yaml' });
    expect(yaml.headers['content-type']).toContain('application/yaml');
    expect(yaml.text).toContain('image: web:1.0');
  });

  it('returns the Deployment as it was at a time', async () => {
    const [two, three] = imageChanges;
    // At the instant of a change (to the microsecond), and between two changes.
    expect(image((await api.call('GET', `${web}?time=${two.time}`)).body)).toBe('web:2.0');
    const between = new Date((Date.parse(two.time) + Date.parse(three.time)) / 2).toISOString();
    expect(image((await api.call('GET', `${web}?time=${between}`)).body)).toBe('web:2.0');
    expect(image((await api.call('GET', `${web}?time=${encodeURIComponent(three.time.replace('Z', '+00:00'))}`)).body)).toBe('web:3.0');
    // Before it was created: not found.
    const before = await api.call('GET', `${web}?time=2001-01-01T00:00:00Z`);
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'deployments.apps "web" not found at time 2001-01-01T00:00:00Z' });
    expect((await api.call('GET', `${web}?time=2999-01-01T00:00:00Z`)).status).toBe(400);
    expect((await api.call('GET', `${web}?time=yesterday`)).body.message).toContain('RFC 3339');
  });

  it('diffs the first and the last revision: the image path, as JSON Patch, field changes and a unified YAML diff', async () => {
    const last = imageChanges[2].revision;
    const res = await api.call('GET', `${web}/diff?from=${created}&to=${last}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'ObjectDiff',
      from: { revision: created, exists: true, resourceVersion: String(created) },
      to: { revision: last, exists: true, resourceVersion: String(last) },
      noise: false,
    });
    expect(res.body.patch).toContainEqual({ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'web:4.0' });
    expect(res.body.changes).toContainEqual({ path: '/spec/template/spec/containers/0/image', field: 'spec.template.spec.containers[0].image', from: 'web:1.0', to: 'web:4.0' });
    expect(res.body.changes.map((c: any) => c.field)).not.toContain('metadata.resourceVersion');
    const unified: string = res.body.unified;
    expect(unified).toContain(`--- deployments.apps/default/web@${created}\n+++ deployments.apps/default/web@${last}\n`);
    expect(unified).toContain('\n-      - image: web:1.0\n+      - image: web:4.0\n');
    expect(unified).not.toContain('resourceVersion');

    const text = await api.call('GET', `${web}/diff?from=${created}&to=${last}`, { accept: 'text/x-diff' });
    expect(text.headers['content-type']).toContain('text/x-diff');
    expect(text.text).toBe(unified);

    const noisy = await api.call('GET', `${web}/diff?from=${created}&to=${last}&noise=true`);
    expect(noisy.body.changes).toContainEqual(expect.objectContaining({ field: 'metadata.resourceVersion', from: String(created), to: String(last) }));
    expect(noisy.body.unified).toContain('resourceVersion');

    // One change alone, and ends given as times.
    const one = await api.call('GET', `${web}/diff?from=${imageChanges[1].revision - 1}&to=${imageChanges[1].revision}`);
    expect(one.body.changes).toEqual([{ path: '/spec/template/spec/containers/0/image', field: 'spec.template.spec.containers[0].image', from: 'web:2.0', to: 'web:3.0' }]);
    const byTime = await api.call('GET', `${web}/diff?from=2001-01-01T00:00:00Z&to=${imageChanges[0].time}`);
    expect(byTime.body).toMatchObject({ from: { time: '2001-01-01T00:00:00Z', exists: false }, to: { exists: true }, patch: [{ op: 'add', path: '' }] });
    expect((await api.call('GET', `${web}/diff?from=${created}`)).body.message).toContain('"to" is required');
  });

  it('serves the core group, cluster-scoped objects and Namespaces by their own paths', async () => {
    const cm = `${history}/api/v1/namespaces/default/configmaps/settings`;
    const revs = (await api.call('GET', `${cm}/revisions`)).body.items;
    expect(revs.map((i: any) => i.summary)).toEqual(['created', 'data.mode: a → b']);
    expect((await api.call('GET', `${cm}?revision=${revs[0].revision}`)).body.data).toEqual({ mode: 'a' });
    const ns = await api.call('GET', `${history}/api/v1/namespaces/default/revisions`);
    expect(ns.status).toBe(200);
    expect(ns.body.object).toEqual({ apiVersion: 'v1', kind: 'Namespace', name: 'default' });
  });

  it('keeps the history of a deleted object, and of one made again under the same name', async () => {
    const first = Number(await api.kubectlOk(['create', 'configmap', 'brief', '--from-literal=v=1', '-o', 'jsonpath={.metadata.resourceVersion}']));
    await api.kubectlOk(['delete', 'configmap', 'brief']);
    const cm = `${history}/api/v1/namespaces/default/configmaps/brief`;
    const revs = (await api.call('GET', `${cm}/revisions`)).body.items;
    expect(revs.map((i: any) => [i.type, i.summary])).toEqual([['ADDED', 'created'], ['DELETED', 'deleted']]);
    const deletedAt = revs[1].revision;
    expect((await api.call('GET', `${cm}?revision=${deletedAt - 1}`)).body.data).toEqual({ v: '1' });
    expect((await api.call('GET', `${cm}?revision=${deletedAt}`)).status).toBe(404);
    const uid = (await api.call('GET', `${cm}?revision=${first}`)).body.metadata.uid;
    await api.kubectlOk(['create', 'configmap', 'brief', '--from-literal=v=2']);
    const again = (await api.call('GET', `${cm}/revisions`)).body.items;
    expect(again.map((i: any) => i.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
    const diff = (await api.call('GET', `${cm}/diff?from=${first}&to=${again[2].revision}`)).body;
    expect(diff.changes).toContainEqual({ path: '/data/v', field: 'data.v', from: '1', to: '2' });
    expect(diff.changes).toContainEqual(expect.objectContaining({ field: 'metadata.uid', from: uid }));
    const across = (await api.call('GET', `${cm}/diff?from=${first}&to=${deletedAt}`)).body;
    expect(across).toMatchObject({ from: { exists: true }, to: { exists: false }, patch: [{ op: 'remove', path: '' }] });
  });

  it('answers 404 for an unknown object or path, 400 and 504 for bad or future revisions', async () => {
    const missing = await api.call('GET', `${history}/apis/apps/v1/namespaces/default/deployments/nope?revision=${created}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: 'Status', reason: 'NotFound', details: { name: 'nope', group: 'apps', kind: 'deployments' } });
    expect((await api.call('GET', `${history}/apis/apps/v1/namespaces/default/deployments/nope/revisions`)).status).toBe(404);
    expect((await api.call('GET', `${history}/apis/apps/v1/namespaces/default/deployments/nope/diff?from=1&to=${created}`)).status).toBe(404);
    expect((await api.call('GET', `${history}/apis/apps/v1/namespaces/default/widgets/x?revision=1`)).status).toBe(404);
    expect((await api.call('GET', `${web}/status?revision=1`)).status).toBe(404);
    // Before it existed.
    expect((await api.call('GET', `${web}?revision=${created - 1}`)).status).toBe(404);
    expect((await api.call('GET', web)).status).toBe(400);
    expect((await api.call('GET', `${web}?revision=abc`)).status).toBe(400);
    const tooLarge = await api.call('GET', `${web}?revision=999999999`);
    expect(tooLarge.status).toBe(504);
    expect(tooLarge.body.message).toMatch(/^Too large resource version: 999999999, current: \d+$/);
    expect((await api.call('DELETE', web)).status).toBe(405);
  });

  it('authorizes as get on the object: a view user reads a Deployment’s history, not a Secret’s', async () => {
    const as = { token: viewerToken };
    expect((await api.call('GET', `${web}?revision=${created}`, as)).status).toBe(200);
    expect((await api.call('GET', `${web}/revisions`, as)).status).toBe(200);
    expect((await api.call('GET', `${web}/diff?from=${created}&to=${imageChanges[2].revision}`, as)).status).toBe(200);
    const secret = `${history}/api/v1/namespaces/default/secrets/db`;
    expect((await api.call('GET', `${secret}/revisions`)).status).toBe(200); // the admin may
    for (const p of [`${secret}?revision=${created}`, `${secret}/revisions`, `${secret}/diff?from=1&to=${created}`]) {
      const res = await api.call('GET', p, as);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
      expect(res.body.message).toContain('User "viewer" cannot get resource "secrets" in API group "" in the namespace "default"');
    }
    // Refused before anything is read: an unknown Secret is 403 too, not 404.
    expect((await api.call('GET', `${history}/api/v1/namespaces/default/secrets/nope/revisions`, as)).status).toBe(403);
    expect((await api.call('GET', `${history}/api/v1/nodes/n1/revisions`, as)).status).toBe(403);
    expect((await api.call('GET', `${web}/revisions`, { token: null })).status).toBe(401);
  });

  it('answers 410 Gone, naming the compaction point, for what compaction removed', async () => {
    const rt = api.server.app.get(StoreRuntime);
    const [, second] = imageChanges;
    await rt.store.compact(second.revision);
    const gone = await api.call('GET', `${web}?revision=${created}`);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    expect(gone.body.message).toBe(`revision ${created} is older than the kept history: the change log is compacted up to revision ${second.revision}`);
    expect((await api.call('GET', `${web}/diff?from=${created}&to=${second.revision}`)).status).toBe(410);
    expect((await api.call('GET', `${web}?time=${imageChanges[0].time}`)).status).toBe(410);
    // At the compaction point itself, and after: still answered.
    expect(image((await api.call('GET', `${web}?revision=${second.revision}`)).body)).toBe('web:3.0');
    expect(image((await api.call('GET', `${web}?time=${imageChanges[2].time}`)).body)).toBe('web:4.0');
    const revs = (await api.call('GET', `${web}/revisions`)).body;
    expect(revs.compactedRevision).toBe(second.revision);
    expect(revs.items[0].revision).toBeGreaterThan(second.revision);

    // An object unchanged since before the compaction point is still found, as it is now.
    const { current } = await rt.store.revisions();
    await rt.store.compact(current);
    const cm = `${history}/api/v1/namespaces/default/configmaps/settings`;
    expect((await api.call('GET', `${cm}?revision=${current}`)).body.data).toEqual({ mode: 'b' });
    expect((await api.call('GET', `${cm}/revisions`)).body).toMatchObject({ compactedRevision: current, items: [] });
  });
});
