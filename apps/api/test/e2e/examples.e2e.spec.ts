import * as fs from 'fs';
import * as path from 'path';
import { request } from 'undici';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** What `examples/` promises: its manifests are accepted, its images behave as they say. */
describe('examples', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const pods = '/api/v1/namespaces/default/pods';

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=ex-node', '--runtime=process', `--images-dir=${path.join(ROOT, 'examples/images')}`, `--state-dir=${path.join(api.home, 'agent')}`]);
    await until(async () => (await api.call('GET', '/api/v1/nodes/ex-node')).status === 200, 30_000);
  });
  afterAll(async () => {
    await api?.kubectl(['delete', 'pods', '--all', '--wait=true'], { timeoutMs: 30_000 });
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const get = (url: string) => request(url).then((r) => r.body.text(), () => '');
  const status = async (name: string) => (await api.call('GET', `${pods}/${name}`)).body.status;

  it('every manifest in examples/ passes server-side validation', async () => {
    const r = await api.kubectl(['apply', '--dry-run=server', '-f', path.join(ROOT, 'examples')]);
    expect(r.stderr).toBe('');
    for (const what of ['deployment.apps/web', 'service/web', 'deployment.apps/slow', 'pod/crasher', 'statefulset.apps/counter', 'service/counter', 'deployhook.skiff.io/web']) {
      expect(r.stdout).toContain(`${what} created (server dry run)`);
    }
  });

  it('slow:1.0 answers at once but is ready only after READY_AFTER_MS', async () => {
    const body = {
      metadata: { name: 'slow' },
      spec: {
        nodeName: 'ex-node',
        terminationGracePeriodSeconds: 1,
        containers: [{ name: 'slow', image: 'slow:1.0', env: [{ name: 'READY_AFTER_MS', value: '3000' }], readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 1 } }],
      },
    };
    expect((await api.call('POST', pods, { body })).status).toBe(201);
    await until(async () => (await status('slow'))?.podIP && (await get(`http://${(await status('slow')).podIP}:8080/`)) !== '', 20_000);
    const running = await status('slow');
    expect(await get(`http://${running.podIP}:8080/`)).toBe('slow 1.0 from slow, not ready yet\n');
    expect(running.containerStatuses[0].ready).toBe(false);
    await until(async () => (await status('slow')).containerStatuses[0].ready === true, 20_000);
    const ready = await status('slow');
    const took = Date.parse(ready.conditions.find((c: { type: string }) => c.type === 'Ready').lastTransitionTime) - Date.parse(ready.containerStatuses[0].state.running.startedAt);
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(await get(`http://${ready.podIP}:8080/`)).toBe('slow 1.0 from slow, ready\n');
  });

  it('counter:1.0 counts starts and requests in its volume', async () => {
    const body = {
      metadata: { name: 'counter' },
      spec: { nodeName: 'ex-node', terminationGracePeriodSeconds: 1, volumes: [{ name: 'data', emptyDir: {} }], containers: [{ name: 'counter', image: 'counter:1.0', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
    };
    expect((await api.call('POST', pods, { body })).status).toBe(201);
    let first = '';
    await until(async () => {
      const ip = (await status('counter'))?.podIP;
      first = ip ? await get(`http://${ip}:8080/`) : '';
      return first !== '';
    }, 20_000);
    // Start 1, then this request.
    expect(first).toBe('count 2 from counter\n');
    expect(await get(`http://${(await status('counter')).podIP}:8080/`)).toBe('count 3 from counter\n');
    const uid = (await api.call('GET', `${pods}/counter`)).body.metadata.uid;
    expect(fs.readFileSync(path.join(api.home, 'agent', 'pods', uid, 'volumes', 'data', 'count'), 'utf8')).toBe('3');
  });
});
