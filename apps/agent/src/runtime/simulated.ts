import type { KubeObject } from '@skiff/domain';
import type { PodRuntimeStatus, RuntimeDriver } from './runtime';

interface Container {
  name: string;
  image: string;
}

/** Pods become Running and Ready without processes (optionally after a delay), like KWOK. */
export class SimulatedRuntime implements RuntimeDriver {
  constructor(private readonly startDelayMs = 0) {}

  async startPod(pod: KubeObject, podIP: string): Promise<PodRuntimeStatus> {
    if (this.startDelayMs) await new Promise((r) => setTimeout(r, this.startDelayMs));
    const startedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const containers = ((pod.spec as { containers?: Container[] } | undefined)?.containers ?? []).map((c) => ({
      name: c.name,
      image: c.image,
      state: { running: { startedAt } },
      ready: true,
      restartCount: 0,
      started: true,
    }));
    return { phase: 'Running', podIP, ready: true, containers };
  }

  async stopPod(): Promise<void> {
    // Nothing runs.
  }
}
