import type { NodeUsage } from '@skiff/domain';
import type { RuntimeDriver } from '../runtime/runtime';
import type { UsageSample, UsageSource } from './usage-source';

const MILLICORE = 1_000_000;
const MI = 2 ** 20;

/** A stable number in [0, 1) from a string (FNV-1a), so each container keeps its own level. */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/**
 * SYNTHETIC usage for the simulated runtime, where nothing runs: made-up but plausible
 * numbers so `kubectl top`, the dashboard and the autoscaler have something to show in
 * scale tests and demos. Each container gets a level of its own (1–20 millicores,
 * 8–64 Mi, picked from its pod uid and name) with ±20 % CPU noise per sample; a node
 * uses a base of 100 millicores and 256 Mi plus its pods.
 */
export class SyntheticUsageSource implements UsageSource {
  private lastMs?: number;

  constructor(
    private readonly runtime: RuntimeDriver,
    private readonly intervalMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  sample(nodes: readonly string[], nowMs: number): UsageSample | undefined {
    const windowSeconds = this.lastMs === undefined ? this.intervalMs / 1000 : (nowMs - this.lastMs) / 1000;
    this.lastMs = nowMs;
    if (windowSeconds <= 0) return undefined;
    const byNode = new Map<string, NodeUsage>(nodes.map((name) => [name, { name, usageNanoCores: 100 * MILLICORE, workingSetBytes: 256 * MI, pods: [] }]));
    for (const c of this.runtime.runningContainers?.() ?? []) {
      const node = byNode.get(c.node);
      if (!node) continue;
      let pod = node.pods.find((p) => p.uid === c.uid);
      if (!pod) node.pods.push((pod = { namespace: c.namespace, name: c.pod, uid: c.uid, containers: [] }));
      const level = unitHash(`${c.uid}/${c.container}`);
      const usageNanoCores = Math.round((1 + 19 * level) * MILLICORE * (0.8 + 0.4 * this.random()));
      const workingSetBytes = Math.round(8 + 56 * level) * MI;
      pod.containers.push({ name: c.container, usageNanoCores, workingSetBytes });
      node.usageNanoCores += usageNanoCores;
      node.workingSetBytes += workingSetBytes;
    }
    return { windowSeconds, nodes: [...byNode.values()] };
  }
}
