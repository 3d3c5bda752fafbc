import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/** The Kubernetes API's verbs and options, over HTTP, as client libraries use them. */
describe('API semantics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ SKIFF_WATCH_BOOKMARK_SECONDS: '1' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const ns = '/api/v1/namespaces/default';
  const merge = (body: unknown) => ({ raw: JSON.stringify(body), contentType: 'application/merge-patch+json' });
  const pod = (name: string, extra: Record<string, unknown> = {}) => ({
    metadata: { name, labels: { app: 'p' } },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...extra },
  });

  it('pages a list with limit and continue: every item once, in order, at the first page’s revision', async () => {
    for (let i = 0; i < 25; i++) {
      expect((await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: `page-${String(i).padStart(2, '0')}`, labels: { paged: 'yes' } } } })).status).toBe(201);
    }
    const names: string[] = [];
    let cont = '';
    const rvs = new Set<string>();
    let pages = 0;
    do {
      const res = await api.call('GET', `${ns}/configmaps?labelSelector=paged%3Dyes&limit=10${cont ? `&continue=${cont}` : ''}`);
      expect(res.status).toBe(200);
      names.push(...res.body.items.map((i: any) => i.metadata.name));
      rvs.add(res.body.metadata.resourceVersion);
      cont = res.body.metadata.continue ?? '';
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `page-${String(i).padStart(2, '0')}`));
    expect(rvs.size).toBe(1);
  });

  it('serves every page of a list as it was at the first page, whatever changes meanwhile', async () => {
    const cms = `${ns}/configmaps`;
    for (let i = 0; i < 30; i++) {
      await api.call('POST', cms, { body: { metadata: { name: `snap-${String(i).padStart(2, '0')}`, labels: { snap: 'yes' } }, data: { v: '1' } } });
    }
    const first = await api.call('GET', `${cms}?labelSelector=snap%3Dyes&limit=10`);
    // Meanwhile: one changed, one deleted, one created, one relabelled out of the selector.
    await api.call('PATCH', `${cms}/snap-15`, merge({ data: { v: '2' } }));
    await api.call('DELETE', `${cms}/snap-20`);
    await api.call('POST', cms, { body: { metadata: { name: 'snap-12a', labels: { snap: 'yes' } } } });
    await api.call('PATCH', `${cms}/snap-25`, merge({ metadata: { labels: { snap: 'no' } } }));
    const items = [...first.body.items];
    let cont = first.body.metadata.continue;
    while (cont) {
      const page = await api.call('GET', `${cms}?labelSelector=snap%3Dyes&limit=10&continue=${cont}`);
      expect(page.body.metadata.resourceVersion).toBe(first.body.metadata.resourceVersion);
      items.push(...page.body.items);
      cont = page.body.metadata.continue;
    }
    expect(items.map((i: any) => i.metadata.name)).toEqual(Array.from({ length: 30 }, (_, i) => `snap-${String(i).padStart(2, '0')}`));
    expect(items.find((i: any) => i.metadata.name === 'snap-15').data.v).toBe('1');
    // A fresh list sees the present.
    const now = await api.call('GET', `${cms}?labelSelector=snap%3Dyes`);
    const names = now.body.items.map((i: any) => i.metadata.name);
    expect(names).toContain('snap-12a');
    expect(names).not.toContain('snap-20');
    expect(names).not.toContain('snap-25');
    await api.call('DELETE', `${cms}?labelSelector=snap`);
  });

  it('lists at an exact earlier revision with resourceVersionMatch=Exact', async () => {
    const cms = `${ns}/configmaps`;
    const c = await api.call('POST', cms, { body: { metadata: { name: 'exact' }, data: { v: 'old' } } });
    const rv = c.body.metadata.resourceVersion;
    await api.call('PATCH', `${cms}/exact`, merge({ data: { v: 'new' } }));
    const then = await api.call('GET', `${cms}?fieldSelector=metadata.name%3Dexact&resourceVersion=${rv}&resourceVersionMatch=Exact`);
    expect(then.body.metadata.resourceVersion).toBe(rv);
    expect(then.body.items.map((i: any) => i.data.v)).toEqual(['old']);
    const before = await api.call('GET', `${cms}?fieldSelector=metadata.name%3Dexact&resourceVersion=${Number(rv) - 1}&resourceVersionMatch=Exact`);
    expect(before.body.items).toEqual([]);
    expect((await api.call('GET', `${cms}?resourceVersionMatch=Exact`)).status).toBe(400);
    const future = await api.call('GET', `${cms}?resourceVersion=${Number(rv) + 1_000_000}&resourceVersionMatch=Exact`);
    expect(future.status).toBe(504);
    expect(future.body.details.causes[0].reason).toBe('ResourceVersionTooLarge');
    await api.call('DELETE', `${cms}/exact`);
  });

  it('answers 410 for a continue token older than compaction', async () => {
    const cms = `${ns}/configmaps`;
    const first = await api.call('GET', `${cms}?limit=1`);
    expect(first.body.metadata.continue).toBeDefined();
    await api.call('POST', cms, { body: { metadata: { name: 'after-first-page' } } });
    const { StoreRuntime } = await import('../../src/store/store-runtime');
    const rt = api.server.app.get(StoreRuntime);
    await rt.store.compact((await rt.store.revisions()).current);
    const next = await api.call('GET', `${cms}?limit=1&continue=${first.body.metadata.continue}`);
    expect(next.status).toBe(410);
    expect(next.body.reason).toBe('Expired');
    await api.call('DELETE', `${cms}/after-first-page`);
  });

  it('filters by field selector: metadata.name and, for pods, spec.nodeName and status.phase', async () => {
    const byName = await api.call('GET', `${ns}/configmaps?fieldSelector=metadata.name%3Dpage-03`);
    expect(byName.body.items.map((i: any) => i.metadata.name)).toEqual(['page-03']);
    const notName = await api.call('GET', `${ns}/configmaps?labelSelector=paged&fieldSelector=metadata.name!%3Dpage-03`);
    expect(notName.body.items).toHaveLength(24);
    await api.call('POST', `${ns}/pods`, { body: pod('on-n1', { nodeName: 'n1' }) });
    await api.call('POST', `${ns}/pods`, { body: pod('unbound') });
    const onN1 = await api.call('GET', `/api/v1/pods?fieldSelector=spec.nodeName%3Dn1`);
    expect(onN1.body.items.map((i: any) => i.metadata.name)).toEqual(['on-n1']);
    const unbound = await api.call('GET', `/api/v1/pods?fieldSelector=spec.nodeName%3D`);
    expect(unbound.body.items.map((i: any) => i.metadata.name)).toEqual(['unbound']);
    const pending = await api.call('GET', `${ns}/pods?fieldSelector=status.phase%3DPending`);
    expect(pending.body.items.map((i: any) => i.metadata.name).sort()).toEqual(['on-n1', 'unbound']);
  });

  it('deletes a collection by label selector, and only it', async () => {
    await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'keep-me' } } });
    const res = await api.call('DELETE', `${ns}/configmaps?labelSelector=paged%3Dyes`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(25);
    const left = await api.call('GET', `${ns}/configmaps`);
    expect(left.body.items.map((i: any) => i.metadata.name)).toEqual(['keep-me']);
  });

  it('honours delete preconditions on uid and resourceVersion', async () => {
    const cm = (await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'pre' } } })).body;
    const wrongUid = await api.call('DELETE', `${ns}/configmaps/pre`, { body: { preconditions: { uid: 'not-it' } } });
    expect(wrongUid.status).toBe(409);
    const wrongRv = await api.call('DELETE', `${ns}/configmaps/pre`, { body: { preconditions: { resourceVersion: '1' } } });
    expect(wrongRv.status).toBe(409);
    const ok = await api.call('DELETE', `${ns}/configmaps/pre`, { body: { preconditions: { uid: cm.metadata.uid, resourceVersion: cm.metadata.resourceVersion } } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'pre', kind: 'configmaps', uid: cm.metadata.uid } });
  });

  it('keeps an object with finalizers until the last is removed (Orphan adds the orphan finalizer)', async () => {
    await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'fin', finalizers: ['example.com/hold'] } } });
    const del = await api.call('DELETE', `${ns}/configmaps/fin?propagationPolicy=Orphan`);
    expect(del.status).toBe(200);
    expect(del.body.metadata.deletionTimestamp).toBeDefined();
    expect(del.body.metadata.finalizers).toEqual(['example.com/hold', 'orphan']);
    const released = await api.call('PATCH', `${ns}/configmaps/fin`, merge({ metadata: { finalizers: null } }));
    expect(released.status).toBe(200);
    expect((await api.call('GET', `${ns}/configmaps/fin`)).status).toBe(404);
  });

  it('gives a pod on a node its grace period, and removes it when deleted with grace 0', async () => {
    const first = await api.call('DELETE', `${ns}/pods/on-n1`);
    expect(first.status).toBe(200);
    expect(first.body.metadata.deletionGracePeriodSeconds).toBe(30);
    expect((await api.call('GET', `${ns}/pods/on-n1`)).status).toBe(200);
    expect((await api.call('DELETE', `${ns}/pods/on-n1?gracePeriodSeconds=0`)).status).toBe(200);
    expect((await api.call('GET', `${ns}/pods/on-n1`)).status).toBe(404);
  });

  it('separates spec and status: the status subresource changes only status; generation follows the spec', async () => {
    const deploys = '/apis/apps/v1/namespaces/default/deployments';
    const d = (
      await api.call('POST', deploys, {
        body: {
          metadata: { name: 'gen' },
          spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
          status: { replicas: 99 },
        },
      })
    ).body;
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toBeUndefined();
    const st = await api.call('PATCH', `${deploys}/gen/status`, merge({ status: { replicas: 1 }, spec: { replicas: 7 } }));
    expect(st.body.status).toEqual({ replicas: 1 });
    expect(st.body.spec.replicas).toBe(1);
    expect(st.body.metadata.generation).toBe(1);
    // The Deployment controller runs too and owns the status from here on: only check what a client's write could not change.
    const labelled = await api.call('PATCH', `${deploys}/gen`, merge({ metadata: { labels: { x: 'y' } }, status: { replicas: 5 } }));
    expect(labelled.body.metadata.generation).toBe(1);
    expect(labelled.body.status.replicas).not.toBe(5);
    const scaled = await api.call('PUT', `${deploys}/gen/scale`, { body: { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'gen' }, spec: { replicas: 4 } } });
    expect(scaled.body).toMatchObject({ kind: 'Scale', spec: { replicas: 4 }, status: { selector: 'a=b' } });
    expect(scaled.body.status.replicas).toBeLessThanOrEqual(4);
    expect((await api.call('GET', `${deploys}/gen`)).body.metadata.generation).toBe(2);
  });

  it('changes nothing on dryRun=All for update, patch and delete', async () => {
    const cm = (await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'dry' }, data: { a: '1' } } })).body;
    const put = await api.call('PUT', `${ns}/configmaps/dry?dryRun=All`, { body: { ...cm, data: { a: '2' } } });
    expect(put.body.data.a).toBe('2');
    const patch = await api.call('PATCH', `${ns}/configmaps/dry?dryRun=All`, merge({ data: { a: '3' } }));
    expect(patch.body.data.a).toBe('3');
    expect((await api.call('DELETE', `${ns}/configmaps/dry?dryRun=All`)).status).toBe(200);
    const now = (await api.call('GET', `${ns}/configmaps/dry`)).body;
    expect(now.data.a).toBe('1');
    expect(now.metadata.resourceVersion).toBe(cm.metadata.resourceVersion);
    const create = await api.call('POST', `${ns}/configmaps?dryRun=All`, { body: { metadata: { name: 'dry-new' } } });
    expect(create.status).toBe(201);
    expect(create.body.metadata.resourceVersion).toBeUndefined();
    expect((await api.call('GET', `${ns}/configmaps/dry-new`)).status).toBe(404);
  });

  it('names an object from generateName', async () => {
    const res = await api.call('POST', `${ns}/configmaps`, { body: { metadata: { generateName: 'gen-' } } });
    expect(res.status).toBe(201);
    expect(res.body.metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('picks another generated name when the first one is taken (RetryGenerateName)', async () => {
    // The server runs in this process: the first name it draws is the one already taken.
    const taken = await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'dup-bbbbb' } } });
    expect(taken.status).toBe(201);
    const random = jest.spyOn(Math, 'random');
    for (let i = 0; i < 5; i++) random.mockReturnValueOnce(0); // 'b' × 5, then random again
    try {
      const res = await api.call('POST', `${ns}/configmaps`, { body: { metadata: { generateName: 'dup-' } } });
      expect(res.status).toBe(201);
      expect(res.body.metadata.name).toMatch(/^dup-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(res.body.metadata.name).not.toBe('dup-bbbbb');
    } finally {
      random.mockRestore();
    }
  });

  it('binds a pod to a node once', async () => {
    const bind = (node: string) => api.call('POST', `${ns}/pods/unbound/binding`, { body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'unbound' }, target: { kind: 'Node', name: node } } });
    expect((await bind('n2')).status).toBe(201);
    expect((await api.call('GET', `${ns}/pods/unbound`)).body.spec.nodeName).toBe('n2');
    expect((await bind('n3')).status).toBe(409);
  });

  it('warns about unknown fields with fieldValidation=Warn and drops them', async () => {
    const res = await api.call('POST', `${ns}/configmaps?fieldValidation=Warn`, { body: { metadata: { name: 'warned' }, dataa: { x: 'y' } } });
    expect(res.status).toBe(201);
    expect(String(res.headers.warning)).toContain('unknown field \\"dataa\\"');
    expect(res.body.dataa).toBeUndefined();
  });

  it('serves a Table with the kind’s columns when asked', async () => {
    const res = await api.call('GET', `${ns}/configmaps`, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(res.body.kind).toBe('Table');
    expect(res.body.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(res.body.rows.map((r: any) => r.cells[0])).toContain('keep-me');
  });

  it('ends a watch after timeoutSeconds and sends bookmarks when asked', async () => {
    const list = await api.call('GET', `${ns}/configmaps`);
    const w = await openWatch(`${api.url}${ns}/configmaps?watch=true&resourceVersion=${list.body.metadata.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=3`, api.token, api.server.pki.caCert);
    const started = Date.now();
    await w.ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    const bookmarks = w.events.filter((e) => e.type === 'BOOKMARK');
    expect(bookmarks.length).toBeGreaterThanOrEqual(1);
    expect(bookmarks[0].object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
    // Everything up to the bookmark's revision was delivered: at least the list's (controllers write other kinds meanwhile).
    expect(Number(bookmarks[0].object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(list.body.metadata.resourceVersion));
  });

  it('shows a selector watcher objects entering its view as ADDED and leaving it as DELETED', async () => {
    await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'mover' } } });
    const rv = (await api.call('GET', `${ns}/configmaps`)).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}${ns}/configmaps?watch=true&resourceVersion=${rv}&labelSelector=tier%3Dweb`, api.token, api.server.pki.caCert);
    await api.call('PATCH', `${ns}/configmaps/mover`, merge({ metadata: { labels: { tier: 'web' } } }));
    await api.call('PATCH', `${ns}/configmaps/mover`, merge({ data: { a: 'b' } }));
    await api.call('PATCH', `${ns}/configmaps/mover`, merge({ metadata: { labels: { tier: 'db' } } }));
    await api.call('POST', `${ns}/configmaps`, { body: { metadata: { name: 'other', labels: { tier: 'db' } } } });
    await until(() => w.events.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    await w.close();
    expect(w.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED mover', 'MODIFIED mover', 'DELETED mover']);
  });

  it('deletes a namespace like Kubernetes: Terminating, no new content, emptied, then gone', async () => {
    expect((await api.call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'doomed' } } })).status).toBe(201);
    for (const name of ['a', 'b']) await api.call('POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name } } });
    await api.call('POST', '/api/v1/namespaces/doomed/pods', { body: pod('p') });
    const del = await api.call('DELETE', '/api/v1/namespaces/doomed');
    expect(del.status).toBe(200);
    expect(del.body.status.phase).toBe('Terminating');
    expect(del.body.spec.finalizers).toEqual(['kubernetes']);
    const refused = await api.call('POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name: 'late' } } });
    expect([403, 404]).toContain(refused.status);
    await until(async () => (await api.call('GET', '/api/v1/namespaces/doomed')).status === 404, 15_000);
    expect((await api.call('GET', '/api/v1/namespaces/doomed/configmaps')).body.items).toEqual([]);
    expect((await api.call('GET', '/api/v1/namespaces/doomed/pods')).body.items).toEqual([]);
    // Re-created, it starts empty.
    expect((await api.call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'doomed' } } })).status).toBe(201);
    expect((await api.call('GET', '/api/v1/namespaces/doomed/configmaps')).body.items).toEqual([]);
  });

  it('gives each Node its own /24 of the pod range, refuses a taken or misaligned one, and frees it on delete', async () => {
    const node = (name: string, spec: Record<string, unknown> = {}) => api.call('POST', '/api/v1/nodes', { body: { metadata: { name }, spec } });
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => node(`n-${i}`)));
    const cidrs = created.map((r) => {
      expect(r.status).toBe(201);
      return r.body.spec.podCIDR as string;
    });
    expect(new Set(cidrs).size).toBe(20);
    for (const c of cidrs) expect(c).toMatch(/^127\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d{1,3}\.0\/24$/);
    expect(created[0].body.spec.podCIDRs).toEqual([cidrs[0]]);
    const taken = await node('n-taken', { podCIDR: cidrs[0] });
    expect(taken.status).toBe(422);
    expect(taken.body.details.causes[0].field).toBe('spec.podCIDR');
    expect((await node('n-odd', { podCIDR: '127.64.0.128/25' })).status).toBe(422);
    expect((await api.call('DELETE', '/api/v1/nodes/n-0')).status).toBe(200);
    const reuse = await node('n-reuse', { podCIDR: cidrs[0] });
    expect(reuse.status).toBe(201);
    // Kept across an update that leaves it out.
    const upd = await api.call('PUT', '/api/v1/nodes/n-reuse', { body: { metadata: { name: 'n-reuse', labels: { a: 'b' } }, spec: {} } });
    expect(upd.body.spec.podCIDR).toBe(cidrs[0]);
  });
});

