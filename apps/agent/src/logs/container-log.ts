import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { formatLogEntry, type LogEntry, type LogStream } from '@skiff/domain';

/** The kubelet's `containerLogMaxSize` and `containerLogMaxFiles`. */
export interface LogRotation {
  maxBytes: number;
  maxFiles: number;
}

export const DEFAULT_ROTATION: LogRotation = { maxBytes: 10 * 2 ** 20, maxFiles: 5 };

/**
 * One container instance's log file, `<dir>/<instance>.log`, in the CRI format. Writes
 * are synchronous, so a reader that reads the file and then listens for `entry` in the
 * same tick misses nothing and sees nothing twice. When the file passes `maxBytes` it is
 * renamed `<instance>.log.<time>` and a new one begun; at most `maxFiles` are kept.
 */
export class ContainerLog extends EventEmitter {
  private fd: number;
  private size: number;
  private done = false;

  constructor(
    readonly file: string,
    private readonly rotation: LogRotation = DEFAULT_ROTATION,
  ) {
    super();
    this.setMaxListeners(0);
    this.fd = fs.openSync(file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  get ended(): boolean {
    return this.done;
  }

  append(stream: LogStream, text: string, partial: boolean): void {
    if (this.done) return;
    const entry: LogEntry = { time: new Date().toISOString(), stream, partial, text };
    const line = Buffer.from(formatLogEntry(entry));
    if (this.size > 0 && this.size + line.length > this.rotation.maxBytes) this.rotate();
    fs.writeSync(this.fd, line);
    this.size += line.length;
    this.emit('entry', entry);
  }

  /** The instance's output has ended (its process and everything that held its output are gone). */
  end(): void {
    if (this.done) return;
    this.done = true;
    fs.closeSync(this.fd);
    this.emit('end');
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 19);
    fs.renameSync(this.file, `${this.file}.${stamp}`);
    const base = path.basename(this.file) + '.';
    const rotated = fs.readdirSync(path.dirname(this.file)).filter((f) => f.startsWith(base)).sort();
    for (const old of rotated.slice(0, Math.max(0, rotated.length - (this.rotation.maxFiles - 1)))) fs.rmSync(path.join(path.dirname(this.file), old), { force: true });
    this.fd = fs.openSync(this.file, 'a');
    this.size = 0;
  }
}

/**
 * Where instance `n` of a container logs: `<pod dir>/<container>.<n>.log` (the kubelet's
 * /var/log/pods has a folder per container; one folder less per container is a
 * noticeable part of starting 100 pods at once on a slow disk).
 */
export function instanceLogFile(podDir: string, container: string, instance: number): string {
  return path.join(podDir, `${container}.${instance}.log`);
}

/** Keeps the logs of the last two instances (the current and `--previous`) and drops older ones. */
export function pruneInstanceLogs(podDir: string, container: string, current: number): void {
  if (current < 2) return;
  for (const f of fs.readdirSync(podDir)) {
    const [name, n] = f.split('.');
    if (name === container && Number(n) < current - 1) fs.rmSync(path.join(podDir, f), { force: true });
  }
}
