import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort, waitForPort } from '../support/ports';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/** Redis is only a notification path: the API keeps serving and watchers miss nothing while it is down. */
describe('Redis outage', () => {
  let api: TestApi;
  let redis: ChildProcess;
  let port: number;
  let dir: string;

  const startRedis = async () => {
    redis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    await waitForPort(port);
  };

  beforeAll(async () => {
    port = await freePort();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-redis-outage-'));
    await startRedis();
    api = await startTestApi({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await api?.stop();
    redis?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps writes and watches going through a Redis crash and restart, every revision once and in order', async () => {
    const cms = '/api/v1/namespaces/default/configmaps';
    const from = Number((await api.call('GET', cms)).body.metadata.resourceVersion);
    const w = await openWatch(`${api.url}${cms}?watch=true&resourceVersion=${from}`, api.token, api.server.pki.caCert);
    const write = async (n: number, tag: string) => {
      for (let i = 0; i < n; i++) {
        const res = await api.call('POST', cms, { body: { metadata: { name: `${tag}-${i}` } } });
        expect(res.status).toBe(201);
      }
    };
    await write(50, 'before');
    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    await write(50, 'during');
    // Delivered from Postgres while Redis is down.
    await until(() => w.events.length >= 100, 20_000);
    await startRedis();
    await write(50, 'after');
    await until(() => w.events.length >= 150, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    await w.close();
    expect(w.events.map((e) => Number(e.object.metadata.resourceVersion))).toEqual(Array.from({ length: 150 }, (_, i) => from + 1 + i));
  });
});
