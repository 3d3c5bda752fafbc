import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
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
 */
export function openOutput(base: string): number[] {
  const files = STREAMS.map((s) => `${base}.${s}`);
  for (const f of files) fs.rmSync(f, { force: true });
  execFileSync('mkfifo', ['-m', '600', ...files]);
  return files.map((f) => fs.openSync(f, fs.constants.O_RDWR));
}

/**
 * Reads the pipes at `base` into `log` until every process holding them is gone; then
 * ends the log and removes the pipes. Attach before the agent lets go of its own ends
 * from `openOutput`, or a quick container's output could be lost.
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
