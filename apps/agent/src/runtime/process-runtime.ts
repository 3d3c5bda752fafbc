import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { containerProcess, type ContainerSpecLike, type ImageConfig, type KubeObject } from '@skiff/domain';
import type { PodRuntimeStatus, RuntimeDriver } from './runtime';

interface Container extends ContainerSpecLike {
  name: string;
  image: string;
}

interface RunningContainer {
  name: string;
  image: string;
  child?: ChildProcess;
  state: Record<string, unknown>;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Containers as real child processes. An image is a folder of the node's image store,
 * `<images>/<name>/<tag>/image.json` (entrypoint, cmd, env, workingDir, as an OCI
 * config) beside its files; image `host` runs the container's command as it is.
 * First slice: start, report, stop (SIGTERM, grace, SIGKILL). Restarts, probes,
 * volumes, logs and adoption after an agent restart come next.
 */
export class ProcessRuntime implements RuntimeDriver {
  private readonly pods = new Map<string, RunningContainer[]>();

  constructor(
    private readonly imagesDir: string,
    private readonly stateDir: string,
    private readonly nodeName: string,
  ) {}

  async startPod(pod: KubeObject, podIP: string, onChange: (s: PodRuntimeStatus) => void): Promise<PodRuntimeStatus> {
    const uid = pod.metadata.uid!;
    const containers = ((pod.spec as { containers?: Container[] }).containers ?? []);
    const dir = path.join(this.stateDir, 'pods', uid);
    fs.mkdirSync(dir, { recursive: true });
    const running: RunningContainer[] = containers.map((c) => this.startContainer(pod, c, podIP, dir, () => onChange(this.status(running, podIP))));
    this.pods.set(uid, running);
    return this.status(running, podIP);
  }

  async stopPod(pod: KubeObject, gracePeriodSeconds: number): Promise<void> {
    const running = this.pods.get(pod.metadata.uid!) ?? [];
    this.pods.delete(pod.metadata.uid!);
    await Promise.all(running.map((c) => stopProcess(c.child, gracePeriodSeconds)));
  }

  private startContainer(pod: KubeObject, c: Container, podIP: string, dir: string, changed: () => void): RunningContainer {
    const rc: RunningContainer = { name: c.name, image: c.image, state: {} };
    const image = this.resolve(c.image);
    if (!image) {
      rc.state = { waiting: { reason: 'ErrImagePull', message: `image "${c.image}" not found in ${this.imagesDir}` } };
      return rc;
    }
    const base = { POD_IP: podIP, POD_NAME: pod.metadata.name!, POD_NAMESPACE: pod.metadata.namespace!, NODE_NAME: this.nodeName, HOSTNAME: pod.metadata.name! };
    const proc = containerProcess(image.config, c, base);
    if (!proc.argv.length) {
      rc.state = { waiting: { reason: 'CreateContainerError', message: 'no command: neither the image nor the container names one' } };
      return rc;
    }
    const log = fs.openSync(path.join(dir, `${c.name}.log`), 'a');
    const cwd = image.dir ? path.resolve(image.dir, proc.workingDir ?? '.') : proc.workingDir;
    const child = spawn(proc.argv[0], proc.argv.slice(1), { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...proc.env }, stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    rc.child = child;
    rc.state = { running: { startedAt: now() } };
    child.once('error', (e) => {
      rc.state = { waiting: { reason: 'CreateContainerError', message: e.message } };
      changed();
    });
    child.once('exit', (code, signal) => {
      rc.state = { terminated: { exitCode: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15), reason: code === 0 ? 'Completed' : 'Error', startedAt: (rc.state.running as { startedAt?: string } | undefined)?.startedAt, finishedAt: now() } };
      rc.child = undefined;
      changed();
    });
    return rc;
  }

  private resolve(image: string): { config: ImageConfig; dir?: string } | undefined {
    const [name, tag = 'latest'] = image.split(':');
    if (name === 'host') return { config: {} };
    const dir = path.join(this.imagesDir, name, tag);
    try {
      return { config: JSON.parse(fs.readFileSync(path.join(dir, 'image.json'), 'utf8')), dir };
    } catch {
      return undefined;
    }
  }

  private status(running: RunningContainer[], podIP: string): PodRuntimeStatus {
    const containers = running.map((c) => ({ name: c.name, image: c.image, state: c.state, ready: !!c.state.running, restartCount: 0, started: !!c.state.running }));
    const all = (k: string) => containers.every((c) => k in c.state);
    const phase = all('running') ? 'Running' : all('terminated') ? (containers.every((c) => (c.state.terminated as { exitCode: number }).exitCode === 0) ? 'Succeeded' : 'Failed') : containers.some((c) => 'running' in c.state) ? 'Running' : 'Pending';
    return { phase, podIP, ready: containers.every((c) => c.ready), containers };
  }
}

/** SIGTERM to the container's process group, then SIGKILL once the grace period is over. */
async function stopProcess(child: ChildProcess | undefined, graceSeconds: number): Promise<void> {
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const group = -child.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, graceSeconds * 1000);
  await exited;
  clearTimeout(timer);
}
