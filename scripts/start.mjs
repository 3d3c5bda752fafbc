#!/usr/bin/env node
// `npm start`: Skiff on embedded defaults, in the foreground. Ctrl-C stops all it started.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function log(msg) {
  process.stderr.write(`skiff: ${msg}\n`);
}

// 1. Dependencies, when missing or older than the lock file.
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  log('installing dependencies (npm ci)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { startEmbeddedPostgres, startRedis } = await import('./lib/services.mjs');
const { ensureDashboardBuilt } = await import('./lib/dashboard.mjs');

// The dashboard's pages, served by the API at /ui (built when its sources changed).
if (!ensureDashboardBuilt()) log('the dashboard is not available: the API runs without it');

const home = path.resolve(process.env.SKIFF_HOME || '.skiff');
fs.mkdirSync(home, { recursive: true });
const stops = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const env = { ...process.env, SKIFF_HOME: home };
  // 2. Postgres and Redis of our own, on ports of our own (never 5432/6379).
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dir: path.join(home, 'postgres', 'data'), port: Number(env.SKIFF_PG_PORT || 15432) });
    stops.push(pg.stop);
    env.DATABASE_URL = pg.url;
    log(`embedded Postgres on ${pg.url.replace(/\/\/[^@]*@/, '//')}`);
  }
  if (!env.REDIS_URL) {
    const redis = await startRedis({ port: Number(env.SKIFF_REDIS_PORT || 16379), dir: path.join(home, 'redis') });
    stops.push(redis.stop);
    env.REDIS_URL = redis.url;
    log(`local redis-server on ${redis.url}`);
  }

  /** Runs a TypeScript entry point as a child that stops with us (and stops us if it dies). */
  const run = (name, args) => {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', ...args], { env, stdio: 'inherit' });
    stops.push(
      () =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    );
    child.on('exit', (code) => {
      if (!stopping) {
        log(`${name} exited with code ${code}`);
        void stopAll(code ?? 1);
      }
    });
  };

  // 3. The API (it runs the migrations, makes the CA and writes the kubeconfig and join token).
  run('API', ['apps/api/src/main.ts']);

  const kubeconfig = path.join(home, 'kubeconfig');
  const startedAt = Date.now();
  while (!stopping) {
    if (fs.existsSync(kubeconfig) && fs.statSync(kubeconfig).mtimeMs >= startedAt - 1000) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // 4. The local node: an agent with the process runtime, named after this host.
  const joinToken = path.join(home, 'join-token');
  while (!stopping && !fs.existsSync(joinToken)) await new Promise((r) => setTimeout(r, 100));
  if (!stopping) {
    run('agent', [
      'apps/agent/src/main.ts',
      `--server=https://127.0.0.1:${env.SKIFF_PORT || 6443}`,
      `--token=${fs.readFileSync(joinToken, 'utf8').trim()}`,
      `--ca-file=${path.join(home, 'pki', 'ca.crt')}`,
      '--runtime=process',
      `--images-dir=${path.join(root, 'examples', 'images')}`,
      `--state-dir=${path.join(home, 'agent')}`,
      '--stop-pods-on-exit',
    ]);
  }
  if (!stopping) {
    const rel = path.relative(process.cwd(), kubeconfig) || kubeconfig;
    process.stdout.write(
      `\nSkiff is running on https://127.0.0.1:${env.SKIFF_PORT || 6443}\n` +
        `  dashboard: https://127.0.0.1:${env.SKIFF_PORT || 6443}/ui/ (user admin; the password was printed at first start)\n` +
        `  export KUBECONFIG=${rel.startsWith('..') || path.isAbsolute(rel) ? kubeconfig : '$PWD/' + rel}\n` +
        `  kubectl get namespaces\n` +
        `Press Ctrl-C to stop.\n\n`,
    );
  }
} catch (e) {
  log(e instanceof Error ? e.message : String(e));
  await stopAll(1);
}
