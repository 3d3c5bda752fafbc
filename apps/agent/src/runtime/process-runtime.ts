import * as fs from 'fs';
import * as path from 'path';
import { BACKOFF, Errors, StatusError, containerProcess, decideRestart, podHostname, type ContainerSpecLike, type ImageConfig, type KubeObject, type PodVolumeSpec, type ProbeSpec, type RestartPolicy } from '@skiff/domain';
import { ContainerLog, DEFAULT_ROTATION, instanceLogFile, pruneInstanceLogs, type LogRotation } from '../logs/container-log';
import { OutputPipes, attachOutput } from '../logs/output-capture';
import { ProcessHandle, stopLeftover, type Exit } from './process-handle';
import { runProbe, startProber } from './prober';
import type { LogSource, PodConfig, PodRuntimeStatus, RunningContainerRef, RuntimeDriver } from './runtime';

interface Container extends ContainerSpecLike {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  startupProbe?: ProbeSpec;
  lifecycle?: { preStop?: Pick<ProbeSpec, 'exec' | 'httpGet'> & { sleep?: { seconds: number } } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

interface RunningContainer {
  spec: Container;
  proc?: ProcessHandle;
  state: Record<string, unknown>;
  lastState?: Record<string, unknown>;
  restartCount: number;
  /** Back-offs in a row (see decideRestart). */
  step: number;
  startedAtMs: number;
  restartTimer?: NodeJS.Timeout;
  /** Readiness probe passed (or none). */
  ready: boolean;
  /** Startup probe passed (or none). */
  started: boolean;
  /** Image pull back-offs in a row. */
  pullStep: number;
  probers: { stop(): void }[];
  /** The log of the instance that runs (or ran last). */
  log?: ContainerLog;
}

interface PodRun {
  pod: KubeObject;
  podIP: string;
  dir: string;
  containers: RunningContainer[];
  stopping: boolean;
  changed: () => void;
}

/** What survives an agent restart, per pod: `<state>/pods/<uid>/state.json`. */
interface SavedPod {
  containers: Record<string, { pid: number; ticks: string; startedAt: string; startedAtMs: number; restartCount: number }>;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Containers as real child processes. An image is a folder of the node's image store,
 * `<images>/<name>/<tag>/image.json` (entrypoint, cmd, env, workingDir, as an OCI
 * config) beside its files; image `host` runs the container's command as it is.
 * Restarts follow restartPolicy with the kubelet's CrashLoopBackOff; stopping runs the
 * preStop hook, then SIGTERM, then SIGKILL after the grace period. Each pod's processes
 * are recorded on disk, so a restarted agent adopts them instead of starting duplicates, and stops those of pods that are
 * gone. Startup, liveness and readiness probes run as the kubelet's; emptyDir volumes
 * and ConfigMap/Secret volumes are mounted per container (root). PVC volumes and logs
 * through the API come next.
 */
export class ProcessRuntime implements RuntimeDriver {
  private readonly pods = new Map<string, PodRun>();
  private readonly pipes: OutputPipes;

  constructor(
    private readonly imagesDir: string,
    private readonly stateDir: string,
    private readonly nodeName: string,
    private readonly backoff = BACKOFF,
    private readonly logRotation: LogRotation = DEFAULT_ROTATION,
    /** Where the kubelet's events about pods go (Pulled, Created, Started, Killing, BackOff, Unhealthy). */
    private readonly event: (pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string) => void = () => undefined,
  ) {
    this.pipes = new OutputPipes(path.join(stateDir, 'pipes'));
  }

  async startPod(pod: KubeObject, podIP: string, onChange: (s: PodRuntimeStatus) => void, config?: PodConfig): Promise<PodRuntimeStatus> {
    const uid = pod.metadata.uid!;
    const dir = path.join(this.stateDir, 'pods', uid);
    fs.mkdirSync(dir, { recursive: true });
    const saved = readSaved(dir);
    const run: PodRun = { pod, podIP, dir, containers: [], stopping: false, changed: () => onChange(this.status(run)) };
    this.writeVolumeFiles(dir, config?.volumeFiles ?? new Map());
    run.containers = ((pod.spec as { containers?: Container[] }).containers ?? []).map((spec) => ({ spec, state: {}, restartCount: 0, step: 0, startedAtMs: 0, ready: false, started: false, pullStep: 0, probers: [] }));
    this.pods.set(uid, run);
    for (const c of run.containers) {
      const configError = config?.configErrors.get(c.spec.name);
      if (configError) {
        c.state = { waiting: { reason: 'CreateContainerConfigError', message: configError } };
        continue;
      }
      const was = saved?.containers[c.spec.name];
      const adopted = was && ProcessHandle.adopt(was.pid, was.ticks);
      if (adopted && was) {
        c.proc = adopted;
        c.restartCount = was.restartCount;
        c.startedAtMs = was.startedAtMs;
        c.state = { running: { startedAt: was.startedAt } };
        c.log = new ContainerLog(instanceLogFile(dir, c.spec.name, c.restartCount), this.logRotation);
        attachOutput(this.outputBase(run, c), c.log);
        this.startProbes(run, c, this.processOf(run, c)?.env ?? {});
        void adopted.exited.then((e) => this.exited(run, c, e, was.startedAt));
      } else {
        this.launch(run, c);
      }
    }
    return this.status(run);
  }

  retryConfig(pod: KubeObject, config: PodConfig): void {
    const run = this.pods.get(pod.metadata.uid!);
    if (!run || run.stopping) return;
    this.writeVolumeFiles(run.dir, config.volumeFiles);
    const specs = (pod.spec as { containers?: Container[] }).containers ?? [];
    for (const c of run.containers) {
      if ((c.state.waiting as { reason?: string } | undefined)?.reason !== 'CreateContainerConfigError') continue;
      const error = config.configErrors.get(c.spec.name);
      if (error) {
        c.state = { waiting: { reason: 'CreateContainerConfigError', message: error } };
        continue;
      }
      c.spec = specs.find((s) => s.name === c.spec.name) ?? c.spec;
      this.launch(run, c);
    }
    run.changed();
  }

  async stopPod(pod: KubeObject, gracePeriodSeconds: number): Promise<void> {
    const uid = pod.metadata.uid!;
    const run = this.pods.get(uid);
    this.pods.delete(uid);
    if (run) {
      run.stopping = true;
      for (const c of run.containers) {
        clearTimeout(c.restartTimer);
        c.probers.forEach((p) => p.stop());
      }
      await Promise.all(run.containers.map((c) => this.stopContainer(run, c, gracePeriodSeconds)));
    }
    // Nothing runs any more: emptyDir volumes go with the pod; the logs stay until the next cleanup (a pod's last words).
    fs.rmSync(path.join(this.stateDir, 'pods', uid, 'state.json'), { force: true });
    fs.rmSync(path.join(this.stateDir, 'pods', uid, 'volumes'), { recursive: true, force: true });
  }

  async stopAll(maxGraceSeconds: number): Promise<void> {
    const pods = [...this.pods.values()].map((r) => r.pod);
    await Promise.all(pods.map((p) => this.stopPod(p, Math.min(maxGraceSeconds, (p.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds ?? 30))));
  }

  /** After the first pod list: stop what an earlier agent left for pods that no longer exist. */
  async cleanup(keep: Set<string>): Promise<void> {
    const root = path.join(this.stateDir, 'pods');
    for (const uid of fs.existsSync(root) ? fs.readdirSync(root) : []) {
      if (keep.has(uid)) continue;
      const saved = readSaved(path.join(root, uid));
      await Promise.all(Object.values(saved?.containers ?? {}).map((c) => stopLeftover(c.pid, c.ticks, 5)));
      fs.rmSync(path.join(root, uid), { recursive: true, force: true });
    }
  }

  private launch(run: PodRun, c: RunningContainer): void {
    const { pod, podIP, dir } = run;
    const image = this.resolve(c.spec.image);
    if (!image) return this.pullFailed(run, c);
    this.event(run.pod, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`);
    c.pullStep = 0;
    const base = { POD_IP: podIP, POD_NAME: pod.metadata.name!, POD_NAMESPACE: pod.metadata.namespace!, NODE_NAME: this.nodeName, HOSTNAME: podHostname(pod) };
    const proc = containerProcess(image.config, c.spec, base);
    if (!proc.argv.length) {
      c.state = { waiting: { reason: 'CreateContainerError', message: 'no command: neither the image nor the container names one' } };
      return;
    }
    const sandbox = this.sandbox(run, c);
    if (sandbox instanceof Error) {
      c.state = { waiting: { reason: 'CreateContainerError', message: sandbox.message } };
      return;
    }
    // stdout and stderr go through pipes into this instance's log (see output-capture).
    pruneInstanceLogs(dir, c.spec.name, c.restartCount);
    c.log = new ContainerLog(instanceLogFile(dir, c.spec.name, c.restartCount), this.logRotation);
    const output = this.pipes.open(this.outputBase(run, c));
    attachOutput(this.outputBase(run, c), c.log);
    const cwd = image.dir ? path.resolve(image.dir, proc.workingDir ?? '.') : proc.workingDir;
    const handle = ProcessHandle.spawn([...sandbox, ...proc.argv], { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...proc.env }, stdio: ['ignore', ...output] });
    output.forEach((fd) => fs.closeSync(fd));
    if (handle instanceof Error) {
      c.state = { waiting: { reason: 'CreateContainerError', message: handle.message } };
      return;
    }
    const startedAt = now();
    c.proc = handle;
    this.event(run.pod, 'Normal', 'Created', `Created container ${c.spec.name}`);
    this.event(run.pod, 'Normal', 'Started', `Started container ${c.spec.name}`);
    c.startedAtMs = Date.now();
    c.state = { running: { startedAt } };
    this.save(run);
    this.startProbes(run, c, proc.env);
    void handle.exited.then((e) => this.exited(run, c, e, startedAt));
  }

  /**
   * The container's sandbox, as an argv prefix (root only): its own UTS namespace with
   * the pod's hostname, and its own mount namespace in which each volume is bind-mounted
   * at its mountPath, so two pods using one path never see each other's files. emptyDir
   * volumes are folders of the pod, shared by its containers. Not root: no prefix, the
   * host's hostname, and volume mounts are refused.
   */
  private sandbox(run: PodRun, c: RunningContainer): string[] | Error {
    const mounts = c.spec.volumeMounts ?? [];
    if (process.getuid?.() !== 0) return mounts.length ? new Error('volume mounts need the agent to run as root (each container gets its own mount namespace)') : [];
    const volumes = ((run.pod.spec as { volumes?: PodVolumeSpec[] }).volumes ?? []);
    const args: string[] = [];
    for (const m of mounts) {
      const v = volumes.find((x) => x.name === m.name);
      if (!v) return new Error(`volume "${m.name}" is not defined in the pod`);
      const claim = (v as { persistentVolumeClaim?: { claimName: string } }).persistentVolumeClaim;
      if (!v.emptyDir && !v.configMap && !v.secret && !claim) return new Error(`volume "${m.name}": only emptyDir, configMap, secret and persistentVolumeClaim volumes are supported so far`);
      // A claim's data is the node's local volume for it: kept when the pod goes, there when it comes back.
      const src = claim ? path.join(this.stateDir, 'claims', run.pod.metadata.namespace!, claim.claimName) : path.join(run.dir, 'volumes', m.name);
      fs.mkdirSync(src, { recursive: true });
      // ConfigMap and Secret volumes are always read-only, as on Kubernetes.
      args.push(m.mountPath, src, m.readOnly || !(v.emptyDir || claim) ? 'ro' : 'rw');
    }
    const script =
      'echo "$1" > /proc/sys/kernel/hostname || exit 127; shift; ' +
      'while [ "$1" != "--" ]; do mkdir -p "$1" && mount --bind "$2" "$1" || exit 127; ' +
      'if [ "$3" = ro ]; then mount -o remount,bind,ro "$1" || exit 127; fi; shift 3; done; shift; exec "$@"';
    const namespaces = mounts.length ? ['--uts', '--mount', '--propagation', 'private'] : ['--uts'];
    return ['unshare', ...namespaces, '--', 'sh', '-c', script, 'sh', podHostname(run.pod), ...args, '--'];
  }

  /** ConfigMap and Secret volumes: their files, written into the pod's volume folders. */
  private writeVolumeFiles(dir: string, volumeFiles: Map<string, Record<string, string>>): void {
    for (const [name, files] of volumeFiles) {
      const root = path.join(dir, 'volumes', name);
      fs.rmSync(root, { recursive: true, force: true });
      for (const [rel, content] of Object.entries(files)) {
        const file = path.resolve(root, rel);
        if (!file.startsWith(root + path.sep)) continue; // no escaping the volume with ../
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content, { mode: 0o644 });
      }
    }
  }

  /**
   * Graceful termination as the kubelet does it: the preStop hook (exec, httpGet or
   * sleep), then SIGTERM, then SIGKILL when the grace period (which the hook counts
   * against) is over.
   */
  private async stopContainer(run: PodRun, c: RunningContainer, graceSeconds: number): Promise<void> {
    if (!c.proc) return;
    this.event(run.pod, 'Normal', 'Killing', `Stopping container ${c.spec.name}`);
    const deadline = Date.now() + graceSeconds * 1000;
    const preStop = c.spec.lifecycle?.preStop;
    if (preStop) {
      const env = this.processOf(run, c)?.env ?? {};
      if (preStop.sleep) await new Promise((r) => setTimeout(r, Math.min(preStop.sleep!.seconds * 1000, graceSeconds * 1000)));
      else await runProbe({ ...preStop, timeoutSeconds: graceSeconds }, { podIP: run.podIP, ports: c.spec.ports, env });
    }
    await c.proc?.stop(Math.max(0, (deadline - Date.now()) / 1000));
  }

  private processOf(run: PodRun, c: RunningContainer) {
    const image = this.resolve(c.spec.image);
    if (!image) return undefined;
    return containerProcess(image.config, c.spec, { POD_IP: run.podIP, POD_NAME: run.pod.metadata.name!, POD_NAMESPACE: run.pod.metadata.namespace!, NODE_NAME: this.nodeName, HOSTNAME: podHostname(run.pod) });
  }

  /**
   * Probes as the kubelet runs them: the startup probe first; then liveness (a failure
   * stops the container, which restarts per its policy) and readiness (the container's
   * `ready`). Without a probe the answer is yes.
   */
  private startProbes(run: PodRun, c: RunningContainer, env: Record<string, string>): void {
    const target = { podIP: run.podIP, ports: c.spec.ports, env };
    const grace = (run.pod.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds ?? 30;
    c.ready = !c.spec.readinessProbe;
    c.started = !c.spec.startupProbe;
    const afterStartup = () => {
      if (c.spec.livenessProbe) {
        c.probers.push(
          startProber(c.spec.livenessProbe, target, (s) => {
            if (s.result !== 'failure') return;
            this.event(run.pod, 'Warning', 'Unhealthy', 'Liveness probe failed');
            this.event(run.pod, 'Normal', 'Killing', `Container ${c.spec.name} failed liveness probe, will be restarted`);
            void c.proc?.stop(grace);
          }),
        );
      }
      if (c.spec.readinessProbe) {
        c.probers.push(
          startProber(c.spec.readinessProbe, target, (s) => {
            if (s.result === 'failure') this.event(run.pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
            c.ready = s.result === 'success';
            run.changed();
          }),
        );
      }
    };
    if (!c.spec.startupProbe) return afterStartup();
    const startup = startProber(c.spec.startupProbe, target, (s) => {
      startup.stop();
      if (s.result === 'failure') return void c.proc?.stop(grace);
      c.started = true;
      afterStartup();
      run.changed();
    });
    c.probers.push(startup);
  }

  /**
   * The image is not in the node's store: ErrImagePull, then ImagePullBackOff while
   * waiting to look again (the same back-off as crashes), as the kubelet reports a pull.
   */
  private pullFailed(run: PodRun, c: RunningContainer): void {
    const message = `image "${c.spec.image}" not found in ${this.imagesDir}`;
    c.state = { waiting: { reason: 'ErrImagePull', message } };
    this.event(run.pod, 'Warning', 'Failed', `Failed to pull image "${c.spec.image}": ${message}`);
    const d = decideRestart('Always', 1, c.pullStep, 0, this.backoff);
    c.pullStep = d.nextStep;
    c.restartTimer = setTimeout(() => {
      if (run.stopping) return;
      c.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.spec.image}": ${message}` } };
      run.changed();
      c.restartTimer = setTimeout(() => {
        if (run.stopping) return;
        this.launch(run, c);
        run.changed();
      }, d.delayMs);
    }, 1000);
  }

  /** A container's process ended: record it, and restart it per policy after the back-off. */
  private exited(run: PodRun, c: RunningContainer, e: Exit, startedAt: string): void {
    c.proc = undefined;
    c.probers.forEach((p) => p.stop());
    c.probers = [];
    if (run.stopping) return;
    const terminated = { terminated: { exitCode: e.exitCode, reason: !e.known ? 'Unknown' : e.exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: now() } };
    const policy = ((run.pod.spec as { restartPolicy?: RestartPolicy }).restartPolicy ?? 'Always') as RestartPolicy;
    const d = decideRestart(policy, e.exitCode, c.step, Date.now() - c.startedAtMs, this.backoff);
    if (!d.restart) {
      c.state = terminated;
    } else {
      c.lastState = terminated;
      c.step = d.nextStep;
      c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${Math.round(d.delayMs / 1000)}s restarting failed container=${c.spec.name} pod=${run.pod.metadata.name}` } };
      this.event(run.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${run.pod.metadata.name}`);
      c.restartTimer = setTimeout(() => {
        if (run.stopping) return;
        c.restartCount++;
        this.launch(run, c);
        run.changed();
      }, d.delayMs);
    }
    run.changed();
  }

  private outputBase(run: PodRun, c: RunningContainer): string {
    return path.join(run.dir, `${c.spec.name}.${c.restartCount}`);
  }

  /**
   * The log `kubectl logs` reads, chosen as the kubelet does: the running instance, or
   * the one that ended last; with `previous`, the one before the running instance (while
   * a container waits in back-off, that is the one that ended last).
   */
  logSource(namespace: string, podName: string, container: string, previous: boolean): LogSource | StatusError {
    const run = [...this.pods.values()].find((r) => r.pod.metadata.namespace === namespace && r.pod.metadata.name === podName);
    const c = run?.containers.find((x) => x.spec.name === container);
    if (!run || !c) return Errors.notFound({ group: '', resource: 'pods' }, `${podName}/${container}`);
    const waiting = c.state.waiting as { reason?: string } | undefined;
    if (previous) {
      const instance = waiting && c.lastState ? c.restartCount : c.restartCount - 1;
      if (instance < 0 || !c.lastState) return Errors.badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
      return { file: instanceLogFile(run.dir, container, instance) };
    }
    if (waiting && !c.lastState) return Errors.badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? 'ContainerCreating'}`);
    return { file: instanceLogFile(run.dir, container, c.restartCount), live: c.state.running ? c.log : undefined };
  }

  private save(run: PodRun): void {
    const saved: SavedPod = { containers: {} };
    for (const c of run.containers) {
      if (!c.proc) continue;
      const startedAt = (c.state.running as { startedAt?: string } | undefined)?.startedAt ?? now();
      saved.containers[c.spec.name] = { pid: c.proc.pid, ticks: c.proc.startTicks, startedAt, startedAtMs: c.startedAtMs, restartCount: c.restartCount };
    }
    fs.writeFileSync(path.join(run.dir, 'state.json'), JSON.stringify(saved));
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
      ready: !!c.state.running && c.ready,
      restartCount: c.restartCount,
      started: !!c.state.running && c.started,
    }));
    const all = (k: string) => containers.every((c) => k in c.state);
    const exitedOk = containers.every((c) => (c.state.terminated as { exitCode?: number } | undefined)?.exitCode === 0);
    // A container waiting to be restarted keeps the pod Running, as on Kubernetes.
    const restarting = containers.some((c) => c.lastState && 'waiting' in c.state);
    const phase = all('terminated') ? (exitedOk ? 'Succeeded' : 'Failed') : containers.some((c) => 'running' in c.state) || restarting ? 'Running' : 'Pending';
    return { phase, podIP: run.podIP, ready: containers.every((c) => c.ready), containers };
  }

  /** The containers running now with their process (its pid is their process group), for resource metrics. */
  runningContainers(): RunningContainerRef[] {
    return [...this.pods.values()].flatMap(({ pod, containers }) =>
      containers.flatMap((c) => (c.proc?.running ? [{ node: this.nodeName, namespace: pod.metadata.namespace!, pod: pod.metadata.name!, uid: pod.metadata.uid!, container: c.spec.name, pid: c.proc.pid }] : [])),
    );
  }
}

function readSaved(dir: string): SavedPod | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as SavedPod;
  } catch {
    return undefined;
  }
}
