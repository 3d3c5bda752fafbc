import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import YAML from 'yaml';

export interface ApiProcess {
  url: string;
  token: string;
  ca: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the API as its own process (as `npm start` does), on a fresh schema and Redis prefix. */
export async function startApiProcess(port: number, extraArgs: string[] = []): Promise<ApiProcess> {
  const root = path.resolve(__dirname, '../..');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-bench-'));
  const id = randomBytes(4).toString('hex');
  const child = spawn(process.execPath, [...extraArgs, path.join(root, 'scripts/run-ts.mjs'), path.join(root, 'apps/api/src/main.ts')], {
    env: {
      ...process.env,
      SKIFF_HOME: home,
      SKIFF_PORT: String(port),
      SKIFF_DB_SCHEMA: `bench_${id}`,
      SKIFF_REDIS_PREFIX: `skiff-bench:${id}:`,
      SKIFF_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: home,
  });
  const kubeconfig = path.join(home, 'kubeconfig');
  const end = Date.now() + 60_000;
  while (!fs.existsSync(kubeconfig)) {
    if (child.exitCode !== null || Date.now() > end) throw new Error('API process did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200));
  const cfg = YAML.parse(fs.readFileSync(kubeconfig, 'utf8'));
  return {
    url: cfg.clusters[0].cluster.server,
    token: cfg.users[0].user.token,
    ca: Buffer.from(cfg.clusters[0].cluster['certificate-authority-data'], 'base64').toString(),
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          fs.rmSync(home, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGINT');
      }),
  };
}
