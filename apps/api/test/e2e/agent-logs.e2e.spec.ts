import { spawn } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { ROOT, spawnAgent } from '../support/agent-process';
import { KUBECTL, startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** `kubectl logs` through the API's pods/log, served from the agent's log files. */
describe('container logs (kubectl logs)', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let stateDir: string;
  let imagesDir: string;
  const pods = '/api/v1/namespaces/default/pods';

  beforeAll(async () => {
    api = await startTestApi();
    stateDir = path.join(api.home, 'agent-state');
    imagesDir = path.join(api.home, 'images');
    fs.cpSync(path.join(ROOT, 'examples/images'), imagesDir, { recursive: true });
    agent = startAgent();
    await until(async () => (await api.call('GET', '/api/v1/nodes/log-node')).body?.status?.daemonEndpoints?.kubeletEndpoint?.Port > 0, 30_000);
  });
  afterAll(async () => {
    await api?.kubectl(['delete', 'pods', '--all', '--wait=true'], { timeoutMs: 30_000 });
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  function startAgent() {
    return spawnAgent(api, ['--name=log-node', '--runtime=process', `--images-dir=${imagesDir}`, `--state-dir=${stateDir}`, '--crash-backoff-seconds=0.5', '--kubelet-port=0', '--container-log-max-size=4Ki', '--container-log-max-files=2']);
  }

  async function runPod(name: string, containers: { name: string; command: string[]; image?: string }[]) {
    const body = { metadata: { name }, spec: { nodeName: 'log-node', terminationGracePeriodSeconds: 1, containers: containers.map((c) => ({ image: 'host', ...c })) } };
    expect((await api.call('POST', pods, { body })).status).toBe(201);
    await until(async () => (await api.call('GET', `${pods}/${name}`)).body.status?.phase === 'Running', 30_000);
  }

  const logs = (args: string[]) => api.kubectlOk(['logs', ...args]);

  it('shows stdout and stderr, the last lines with --tail, times with --timestamps, recent lines with --since', async () => {
    await runPod('counter', [{ name: 'c', command: ['sh', '-c', 'echo to-stderr >&2; sleep 0.3; i=0; while :; do echo "line $i"; i=$((i+1)); sleep 0.2; done'] }]);
    await until(async () => (await logs(['counter'])).includes('line 10'), 20_000);
    const all = (await logs(['counter'])).trimEnd().split('\n');
    expect(all[0]).toBe('to-stderr');
    expect(all.slice(1, 4)).toEqual(['line 0', 'line 1', 'line 2']);

    const tail = (await logs(['counter', '--tail=2'])).trimEnd().split('\n');
    expect(tail).toHaveLength(2);
    expect(Number(tail[1].split(' ')[1])).toBe(Number(tail[0].split(' ')[1]) + 1);

    const stamped = (await logs(['counter', '--tail=1', '--timestamps'])).trimEnd();
    const [time, ...text] = stamped.split(' ');
    expect(Math.abs(Date.parse(time) - Date.now())).toBeLessThan(5_000);
    expect(text.join(' ')).toMatch(/^line \d+$/);

    // Two seconds at five lines a second: about ten lines, never the whole history.
    const since = (await logs(['counter', '--since=2s'])).trimEnd().split('\n');
    expect(since.length).toBeGreaterThan(3);
    expect(since.length).toBeLessThan(all.length);
    expect(since[0]).not.toBe('to-stderr');

    const limited = await api.call('GET', `${pods}/counter/log?limitBytes=12`, { accept: '*/*' });
    expect(limited.text).toBe('to-stderr\nli');
  });

  it('follows with -f: new lines arrive as they are written', async () => {
    const child = spawn(KUBECTL, ['logs', '-f', 'counter', '--tail=1'], { env: { ...process.env, KUBECONFIG: api.kubeconfig, HOME: api.home } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    try {
      await until(async () => out.trimEnd().split('\n').length >= 5, 15_000);
      const numbers = out.trimEnd().split('\n').map((l) => Number(l.split(' ')[1]));
      // In order, none missing, none twice: the tail line, then each line as it came.
      numbers.forEach((n, i) => expect(n).toBe(numbers[0] + i));
    } finally {
      child.kill();
    }
  });

  it('picks a container with -c; without it, kubectl defaults to the first', async () => {
    await runPod('pair', [
      { name: 'first', command: ['sh', '-c', 'echo from first; exec sleep 100'] },
      { name: 'second', command: ['sh', '-c', 'echo from second; exec sleep 100'] },
    ]);
    await until(async () => (await logs(['pair', '-c', 'second'])) === 'from second\n', 15_000);
    const r = await api.kubectl(['logs', 'pair']);
    expect(r.stdout).toBe('from first\n');
    expect(r.stderr).toContain('Defaulted container "first"');
  });

  it('keeps the run before with --previous while the crashing image restarts', async () => {
    const body = { metadata: { name: 'crash' }, spec: { nodeName: 'log-node', terminationGracePeriodSeconds: 1, containers: [{ name: 'crasher', image: 'crasher:1.0', env: [{ name: 'CRASH_AFTER_MS', value: '300' }] }] } };
    expect((await api.call('POST', pods, { body })).status).toBe(201);
    await until(async () => ((await api.call('GET', `${pods}/crash`)).body.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 2, 30_000);
    const previous = await logs(['crash', '--previous']);
    expect(previous).toMatch(/^crasher started at \S+, exiting in 300 ms\ncrasher: giving up\n$/);
    // The current run (or, in back-off, the last one) is a different run from an earlier one.
    await until(async () => (await logs(['crash'])).startsWith('crasher started at'), 10_000);
    expect(previous).not.toBe('');
  });

  it('rotates a log that outgrows --container-log-max-size, keeping --container-log-max-files', async () => {
    await runPod('chatty', [{ name: 'c', command: ['sh', '-c', 'i=0; while [ $i -lt 400 ]; do echo "chatty line $i padded to make it longer"; i=$((i+1)); done; exec sleep 100'] }]);
    const uid = (await api.call('GET', `${pods}/chatty`)).body.metadata.uid;
    const dir = path.join(stateDir, 'pods', uid);
    await until(async () => (await logs(['chatty', '--tail=1'])) === 'chatty line 399 padded to make it longer\n', 15_000);
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('c.0.log'));
    expect(files.length).toBe(2);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(4096);
    // As on Kubernetes, only the current file is served.
    const lines = (await logs(['chatty'])).trimEnd().split('\n');
    expect(lines.length).toBeLessThan(400);
    expect(lines[lines.length - 1]).toBe('chatty line 399 padded to make it longer');
  });

  it('loses no output across an agent killed with SIGKILL: what was written meanwhile is read on restart', async () => {
    const before = (await logs(['counter', '--tail=1'])).trim();
    agent.kill('SIGKILL');
    await new Promise((r) => agent.once('exit', r));
    await new Promise((r) => setTimeout(r, 1500));
    agent = startAgent();
    const last = Number(before.split(' ')[1]);
    await until(async () => ![before, ''].includes((await logs(['counter', '--tail=1']).catch(() => '')).trim()), 30_000);
    const lines = (await logs(['counter'])).trimEnd().split('\n');
    const from = lines.indexOf(before);
    expect(from).toBeGreaterThan(0);
    // Every line written while no agent read them is there, in order.
    lines.slice(from).forEach((l, i) => expect(l).toBe(`line ${last + i}`));
    expect(lines.length - from).toBeGreaterThan(5);
  });

  it('answers bad requests with a Status naming the problem', async () => {
    const tail = await api.call('GET', `${pods}/counter/log?tailLines=-1`);
    expect(tail.status).toBe(422);
    expect(tail.body.details.causes[0].field).toBe('tailLines');
    const container = await api.call('GET', `${pods}/pair/log?container=nope`);
    expect(container.status).toBe(400);
    expect(container.body.message).toBe('container nope is not valid for pod pair');
    const which = await api.call('GET', `${pods}/pair/log`);
    expect(which.status).toBe(400);
    expect(which.body.message).toContain('choose one of: [first second]');
    expect((await api.call('GET', `${pods}/nosuch/log`)).status).toBe(404);
    await api.call('POST', pods, { body: { metadata: { name: 'unbound' }, spec: { containers: [{ name: 'c', image: 'host' }] } } });
    const unbound = await api.call('GET', `${pods}/unbound/log`);
    expect(unbound.status).toBe(400);
    expect(unbound.body.message).toBe('pod unbound does not have a host assigned');
    const previous = await api.call('GET', `${pods}/counter/log?previous=true`);
    expect(previous.status).toBe(400);
    expect(previous.body.message).toBe('previous terminated container "c" in pod "counter" not found');
  });

  it("serves the node's endpoint only to the API: another client certificate or none is refused", async () => {
    const node = (await api.call('GET', '/api/v1/nodes/log-node')).body;
    const host = node.status.addresses.find((a: { type: string }) => a.type === 'InternalIP').address;
    const port = node.status.daemonEndpoints.kubeletEndpoint.Port;
    const outcome = await new Promise<string>((resolve) => {
      https
        .get({ host, port, path: '/containerLogs/default/counter/c', rejectUnauthorized: false, agent: false }, (res) => resolve(`HTTP ${res.statusCode}`))
        .on('error', (e) => resolve(`refused: ${e.message}`));
    });
    expect(outcome).toMatch(/^refused/);
  });
});
