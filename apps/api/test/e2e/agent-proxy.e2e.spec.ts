import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** One HTTP request on a connection of its own (no keep-alive pool), so round-robin shows. */
function get(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: '/', agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** The pods that answered `n` requests in a row ("web 1.0 from web-2" → web-2). */
async function podsReached(host: string, port: number, n: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < n; i++) seen.push(/from (\S+)/.exec(await get(host, port))?.[1] ?? '?');
  return seen;
}

/** A raw TCP connection made now, on which one HTTP request is sent later; `request()` gives the whole answer. */
async function openConnection(host: string, port: number): Promise<{ request(): Promise<string> }> {
  const socket = net.connect({ host, port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let answer = '';
  socket.setEncoding('utf8').on('data', (d) => (answer += d));
  const ended = new Promise<void>((resolve, reject) => socket.once('end', resolve).once('error', reject));
  ended.catch(() => undefined); // awaited in request()
  // The proxy has accepted it and picked its backend well within this; only then may the test change things.
  await new Promise((r) => setTimeout(r, 200));
  return {
    async request() {
      socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      await ended;
      socket.destroy();
      return answer;
    },
  };
}

const distinct = (names: string[]) => [...new Set(names)].sort();

/** The Service proxy of a process-runtime agent: ClusterIP and NodePort, round-robin over ready endpoints. */
describe('skiff-agent, Service proxy', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const podIPs: Record<string, string> = {};
  let clusterIP: string;
  let nodeIP: string;
  let nodePort: number;

  const ns = '/api/v1/namespaces/default';
  const names = ['web-1', 'web-2', 'web-3'];
  const address = (name: string) => ({ ip: podIPs[name], nodeName: 'proxy-node', targetRef: { kind: 'Pod', namespace: 'default', name } });
  const setEndpoints = async (ready: string[], notReady: string[] = []) => {
    const res = await api.call('PATCH', `${ns}/endpoints/web`, {
      body: { subsets: [{ addresses: ready.map(address), notReadyAddresses: notReady.map(address), ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }] },
      contentType: 'application/merge-patch+json',
    });
    expect(res.status).toBe(200);
  };
  /** Polls until the proxy sends new connections only to `expected` (it has seen the last Endpoints change). */
  const reachesOnly = (host: string, port: number, expected: string[]) =>
    until(async () => {
      const seen = await podsReached(host, port, 2 * expected.length).catch(() => ['?']);
      return seen.every((n) => expected.includes(n));
    }, 20_000);

  beforeAll(async () => {
    api = await startTestApi();
    const imagesDir = path.join(api.home, 'images');
    fs.cpSync(path.join(ROOT, 'examples/images'), imagesDir, { recursive: true });
    agent = spawnAgent(api, ['--name=proxy-node', '--runtime=process', `--images-dir=${imagesDir}`, `--state-dir=${path.join(api.home, 'agent-state')}`]);
    await until(async () => (await api.call('GET', '/api/v1/nodes/proxy-node')).body?.status?.addresses !== undefined, 30_000);
    nodeIP = (await api.call('GET', '/api/v1/nodes/proxy-node')).body.status.addresses.find((a: any) => a.type === 'InternalIP').address;

    for (const name of names) {
      const pod = { metadata: { name, labels: { app: 'web' } }, spec: { nodeName: 'proxy-node', terminationGracePeriodSeconds: 2, containers: [{ name: 'web', image: 'web:1.0' }] } };
      expect((await api.call('POST', `${ns}/pods`, { body: pod })).status).toBe(201);
    }
    for (const name of names) {
      await until(async () => {
        const p = (await api.call('GET', `${ns}/pods/${name}`)).body;
        if (p.status?.phase === 'Running' && p.status.podIP) podIPs[name] = p.status.podIP;
        return podIPs[name] !== undefined;
      }, 30_000);
      await until(() => get(podIPs[name], 8080).then((b) => b === `web 1.0 from ${name}\n`, () => false), 15_000);
    }

    // No selector: the Endpoints are written by hand (as for a Service in front of something outside the cluster).
    const service = { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } };
    const created = await api.call('POST', `${ns}/services`, { body: service });
    expect(created.status).toBe(201);
    clusterIP = created.body.spec.clusterIP;
    nodePort = created.body.spec.ports[0].nodePort;
    expect(clusterIP).toMatch(/^127\./);
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    const endpoints = { metadata: { name: 'web' }, subsets: [{ addresses: names.map(address), ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }] };
    expect((await api.call('POST', `${ns}/endpoints`, { body: endpoints })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    // Let the agent stop what it runs (a stopped agent leaves its pods running, as a kubelet does).
    await api?.kubectl(['delete', 'pods', '--all', '--wait=true'], { timeoutMs: 30_000 });
    if (agent && agent.exitCode === null) {
      agent.kill('SIGTERM');
      await new Promise((r) => agent.once('exit', r));
    }
    await api?.stop();
  });

  it('balances connections to the ClusterIP and to the NodePort over all three ready endpoints', async () => {
    await until(() => get(clusterIP, 80).then(() => true, () => false), 20_000);
    await until(() => get(nodeIP, nodePort).then(() => true, () => false), 20_000);
    expect(distinct(await podsReached(clusterIP, 80, 30))).toEqual(names);
    expect(distinct(await podsReached(nodeIP, nodePort, 30))).toEqual(names);
  });

  it('stops sending new connections to an endpoint marked not ready', async () => {
    await setEndpoints(['web-1', 'web-2'], ['web-3']);
    await reachesOnly(clusterIP, 80, ['web-1', 'web-2']);
    await reachesOnly(nodeIP, nodePort, ['web-1', 'web-2']);
    expect(distinct(await podsReached(clusterIP, 80, 30))).toEqual(['web-1', 'web-2']);
    expect(distinct(await podsReached(nodeIP, nodePort, 30))).toEqual(['web-1', 'web-2']);
  });

  it('lets a connection made before its endpoint went away finish, while new ones go elsewhere', async () => {
    await setEndpoints(['web-1']);
    await reachesOnly(clusterIP, 80, ['web-1']);
    // This connection is proxied to web-1, the only ready endpoint now.
    const open = await openConnection(clusterIP, 80);
    await setEndpoints(['web-2'], ['web-1']);
    await reachesOnly(clusterIP, 80, ['web-2']);
    const answer = await open.request();
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer.endsWith('\r\n\r\nweb 1.0 from web-1\n')).toBe(true);
  });

  it('passes a connection on to the next backend when one refuses it', async () => {
    // Nothing listens on the node's own address at 8080: that endpoint refuses every connection.
    podIPs.gone = nodeIP;
    await setEndpoints(['web-1', 'gone', 'web-2']);
    await until(async () => (await podsReached(clusterIP, 80, 3).catch((): string[] => [])).includes('web-1'), 20_000);
    const seen = await podsReached(clusterIP, 80, 30);
    expect(distinct(seen)).toEqual(['web-1', 'web-2']);
  });

  it('rejects connections while no endpoint is ready, and takes them again once one is', async () => {
    await setEndpoints([], names);
    await until(() => get(clusterIP, 80).then(() => false, () => true), 20_000);
    const failure = await get(clusterIP, 80).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
    expect(failure).toBe('ECONNRESET');
    await setEndpoints(['web-3']);
    await reachesOnly(clusterIP, 80, ['web-3']);
  });

  it('takes over a ClusterIP:port held elsewhere on this host (another agent) once it is let go', async () => {
    // An address of this cluster's service range that is not allocated yet.
    const ip = clusterIP.replace(/\.\d+\.\d+$/, '.250.250');
    const held = new Set<net.Socket>();
    const squatter = net.createServer((s) => held.add(s.end('HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nsquatter\n')));
    await new Promise<void>((resolve) => squatter.listen(81, ip, resolve));
    const service = { metadata: { name: 'held' }, spec: { clusterIP: ip, ports: [{ name: 'http', port: 81, targetPort: 8080 }] } };
    expect((await api.call('POST', `${ns}/services`, { body: service })).status).toBe(201);
    const endpoints = { metadata: { name: 'held' }, subsets: [{ addresses: [address('web-1')], ports: [{ name: 'http', port: 8080 }] }] };
    expect((await api.call('POST', `${ns}/endpoints`, { body: endpoints })).status).toBe(201);
    await until(() => agent.output().includes(`cannot listen on ${ip}:81`), 20_000);
    expect(await get(ip, 81)).toBe('squatter\n');
    // The address is free once close() returns; its callback would wait for the connections.
    squatter.close();
    for (const s of held) s.destroy();
    await until(() => get(ip, 81).then((b) => b === 'web 1.0 from web-1\n', () => false), 20_000);
    expect(agent.output().match(new RegExp(`cannot listen on ${ip.replace(/\./g, '\\.')}:81`, 'g'))).toHaveLength(1);
    expect((await api.call('DELETE', `${ns}/services/held`)).status).toBe(200);
  });

  it('stops listening when the Service is deleted, and lets the connections it had finish', async () => {
    const open = await openConnection(nodeIP, nodePort);
    expect((await api.call('DELETE', `${ns}/services/web`)).status).toBe(200);
    const refused = (host: string, port: number) => get(host, port).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
    await until(() => refused(clusterIP, 80), 20_000);
    await until(() => refused(nodeIP, nodePort), 20_000);
    expect(await open.request()).toMatch(/\r\n\r\nweb 1\.0 from web-3\n$/);
  });
});
