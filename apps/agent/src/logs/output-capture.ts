import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import { LogLineBuffer, type LogStream } from '@skiff/domain';
import type { ContainerLog } from './container-log';

const STREAMS: LogStream[] = ['stdout', 'stderr'];

/**
 * A container's stdout and stderr are two named pipes, `<base>.stdout` and `<base>.stderr`,
 * that the agent reads into the container's log: the job of containerd's shim. The
 * container holds its ends open for reading and writing, so it never gets SIGPIPE while
 * the agent is away (a restart): its output waits in the pipe (64 KiB, then writes
 * block) until the next agent attaches and reads on.
 *
 * Node cannot make a FIFO itself, and running `mkfifo` per container would cost a
 * process each (100 pods at once: a second of blocking). So pipes are made ahead, many
 * per `mkfifo` (256 at start, 128 more whenever fewer are left), in a pool folder, and
 * moved into place when a container starts.
 */
export class OutputPipes {
  private readonly pool: string[] = [];
  private made = 0;
  private refilling = false;

  constructor(
    private readonly poolDir: string,
    private readonly batch = 128,
  ) {
    fs.rmSync(poolDir, { recursive: true, force: true });
    fs.mkdirSync(poolDir, { recursive: true });
    this.pool.push(...this.makeSync(2 * batch));
  }

  /** Two pipes in place at `base`, and the container's ends of them (stdout, stderr). */
  open(base: string): number[] {
    if (this.pool.length < 2) this.pool.push(...this.makeSync(2));
    if (this.pool.length < this.batch) this.refill();
    return STREAMS.map((s) => {
      const file = `${base}.${s}`;
      fs.rmSync(file, { force: true });
      fs.renameSync(this.pool.pop()!, file);
      return fs.openSync(file, fs.constants.O_RDWR);
    });
  }

  private names(n: number): string[] {
    return Array.from({ length: n }, () => path.join(this.poolDir, String(this.made++)));
  }

  private makeSync(n: number): string[] {
    const files = this.names(n);
    execFileSync('mkfifo', ['-m', '600', ...files]);
    return files;
  }

  private refill(): void {
    if (this.refilling) return;
    this.refilling = true;
    const files = this.names(this.batch);
    execFile('mkfifo', ['-m', '600', ...files], (err) => {
      this.refilling = false;
      if (!err) this.pool.unshift(...files);
    });
  }
}

/**
 * Reads the pipes at `base` into `log` until every process holding them is gone; then
 * ends the log and removes the pipes. Attach before the agent lets go of its own ends
 * from `OutputPipes.open`, or a quick container's output could be lost.
 */
export function attachOutput(base: string, log: ContainerLog): void {
  let open = 0;
  for (const stream of STREAMS) {
    const file = `${base}.${stream}`;
    let fd: number;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch {
      continue; // gone with an earlier agent: nothing more to read
    }
    open++;
    const lines = new LogLineBuffer();
    const decoder = new StringDecoder('utf8');
    const socket = new net.Socket({ fd, readable: true, writable: false });
    socket.on('data', (chunk: Buffer) => lines.push(decoder.write(chunk)).forEach((l) => log.append(stream, l.text, l.partial)));
    socket.once('close', () => {
      lines.push(decoder.end()).forEach((l) => log.append(stream, l.text, l.partial));
      lines.flush().forEach((l) => log.append(stream, l.text, l.partial));
      fs.rmSync(file, { force: true });
      if (--open === 0) log.end();
    });
    socket.on('error', () => socket.destroy());
  }
  if (open === 0) log.end();
}
