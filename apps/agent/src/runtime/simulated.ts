import type { KubeObject } from '@skiff/domain';
import type { PodRuntimeStatus, RunningContainerRef, RuntimeDriver } from './runtime';

interface Container {
  name: string;
  image: string;
}

/** Pods become Running and Ready without processes (optionally after a delay), like KWOK. */
export class SimulatedRuntime implements RuntimeDriver {
  /** What "runs", by pod uid: for the synthetic resource metrics. */
  private readonly running = new Map<string, RunningContainerRef[]>();

  constructor(private readonly startDelayMs = 0) {}

  async startPod(pod: KubeObject, podIP: string): Promise<PodRuntimeStatus> {
    if (this.startDelayMs) await new Promise((r) => setTimeout(r, this.startDelayMs));
    const startedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const specs = (pod.spec as { containers?: Container[] } | undefined)?.containers ?? [];
    const containers = specs.map((c) => ({
      name: c.name,
      image: c.image,
      state: { running: { startedAt } },
      ready: true,
      restartCount: 0,
      started: true,
    }));
    const { namespace = '', name = '', uid = '' } = pod.metadata;
    const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    this.running.set(uid, specs.map((c) => ({ node, namespace, pod: name, uid, container: c.name })));
    return { phase: 'Running', podIP, ready: true, containers };
  }

  async stopPod(pod: KubeObject): Promise<void> {
    // Nothing runs.
    this.running.delete(pod.metadata.uid ?? '');
  }

  runningContainers(): RunningContainerRef[] {
    return [...this.running.values()].flat();
  }
}
