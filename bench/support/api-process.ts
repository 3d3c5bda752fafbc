import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import YAML from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');

export interface ApiProcess {
  url: string;
  token: string;
  ca: string;
  /** SKIFF_HOME of the process: kubeconfig, join-token and pki/ live here. */
  home: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  /** Node options put before the entry point (`--cpu-prof`, `--expose-gc`, `--require x`). */
  nodeArgs?: string[];
  /** Environment added to this process's own. */
  env?: Record<string, string>;
}

/** Starts the API as its own process (as `npm start` does), on a fresh schema and Redis prefix. */
export async function startApiProcess(port: number, opts: ApiProcessOptions = {}): Promise<ApiProcess> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-bench-'));
  const id = randomBytes(4).toString('hex');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/api/src/main.ts')], {
    env: {
      ...process.env,
      SKIFF_HOME: home,
      SKIFF_PORT: String(port),
      SKIFF_DB_SCHEMA: `bench_${id}`,
      SKIFF_REDIS_PREFIX: `skiff-bench:${id}:`,
      SKIFF_LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: home,
  });
  // However it ends (stopped, crashed, or stopped with the whole benchmark on Ctrl-C).
  child.once('exit', () => fs.rmSync(home, { recursive: true, force: true }));
  // The join token is the last thing a start writes (after the kubeconfig and the first admin).
  const end = Date.now() + 60_000;
  while (!fs.existsSync(path.join(home, 'join-token'))) {
    if (child.exitCode !== null || Date.now() > end) throw new Error('API process did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200));
  const cfg = YAML.parse(fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8'));
  return {
    url: cfg.clusters[0].cluster.server,
    token: cfg.users[0].user.token,
    ca: Buffer.from(cfg.clusters[0].cluster['certificate-authority-data'], 'base64').toString(),
    home,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** Starts a skiff-agent process joined to an API process with its join token. */
export function startAgentProcess(api: ApiProcess, args: string[]): ChildProcess {
  const joinToken = fs.readFileSync(path.join(api.home, 'join-token'), 'utf8').trim();
  return spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/agent/src/main.ts'), `--server=${api.url}`, `--token=${joinToken}`, `--ca-file=${path.join(api.home, 'pki/ca.crt')}`, ...args],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
