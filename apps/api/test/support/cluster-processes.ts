import { execFile, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Agent, request } from 'undici';
import { kubeconfigYaml, readKubeconfig } from '../../src/auth/kubeconfig';
import { formatKeyList, generateKey } from '../../src/encryption/key-list';
import { ROOT } from './agent-process';
import { isolatedConfig } from './isolation';
import { freePort } from './ports';
import { KUBECTL, workerAddressRanges } from './test-server';
import { until } from './watch-client';

const RUN_TS = path.join(ROOT, 'scripts/run-ts.mjs');

/** Every cluster process still running: killed when the test process exits, however it exits (jest --forceExit too). */
const running = new Map<ChildProcess, NodeJS.Signals>();
process.on('exit', () => {
  for (const [child, signal] of running) child.kill(signal);
});

/** One OS process of the cluster, to kill for real (SIGKILL by default) and start again as it was. */
export class ClusterProcess {
  private child?: ChildProcess;
  private readonly log: string;

  constructor(
    readonly name: string,
    private readonly argv: string[],
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.log = path.join(logDir, `${name}.log`);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const out = fs.openSync(this.log, 'a');
    const child = spawn(process.execPath, [RUN_TS, ...this.argv], { env: { ...process.env, ...this.env }, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    // An agent is told to stop (it stops its pods' processes then); the rest are killed.
    running.set(child, this.argv[0].includes('apps/agent') ? 'SIGTERM' : 'SIGKILL');
    child.once('exit', () => running.delete(child));
    this.child = child;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  /** The last lines it wrote, for a failure message. */
  tail(lines = 30): string {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n') : '';
  }
}

export interface ClusterOptions {
  /** How many API processes (SKIFF_ROLES=api), each on a port of its own, sharing one SKIFF_HOME. */
  apis: number;
  /** Agents: a name and the skiff-agent arguments beyond server, token and CA. */
  agents: Array<{ name: string; args: string[] }>;
  /** Postgres and Redis to use (default: the test machine's, with a schema and prefix of this cluster's own). */
  databaseUrl?: string;
  redisUrl?: string;
  env?: Record<string, string>;
}

/**
 * Skiff as it runs across machines, on this one: API processes, the controllers and the
 * scheduler in processes of their own, and agents; all sharing one Postgres schema and Redis prefix.
 */
export class ProcessCluster {
  readonly apis: ClusterProcess[] = [];
  readonly agents: ClusterProcess[] = [];
  controllers!: ClusterProcess;
  scheduler!: ClusterProcess;
  token = '';
  caCert = '';
  joinToken = '';
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-cluster-'));
  readonly home = path.join(this.dir, 'home');
  private readonly ports: number[] = [];
  /** The controllers' and the scheduler's ports (health and metrics only). */
  readonly workerPorts: number[] = [];
  private dispatcher?: Agent;

  private constructor(private readonly opts: ClusterOptions) {}

  static async start(opts: ClusterOptions): Promise<ProcessCluster> {
    const c = new ProcessCluster(opts);
    try {
      await c.boot();
    } catch (e) {
      const tails = [...c.apis, c.controllers, c.scheduler, ...c.agents].filter(Boolean).map((p) => `--- ${p.name}\n${p.tail()}`);
      await c.stop();
      throw new Error(`${(e as Error).message}\n${tails.join('\n')}`);
    }
    return c;
  }

  url(i = 0): string {
    return `https://127.0.0.1:${this.ports[i]}`;
  }

  /** A kubeconfig naming API process `i`. */
  kubeconfig(i = 0): string {
    const file = path.join(this.dir, `kubeconfig-${i}`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, kubeconfigYaml({ server: this.url(i), caCert: this.caCert, token: this.token, user: 'admin' }), { mode: 0o600 });
    return file;
  }

  /** What every Skiff process of this cluster shares: the store, the keys, the address ranges. */
  private shared: Record<string, string> = {};

  private async boot(): Promise<void> {
    const iso = isolatedConfig();
    this.shared = {
      DATABASE_URL: this.opts.databaseUrl ?? iso.databaseUrl,
      REDIS_URL: this.opts.redisUrl ?? iso.redisUrl,
      SKIFF_DB_SCHEMA: iso.databaseSchema,
      SKIFF_REDIS_PREFIX: iso.redisPrefix,
      SKIFF_ENCRYPTION_KEYS: formatKeyList([generateKey()]),
      SKIFF_LOG_LEVEL: 'warn',
      SKIFF_ADMIN_PASSWORD: 'fault-injection-admin',
      ...workerAddressRanges(),
      ...this.opts.env,
    };
    const main = path.join(ROOT, 'apps/api/src/main.ts');
    for (let i = 0; i < this.opts.apis; i++) {
      this.ports.push(await freePort());
      const api = new ClusterProcess(`api-${i}`, [main], { ...this.shared, SKIFF_ROLES: 'api', SKIFF_HOME: this.home, SKIFF_PORT: String(this.ports[i]) }, this.dir);
      this.apis.push(api);
      // One at a time: the first makes the CA, the kubeconfig and the join token the others reuse.
      api.start();
      await this.waitReady(this.ports[i], api);
      if (i === 0) {
        await until(() => fs.existsSync(path.join(this.home, 'join-token')), 60_000);
        const k = readKubeconfig(fs.readFileSync(path.join(this.home, 'kubeconfig'), 'utf8'));
        this.token = k.token;
        this.caCert = k.caCert;
        this.joinToken = fs.readFileSync(path.join(this.home, 'join-token'), 'utf8').trim();
        this.dispatcher = new Agent({ connect: { ca: this.caCert }, connections: 32 });
      }
    }
    const worker = async (role: 'controllers' | 'scheduler') => {
      const port = await freePort();
      this.workerPorts.push(port);
      const p = new ClusterProcess(role, [main], { ...this.shared, SKIFF_ROLES: role, SKIFF_HOME: this.home, SKIFF_PORT: String(port) }, this.dir);
      p.start();
      await this.waitReady(port, p);
      return p;
    };
    [this.controllers, this.scheduler] = await Promise.all([worker('controllers'), worker('scheduler')]);
    for (const [i, a] of this.opts.agents.entries()) {
      const agent = new ClusterProcess(
        `agent-${a.name}`,
        [path.join(ROOT, 'apps/agent/src/main.ts'), `--server=${this.url(i % this.opts.apis)}`, `--token=${this.joinToken}`, `--ca-file=${path.join(this.home, 'pki/ca.crt')}`, `--name=${a.name}`, ...a.args],
        { SKIFF_HOME: path.join(this.dir, 'agents') },
        this.dir,
      );
      agent.start();
      this.agents.push(agent);
    }
  }

  /** Polls /readyz until it answers 200 (the process serves and reaches Postgres). */
  async waitReady(port: number, p: ClusterProcess, ms = 90_000): Promise<void> {
    const insecure = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      await until(async () => {
        try {
          const res = await request(`https://127.0.0.1:${port}/readyz`, { dispatcher: insecure });
          await res.body.text();
          return res.statusCode === 200;
        } catch {
          return false;
        }
      }, ms).catch(() => {
        throw new Error(`${p.name} was not ready within ${ms} ms:\n${p.tail()}`);
      });
    } finally {
      await insecure.close();
    }
  }

  /** Restarts API process `i` on its own port and waits until it is ready. */
  async restartApi(i: number): Promise<void> {
    this.apis[i].start();
    await this.waitReady(this.ports[i], this.apis[i]);
  }

  /** A request to API process `opts.api` (default 0), as the admin (or with `opts.token`). */
  call(method: string, p: string, opts: { body?: unknown; api?: number; contentType?: string; token?: string } = {}) {
    return this.callPort(this.ports[opts.api ?? 0], method, p, opts);
  }

  /** A request to whichever Skiff process listens on `port`. */
  async callPort(port: number, method: string, p: string, opts: { body?: unknown; contentType?: string; token?: string } = {}) {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${opts.token ?? this.token}` };
    if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const res = await request(`https://127.0.0.1:${port}${p}`, { method: method as 'GET', headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), dispatcher: this.dispatcher });
    const text = await res.body.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body, text };
  }

  kubectl(args: string[], opts: { api?: number; input?: string; timeoutMs?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(
        KUBECTL,
        args,
        { env: { ...process.env, KUBECONFIG: this.kubeconfig(opts.api ?? 0), HOME: this.dir }, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 32 * 1024 * 1024 },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      if (opts.input !== undefined) child.stdin!.end(opts.input);
    });
  }

  /** A long-running kubectl (`get -w`) through API process `api`: its output so far, and a way to stop it. */
  kubectlStream(args: string[], api = 0): { output(): string; stop(): void } {
    const child = spawn(KUBECTL, args, { env: { ...process.env, KUBECONFIG: this.kubeconfig(api), HOME: this.dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    return { output: () => out, stop: () => child.kill('SIGTERM') };
  }

  async stop(): Promise<void> {
    await Promise.all(this.agents.map((a) => a.kill('SIGTERM')));
    await Promise.all([...this.apis, this.controllers, this.scheduler].filter(Boolean).map((p) => p.kill('SIGTERM')));
    await this.dispatcher?.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
