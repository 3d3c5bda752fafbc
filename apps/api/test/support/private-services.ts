import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { waitForPort } from './ports';

const isRoot = () => process.getuid?.() === 0;

/** What is still running when the test process exits (jest --forceExit too) is stopped then. */
const leftovers = new Set<() => void>();
process.on('exit', () => {
  for (const stop of leftovers) stop();
});

/** Debian's Postgres binaries (the machine's own Postgres is Debian's). */
function postgresBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const p = path.join(base, v, 'bin', tool);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`no Postgres ${tool} under ${base}`);
}

/**
 * A Postgres server of a test's own (its data in `dir`), so the test can crash it and start it
 * again without disturbing other suites. Runs as the `postgres` user when the test runs as root.
 */
export class PrivatePostgres {
  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://skiff@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]): void {
    const argv = [postgresBin(tool), ...args];
    if (isRoot()) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')], { stdio: 'pipe' });
    else execFileSync(argv[0], argv.slice(1), { stdio: 'pipe' });
  }

  async start(): Promise<void> {
    const data = path.join(this.dir, 'data');
    if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
      fs.mkdirSync(this.dir, { recursive: true });
      if (isRoot()) {
        execFileSync('chown', ['postgres:postgres', this.dir]);
        // The postgres user must be able to pass through the (private, temporary) folders above.
        for (let d = path.dirname(this.dir); d !== path.dirname(d) && d !== os.tmpdir(); d = path.dirname(d)) fs.chmodSync(d, fs.statSync(d).mode | 0o711);
      }
      this.run('initdb', ['-D', data, '-U', 'skiff', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    }
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 -c fsync=off`;
    this.run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
    leftovers.add(this.stopAtExit);
    await waitForPort(this.port);
  }

  /** As a crash: `pg_ctl stop -m immediate` (no checkpoint; the next start recovers from WAL). */
  crash(): void {
    leftovers.delete(this.stopAtExit);
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  stop(): void {
    leftovers.delete(this.stopAtExit);
    try {
      this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } catch {
      /* not running */
    }
  }

  private readonly stopAtExit = () => {
    try {
      this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* already stopped */
    }
  };
}

/** A redis-server of a test's own on a fixed port, to kill with SIGKILL and start again (empty). */
export class PrivateRedis {
  private child?: ChildProcess;

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' });
    const stop = () => child.kill('SIGKILL');
    leftovers.add(stop);
    child.once('exit', () => leftovers.delete(stop));
    this.child = child;
    await waitForPort(this.port);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
}
