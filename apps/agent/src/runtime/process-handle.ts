import { spawn, type SpawnOptions } from 'child_process';
import * as fs from 'fs';

/** How a container process ended: the exit code when the agent saw it, else unknown. */
export interface Exit {
  exitCode: number;
  signal?: string;
  known: boolean;
}

/**
 * A container's process, whether this agent started it or found it running after a
 * restart (adopted): either way it can be watched and stopped. Each runs in its own
 * process group, so stopping reaches everything it started.
 */
export class ProcessHandle {
  private ended = false;
  readonly exited: Promise<Exit>;

  private constructor(
    readonly pid: number,
    /** Kernel start time (from /proc), to tell this process from a later one with the same pid. */
    readonly startTicks: string,
    wait: (done: (e: Exit) => void) => void,
  ) {
    this.exited = new Promise((resolve) =>
      wait((e) => {
        this.ended = true;
        resolve(e);
      }),
    );
  }

  static spawn(argv: string[], opts: SpawnOptions): ProcessHandle | Error {
    const child = spawn(argv[0], argv.slice(1), { ...opts, detached: true });
    if (child.pid === undefined) {
      return new Error(`cannot start ${argv[0]}`);
    }
    return new ProcessHandle(child.pid, startTicks(child.pid) ?? '', (done) => {
      child.once('exit', (code, signal) => done({ exitCode: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15), signal: signal ?? undefined, known: true }));
      child.once('error', () => done({ exitCode: 128, known: true }));
    });
  }

  /** The process recorded as `pid`/`ticks`, if it is still that same process. */
  static adopt(pid: number, ticks: string): ProcessHandle | undefined {
    if (!processAlive(pid) || startTicks(pid) !== ticks) return undefined;
    return new ProcessHandle(pid, ticks, (done) => {
      const poll = setInterval(() => {
        if (processAlive(pid) && startTicks(pid) === ticks) return;
        clearInterval(poll);
        done({ exitCode: 255, known: false });
      }, 300);
    });
  }

  get running(): boolean {
    return !this.ended;
  }

  /** SIGTERM to the group, SIGKILL once `graceSeconds` are over; resolves when it is gone. */
  async stop(graceSeconds: number): Promise<void> {
    if (this.ended) return;
    signalGroup(this.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), graceSeconds * 1000);
    await this.exited;
    clearTimeout(timer);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startTicks(pid: number): string | undefined {
  try {
    // Field 22 of /proc/<pid>/stat, after the parenthesised command name.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Stops a process group left by an earlier agent for a pod that no longer exists. */
export async function stopLeftover(pid: number, ticks: string, graceSeconds: number): Promise<void> {
  await ProcessHandle.adopt(pid, ticks)?.stop(graceSeconds);
}
