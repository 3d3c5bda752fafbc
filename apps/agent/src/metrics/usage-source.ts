import type { NodeUsage } from '@skiff/domain';

/** Usage of the nodes an agent plays and of their containers, over the window since the last sample. */
export interface UsageSample {
  windowSeconds: number;
  nodes: NodeUsage[];
}

/** Where usage comes from: /proc for real processes, made up for simulated pods. */
export interface UsageSource {
  /** Nothing while there is no earlier sample to measure a rate against. */
  sample(nodes: readonly string[], nowMs: number): UsageSample | undefined;
}
