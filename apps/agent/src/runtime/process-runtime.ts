import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BACKOFF, containerProcess, decideRestart, type ContainerSpecLike, type ImageConfig, type KubeObject, type RestartPolicy } from '@skiff/domain';
import type { PodRuntimeStatus, RuntimeDriver } from './runtime';

interface Container extends ContainerSpecLike {
  name: string;
  image: string;
}

interface RunningContainer {
  spec: Container;
  child?: ChildProcess;
  state: Record<string, unknown>;
  lastState?: Record<string, unknown>;
  restartCount: number;
  /** Back-offs in a row (see decideRestart). */
  step: number;
  startedAtMs: number;
  restartTimer?: NodeJS.Timeout;
}

interface PodRun {
  pod: KubeObject;
  podIP: string;
  dir: string;
  containers: RunningContainer[];
  stopping: boolean;
  changed: () => void;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Containers as real child processes. An image is a folder of the node's image store,
 * `<images>/<name>/<tag>/image.json` (entrypoint, cmd, env, workingDir, as an OCI
 * config) beside its files; image `host` runs the container's command as it is.
 * Restarts follow restartPolicy with the kubelet's CrashLoopBackOff; stop is SIGTERM,
 * grace period, SIGKILL. Probes, volumes, logs and adoption after an agent restart
 * come next.
 */
export class ProcessRuntime implements RuntimeDriver {
  private readonly pods = new Map<string, PodRun>();

  constructor(
    private readonly imagesDir: string,
    private readonly stateDir: string,
    private readonly nodeName: string,
    private readonly backoff = BACKOFF,
  ) {}

  async startPod(pod: KubeObject, podIP: string, onChange: (s: PodRuntimeStatus) => void): Promise<PodRuntimeStatus> {
    const uid = pod.metadata.uid!;
    const dir = path.join(this.stateDir, 'pods', uid);
    fs.mkdirSync(dir, { recursive: true });
    const run: PodRun = { pod, podIP, dir, containers: [], stopping: false, changed: () => onChange(this.status(run)) };
    run.containers = ((pod.spec as { containers?: Container[] }).containers ?? []).map((spec) => ({ spec, state: {}, restartCount: 0, step: 0, startedAtMs: 0 }));
    this.pods.set(uid, run);
    for (const c of run.containers) this.launch(run, c);
    return this.status(run);
  }

  async stopPod(pod: KubeObject, gracePeriodSeconds: number): Promise<void> {
    const run = this.pods.get(pod.metadata.uid!);
    this.pods.delete(pod.metadata.uid!);
    if (!run) return;
    run.stopping = true;
    for (const c of run.containers) clearTimeout(c.restartTimer);
    await Promise.all(run.containers.map((c) => stopProcess(c.child, gracePeriodSeconds)));
  }

  private launch(run: PodRun, c: RunningContainer): void {
    const { pod, podIP, dir } = run;
    const image = this.resolve(c.spec.image);
    if (!image) {
      c.state = { waiting: { reason: 'ErrImagePull', message: `image "${c.spec.image}" not found in ${this.imagesDir}` } };
      return;
    }
    const base = { POD_IP: podIP, POD_NAME: pod.metadata.name!, POD_NAMESPACE: pod.metadata.namespace!, NODE_NAME: this.nodeName, HOSTNAME: pod.metadata.name! };
    const proc = containerProcess(image.config, c.spec, base);
    if (!proc.argv.length) {
      c.state = { waiting: { reason: 'CreateContainerError', message: 'no command: neither the image nor the container names one' } };
      return;
    }
    const log = fs.openSync(path.join(dir, `${c.spec.name}.log`), 'a');
    const cwd = image.dir ? path.resolve(image.dir, proc.workingDir ?? '.') : proc.workingDir;
    const child = spawn(proc.argv[0], proc.argv.slice(1), { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...proc.env }, stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    c.child = child;
    c.startedAtMs = Date.now();
    const startedAt = now();
    c.state = { running: { startedAt } };
    child.once('error', (e) => {
      c.state = { waiting: { reason: 'CreateContainerError', message: e.message } };
      run.changed();
    });
    child.once('exit', (code, signal) => {
      c.child = undefined;
      const exitCode = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
      const terminated = { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: now() } };
      if (run.stopping) return;
      const policy = ((pod.spec as { restartPolicy?: RestartPolicy }).restartPolicy ?? 'Always') as RestartPolicy;
      const d = decideRestart(policy, exitCode, c.step, Date.now() - c.startedAtMs, this.backoff);
      if (!d.restart) {
        c.state = terminated;
      } else {
        c.lastState = terminated;
        c.step = d.nextStep;
        c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${Math.round(d.delayMs / 1000)}s restarting failed container=${c.spec.name} pod=${pod.metadata.name}` } };
        c.restartTimer = setTimeout(() => {
          if (run.stopping) return;
          c.restartCount++;
          this.launch(run, c);
          run.changed();
        }, d.delayMs);
      }
      run.changed();
    });
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

  private status(run: PodRun): PodRuntimeStatus {
    const containers = run.containers.map((c) => ({
      name: c.spec.name,
      image: c.spec.image,
      state: c.state,
      ...(c.lastState ? { lastState: c.lastState } : {}),
      ready: !!c.state.running,
      restartCount: c.restartCount,
      started: !!c.state.running,
    }));
    const all = (k: string) => containers.every((c) => k in c.state);
    const exitedOk = containers.every((c) => (c.state.terminated as { exitCode?: number } | undefined)?.exitCode === 0);
    // A container waiting to be restarted keeps the pod Running, as on Kubernetes.
    const restarting = containers.some((c) => c.lastState && 'waiting' in c.state);
    const phase = all('terminated') ? (exitedOk ? 'Succeeded' : 'Failed') : containers.some((c) => 'running' in c.state) || restarting ? 'Running' : 'Pending';
    return { phase, podIP: run.podIP, ready: containers.every((c) => c.ready), containers };
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
