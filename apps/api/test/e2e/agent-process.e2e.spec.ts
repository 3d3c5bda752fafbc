import * as fs from 'fs';
import * as path from 'path';
import { request } from 'undici';
import { processAlive } from '../../../agent/src/runtime/process-handle';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';


/** The agent's process runtime: containers are real child processes on the pod's own IP. */
describe('skiff-agent, process runtime', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let stateDir: string;
  let imagesDir: string;
  beforeAll(async () => {
    api = await startTestApi();
    stateDir = path.join(api.home, 'agent-state');
    imagesDir = path.join(api.home, 'images');
    fs.cpSync(path.join(ROOT, 'examples/images'), imagesDir, { recursive: true });
    agent = startAgent();
    await until(async () => (await api.call('GET', '/api/v1/nodes/proc-node')).status === 200, 30_000);
  });

  function startAgent() {
    return spawnAgent(api, ['--name=proc-node', '--runtime=process', `--images-dir=${imagesDir}`, `--state-dir=${stateDir}`, '--crash-backoff-seconds=0.3']);
  }
  afterAll(async () => {
    // Let the agent stop what it runs (a stopped agent leaves its pods running, as a kubelet does).
    await api?.kubectl(['delete', 'pods', '--all', '--wait=true'], { timeoutMs: 30_000 });
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const pods = '/api/v1/namespaces/default/pods';
  const pod = (name: string, image: string) => ({ metadata: { name }, spec: { nodeName: 'proc-node', terminationGracePeriodSeconds: 5, containers: [{ name: 'web', image }] } });

  it('runs the example web image as a process answering on the pod IP', async () => {
    expect((await api.call('POST', pods, { body: pod('web-1', 'web:1.0') })).status).toBe(201);
    await until(async () => (await api.call('GET', `${pods}/web-1`)).body.status?.phase === 'Running', 30_000);
    const p = (await api.call('GET', `${pods}/web-1`)).body;
    expect(p.status.podIP).toMatch(/^127\.\d+\.\d+\.\d+$/);
    let body = '';
    await until(async () => {
      body = await request(`http://${p.status.podIP}:8080/`).then((r) => r.body.text(), () => '');
      return body !== '';
    }, 15_000);
    expect(body).toBe('web 1.0 from web-1\n');
    const wide = await api.kubectl(['get', 'pod', 'web-1', '-o', 'wide', '--no-headers']);
    expect(wide.stdout).toContain(p.status.podIP);
    expect(wide.stdout).toContain('proc-node');
    // The kubelet's events, as kubectl describe shows them.
    await until(async () => /Started/.test((await api.kubectl(['describe', 'pod', 'web-1'])).stdout), 10_000);
    const described = (await api.kubectl(['describe', 'pod', 'web-1'])).stdout;
    expect(described).toMatch(/Normal\s+Pulled\s+.*kubelet\s+Container image "web:1.0" already present on machine/);
    expect(described).toMatch(/Normal\s+Created\s+.*Created container web/);
    expect(described).toMatch(/Normal\s+Started\s+.*Started container web/);
  });

  it('shares an emptyDir and the pod IP between two containers: one writes (under the pod\'s own hostname), the other serves', async () => {
    const mount = `/skiff-test-${Date.now()}`;
    const body = {
      metadata: { name: 'two' },
      spec: {
        nodeName: 'proc-node',
        terminationGracePeriodSeconds: 1,
        volumes: [{ name: 'shared', emptyDir: {} }],
        containers: [
          { name: 'writer', image: 'host', command: ['sh', '-c', `echo "written by $(cat /proc/sys/kernel/hostname)" > ${mount}/index.html; exec sleep 100`], volumeMounts: [{ name: 'shared', mountPath: mount }] },
          { name: 'server', image: 'host', command: ['python3', '-m', 'http.server', '--bind', '$(POD_IP)', '--directory', mount, '8080'], volumeMounts: [{ name: 'shared', mountPath: mount, readOnly: true }] },
        ],
      },
    };
    expect((await api.call('POST', pods, { body })).status).toBe(201);
    await until(async () => (await api.call('GET', `${pods}/two`)).body.status?.phase === 'Running', 20_000);
    const ip = (await api.call('GET', `${pods}/two`)).body.status.podIP;
    let page = '';
    await until(async () => {
      page = await request(`http://${ip}:8080/index.html`).then((r) => (r.statusCode === 200 ? r.body.text() : ''), () => '');
      return page !== '';
    }, 20_000);
    expect(page).toBe('written by two\n');
    // The mount is the pod's own: on the host the path is an empty directory.
    expect(fs.readdirSync(mount)).toEqual([]);
    await api.call('DELETE', `${pods}/two`);
    fs.rmSync(mount, { recursive: true, force: true });
  });

  it('mounts ConfigMap and Secret volumes read-only as files', async () => {
    await api.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'app-conf' }, data: { 'app.conf': 'mode=fast', unused: 'x' } } });
    await api.call('POST', '/api/v1/namespaces/default/secrets', { body: { metadata: { name: 'app-key' }, stringData: { key: 'KEY' } } });
    const mount = `/skiff-test-cfg-${Date.now()}`;
    const out = path.join(api.home, 'cfg-out');
    const body = {
      metadata: { name: 'cfg-vol' },
      spec: {
        nodeName: 'proc-node',
        terminationGracePeriodSeconds: 1,
        volumes: [
          { name: 'conf', configMap: { name: 'app-conf', items: [{ key: 'app.conf', path: 'etc/app.conf' }] } },
          { name: 'key', secret: { secretName: 'app-key' } },
        ],
        containers: [
          {
            name: 'c',
            image: 'host',
            command: ['sh', '-c', `{ cat ${mount}/conf/etc/app.conf; echo; cat ${mount}/key/key; echo; ls ${mount}/conf; touch ${mount}/conf/x 2>/dev/null && echo writable || echo read-only; } > ${out}; exec sleep 100`],
            volumeMounts: [
              { name: 'conf', mountPath: `${mount}/conf` },
              { name: 'key', mountPath: `${mount}/key` },
            ],
          },
        ],
      },
    };
    await api.call('POST', pods, { body });
    await until(() => fs.existsSync(out) && fs.readFileSync(out, 'utf8').includes('read'), 20_000);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toEqual(['mode=fast', 'KEY', 'etc', 'read-only']);
    await api.call('DELETE', `${pods}/cfg-vol`);
    fs.rmSync(mount, { recursive: true, force: true });
  });

  it('runs readiness and liveness probes: ready only when the probe passes, restarted when liveness fails', async () => {
    const probed = (name: string, container: Record<string, unknown>) => ({
      metadata: { name },
      spec: { nodeName: 'proc-node', terminationGracePeriodSeconds: 1, containers: [{ name: 'web', image: 'web:1.0', ports: [{ name: 'http', containerPort: 8080 }], ...container }] },
    });
    await api.call('POST', pods, { body: probed('ready-ok', { readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1 } }) });
    await api.call('POST', pods, { body: probed('ready-never', { readinessProbe: { httpGet: { path: '/healthz', port: 9999 }, periodSeconds: 1, failureThreshold: 1 } }) });
    await api.call('POST', pods, { body: probed('not-alive', { livenessProbe: { exec: { command: ['false'] }, periodSeconds: 1, failureThreshold: 2 } }) });
    const status = async (n: string) => (await api.call('GET', `${pods}/${n}`)).body.status;
    await until(async () => (await status('ready-ok'))?.conditions?.find((c: any) => c.type === 'Ready')?.status === 'True', 20_000);
    await until(async () => ((await status('not-alive'))?.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 30_000);
    const never = await status('ready-never');
    expect(never.phase).toBe('Running');
    expect(never.containerStatuses[0].ready).toBe(false);
    expect(never.conditions.find((c: any) => c.type === 'Ready').status).toBe('False');
    expect((await api.kubectl(['get', 'pod', 'ready-never', '--no-headers'])).stdout).toMatch(/ready-never\s+0\/1\s+Running/);
    for (const n of ['ready-ok', 'ready-never', 'not-alive']) await api.call('DELETE', `${pods}/${n}`);
  });

  it('builds container env from ConfigMaps, Secrets and the downward API; a missing one is CreateContainerConfigError until it appears', async () => {
    await api.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'cfg' }, data: { MODE: 'fast' } } });
    await api.call('POST', '/api/v1/namespaces/default/secrets', { body: { metadata: { name: 'creds' }, stringData: { password: 's3cret' } } });
    const out = path.join(api.home, 'env-out');
    const body = {
      metadata: { name: 'env-pod' },
      spec: {
        nodeName: 'proc-node',
        terminationGracePeriodSeconds: 1,
        containers: [
          {
            name: 'c',
            image: 'host',
            command: ['sh', '-c', `echo "$CFG_MODE/$PASSWORD/$ME/$MY_IP=$POD_IP" > ${out}; exec sleep 100`],
            envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
            env: [
              { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
              { name: 'ME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            ],
          },
        ],
      },
    };
    await api.call('POST', pods, { body });
    await until(() => fs.existsSync(out) && fs.readFileSync(out, 'utf8').includes('\n'), 20_000);
    const [line] = fs.readFileSync(out, 'utf8').trim().split('\n');
    const [left, ip] = line.split('=');
    expect(left).toBe(`fast/s3cret/env-pod/${ip}`);
    expect(ip).toMatch(/^127\./);
    await api.call('POST', pods, { body: { metadata: { name: 'env-missing' }, spec: { nodeName: 'proc-node', containers: [{ name: 'c', image: 'host', command: ['sleep', '100'], envFrom: [{ configMapRef: { name: 'nope' } }] }] } } });
    await until(async () => (await api.call('GET', `${pods}/env-missing`)).body.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerConfigError', 20_000);
    const st = (await api.call('GET', `${pods}/env-missing`)).body.status.containerStatuses[0].state.waiting;
    expect(st.message).toBe('configmap "nope" not found');
    await api.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'nope' }, data: { NOW: 'here' } } });
    await until(async () => (await api.call('GET', `${pods}/env-missing`)).body.status?.containerStatuses?.[0]?.state?.running !== undefined, 30_000);
    for (const n of ['env-pod', 'env-missing']) await api.call('DELETE', `${pods}/${n}`);
  });

  it('reports ErrImagePull, then ImagePullBackOff, for an image the node does not have, and starts it once it has it', async () => {
    await api.call('POST', pods, { body: pod('nope', 'missing:9.9') });
    await until(async () => (await api.call('GET', `${pods}/nope`)).body.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ErrImagePull', 30_000);
    const table = await api.kubectl(['get', 'pod', 'nope', '--no-headers']);
    expect(table.stdout).toMatch(/nope\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    await until(async () => (await api.call('GET', `${pods}/nope`)).body.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff', 30_000);
    // Once the image is in the node's store, the next look finds it.
    const dir = path.join(imagesDir, 'missing', '9.9');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'image.json'), JSON.stringify({ entrypoint: ['sleep'], cmd: ['100'] }));
    await until(async () => (await api.call('GET', `${pods}/nope`)).body.status?.phase === 'Running', 30_000);
    fs.rmSync(path.join(imagesDir, 'missing'), { recursive: true, force: true });
  });

  it('restarts a crashing container with growing back-off, showing CrashLoopBackOff and the last run', async () => {
    const crasher = { metadata: { name: 'crashy' }, spec: { nodeName: 'proc-node', containers: [{ name: 'c', image: 'crasher:1.0', env: [{ name: 'CRASH_AFTER_MS', value: '200' }] }] } };
    expect((await api.call('POST', pods, { body: crasher })).status).toBe(201);
    const restartsAt: number[] = [];
    let sawBackOff = false;
    let last: any;
    await until(async () => {
      last = (await api.call('GET', `${pods}/crashy`)).body.status?.containerStatuses?.[0];
      if (last?.state?.waiting?.reason === 'CrashLoopBackOff') sawBackOff = true;
      if (last && last.restartCount > restartsAt.length) restartsAt.push(Date.now());
      return restartsAt.length >= 4;
    }, 30_000);
    expect(sawBackOff).toBe(true);
    const events = (await api.call('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dcrashy,reason%3DBackOff')).body.items;
    expect(events[0].message).toBe('Back-off restarting failed container c in pod crashy');
    expect(events[0].count).toBeGreaterThanOrEqual(2);
    expect(last.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]);
    // 0.3 s, 0.6 s, 1.2 s of back-off (plus 0.2 s of running each time).
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(gaps[2]).toBeGreaterThan(gaps[1]);
    const table = await api.kubectl(['get', 'pod', 'crashy', '--no-headers']);
    expect(table.stdout).toMatch(/crashy\s+[01]\/1\s+(CrashLoopBackOff|Error|Running)\s+[4-9] \(\d+s ago\)/);
  });

  it('stops the process with SIGTERM on delete, and the pod goes only once it has', async () => {
    const p = (await api.call('GET', `${pods}/web-1`)).body;
    const del = await api.kubectl(['delete', 'pod', 'web-1'], { timeoutMs: 30_000 });
    expect(del.stdout).toContain('pod "web-1" deleted');
    expect((await api.call('GET', `${pods}/web-1`)).status).toBe(404);
    const log = fs.readFileSync(path.join(stateDir, 'pods', p.metadata.uid, 'web.0.log'), 'utf8');
    expect(log).toContain('SIGTERM: closing');
    const gone = await request(`http://${p.status.podIP}:8080/`).then(() => false, () => true);
    expect(gone).toBe(true);
  });

  it('terminates gracefully: preStop first, then SIGTERM, and SIGKILL only after the grace period', async () => {
    const dir = fs.mkdtempSync(path.join(api.home, 'term-'));
    const mark = path.join(dir, 'prestop-ran');
    const out = path.join(dir, 'out');
    const loop = 'while true; do sleep 0.1; done';
    const body = {
      metadata: { name: 'graceful' },
      spec: {
        nodeName: 'proc-node',
        terminationGracePeriodSeconds: 2,
        containers: [
          {
            name: 'polite',
            image: 'host',
            command: ['sh', '-c', `trap 'if [ -f ${mark} ]; then echo after-prestop; else echo before-prestop; fi >> ${out}; exit 0' TERM; ${loop}`],
            lifecycle: { preStop: { exec: { command: ['sh', '-c', `sleep 0.3; touch ${mark}`] } } },
          },
          { name: 'stubborn', image: 'host', command: ['sh', '-c', `trap '' TERM; ${loop}`] },
        ],
      },
    };
    expect((await api.call('POST', pods, { body })).status).toBe(201);
    await until(async () => (await api.call('GET', `${pods}/graceful`)).body.status?.phase === 'Running', 20_000);
    const started = Date.now();
    const del = await api.kubectl(['delete', 'pod', 'graceful'], { timeoutMs: 30_000 });
    const took = Date.now() - started;
    expect(del.stdout).toContain('pod "graceful" deleted');
    expect(fs.readFileSync(out, 'utf8').trim()).toBe('after-prestop');
    // The stubborn container ignored SIGTERM: it went only with SIGKILL at the end of the grace period.
    expect(took).toBeGreaterThanOrEqual(1800);
    expect(took).toBeLessThan(10_000);
  });

  it('adopts its processes after being killed with SIGKILL, and stops those of pods deleted meanwhile', async () => {
    for (const [name, image] of [['survivor', 'web:1.0'], ['leftover', 'web:2.0']]) {
      await api.call('POST', pods, { body: pod(name, image) });
    }
    await until(async () => (await api.call('GET', pods)).body.items.filter((p: any) => ['survivor', 'leftover'].includes(p.metadata.name) && p.status?.phase === 'Running').length === 2, 30_000);
    const byName = async (n: string) => (await api.call('GET', `${pods}/${n}`)).body;
    const pidOf = (uid: string) => JSON.parse(fs.readFileSync(path.join(stateDir, 'pods', uid, 'state.json'), 'utf8')).containers.web.pid as number;
    const survivor = await byName('survivor');
    const leftover = await byName('leftover');
    const survivorPid = pidOf(survivor.metadata.uid);
    const leftoverPid = pidOf(leftover.metadata.uid);

    agent.kill('SIGKILL');
    await new Promise((r) => agent.once('exit', r));
    // While the agent is away, one pod is force-deleted from the API.
    expect((await api.call('DELETE', `${pods}/leftover?gracePeriodSeconds=0`)).status).toBe(200);
    expect(processAlive(leftoverPid)).toBe(true);
    agent = startAgent();

    await until(() => !processAlive(leftoverPid), 20_000);
    // The survivor's process was adopted, not started again: same pid, still answering, no restart counted.
    await new Promise((r) => setTimeout(r, 1500));
    expect(pidOf(survivor.metadata.uid)).toBe(survivorPid);
    expect(processAlive(survivorPid)).toBe(true);
    expect(await request(`http://${survivor.status.podIP}:8080/`).then((r) => r.body.text())).toBe('web 1.0 from survivor\n');
    const after = await byName('survivor');
    expect(after.status.podIP).toBe(survivor.status.podIP);
    expect(after.status.containerStatuses[0]).toMatchObject({ restartCount: 0, ready: true });
  });
});
