import type { KubeObject } from '@skiff/domain';
import { objectHealth } from '@/lib/health';

export interface WorkloadHealth {
  /** `Deployments` */
  kind: string;
  running: number;
  pending: number;
  failed: number;
}

/** How many of `objects` are running (healthy), pending or failed, by lib/health's reading of their status. */
export function workloadHealth(kind: string, objects: readonly KubeObject[]): WorkloadHealth {
  const counts: WorkloadHealth = { kind, running: 0, pending: 0, failed: 0 };
  for (const o of objects) {
    const h = objectHealth(o);
    if (h === 'ok') counts.running++;
    else if (h === 'failed') counts.failed++;
    else counts.pending++;
  }
  return counts;
}

/** "Deployments: 2 running, 0 pending, 1 failed. Pods: …" */
export function workloadSummary(rows: readonly WorkloadHealth[]): string {
  return rows.map((r) => `${r.kind}: ${r.running} running, ${r.pending} pending, ${r.failed} failed.`).join(' ');
}
