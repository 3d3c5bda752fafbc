import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** The endpoints controller keeps a Service's Endpoints equal to its selected pods' addresses. */
describe('endpoints controller', () => {
  let api: TestApi;
  const ns = '/api/v1/namespaces/default';

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  // Acting as the pods' kubelet: an IP and a Ready condition.
  async function pod(name: string, ip: string, ready: boolean, labels = { app: 'web' }) {
    await api.call('POST', `${ns}/pods`, { body: { metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'web:1.0', ports: [{ name: 'http', containerPort: 8080 }] }] } } });
    await setReady(name, ip, ready);
  }
  async function setReady(name: string, ip: string, ready: boolean) {
    const r = await api.call('PATCH', `${ns}/pods/${name}/status`, {
      body: { status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } },
      contentType: 'application/merge-patch+json',
    });
    expect(r.status).toBe(200);
  }
  const endpoints = async () => (await api.call('GET', `${ns}/endpoints/web`)).body;
  const ips = (e: any, field: 'addresses' | 'notReadyAddresses') => (e?.subsets ?? []).flatMap((s: any) => (s[field] ?? []).map((a: any) => a.ip)).sort();

  it('lists ready and not-ready pods, follows readiness and deletion, and goes with its Service', async () => {
    await pod('w1', '127.9.0.1', true);
    await pod('w2', '127.9.0.2', false);
    await pod('other', '127.9.0.3', true, { app: 'db' });
    await api.call('POST', `${ns}/services`, { body: { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } } });
    await until(async () => ips(await endpoints(), 'addresses').join() === '127.9.0.1', 10_000);
    const e = await endpoints();
    expect(ips(e, 'notReadyAddresses')).toEqual(['127.9.0.2']);
    expect(e.subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(e.subsets[0].addresses[0].targetRef).toMatchObject({ kind: 'Pod', name: 'w1', namespace: 'default' });

    await setReady('w2', '127.9.0.2', true);
    await until(async () => ips(await endpoints(), 'addresses').join() === '127.9.0.1,127.9.0.2', 10_000);

    // A new pod whose labels match joins; relabelled, it leaves.
    await pod('w3', '127.9.0.4', true);
    await until(async () => ips(await endpoints(), 'addresses').length === 3, 10_000);
    await api.call('PATCH', `${ns}/pods/w3`, { body: { metadata: { labels: { app: 'gone' } } }, contentType: 'application/merge-patch+json' });
    await until(async () => ips(await endpoints(), 'addresses').length === 2, 10_000);

    // Being deleted (a grace period, so it is still there): out of the ready set at once.
    await api.call('PATCH', `${ns}/pods/w1`, { body: { metadata: { finalizers: ['test/hold'] } }, contentType: 'application/merge-patch+json' });
    await api.call('DELETE', `${ns}/pods/w1`);
    await until(async () => ips(await endpoints(), 'addresses').join() === '127.9.0.2', 10_000);
    expect((await api.kubectl(['get', 'endpoints', 'web', '--no-headers'])).stdout).toMatch(/^web\s+127\.9\.0\.2:8080\s/);

    await api.call('DELETE', `${ns}/services/web`);
    await until(async () => (await api.call('GET', `${ns}/endpoints/web`)).status === 404, 10_000);
    await api.call('PATCH', `${ns}/pods/w1`, { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
  });

  it('leaves the Endpoints of a Service without a selector to whoever writes them', async () => {
    await api.call('POST', `${ns}/services`, { body: { metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } } });
    await api.call('POST', `${ns}/endpoints`, { body: { metadata: { name: 'manual' }, subsets: [{ addresses: [{ ip: '127.9.9.9' }], ports: [{ port: 80 }] }] } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(ips(await (await api.call('GET', `${ns}/endpoints/manual`)).body, 'addresses')).toEqual(['127.9.9.9']);
  });
});
