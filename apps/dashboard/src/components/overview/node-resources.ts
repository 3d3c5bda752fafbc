import type { KubeObject, Node, Pod } from '@skiff/domain';
import { nodeAllocatable, podRequests } from '@skiff/domain/scheduling/resources';
import { tryParseQuantity } from '@skiff/domain/validation/quantity';

/** One resource of one node: what it offers, what its pods request, and (when measured) what it uses. */
export interface ResourceFigures {
  node: string;
  capacity: number;
  requested: number;
  /** Null until metrics arrive. */
  used: number | null;
}

export interface NodeResources {
  /** Cores. */
  cpu: ResourceFigures[];
  /** Bytes. */
  memory: ResourceFigures[];
}

/** A NodeMetrics item of `GET /apis/metrics.k8s.io/v1beta1/nodes`. */
export interface NodeMetricsItem {
  metadata: { name?: string };
  usage?: { cpu?: string; memory?: string };
}

const GIB = 1024 ** 3;

/** Pods that hold their requests on a node: bound and not finished (as kubectl describe node counts them). */
function holdsResources(p: Pod): boolean {
  return !!p.spec?.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

/**
 * Per node: capacity (status.allocatable, else status.capacity), requested (the sum of its
 * pods' requests as the scheduler counts them) and used (metrics.k8s.io), in cores and bytes.
 */
export function nodeResources(nodes: readonly KubeObject[], pods: readonly KubeObject[], metrics: readonly NodeMetricsItem[] | undefined): NodeResources {
  const requested = new Map<string, { milliCPU: number; memory: number }>();
  for (const p of pods as Pod[]) {
    if (!holdsResources(p)) continue;
    const r = podRequests(p);
    const sum = requested.get(p.spec!.nodeName!) ?? { milliCPU: 0, memory: 0 };
    sum.milliCPU += r.milliCPU;
    sum.memory += r.memory;
    requested.set(p.spec!.nodeName!, sum);
  }
  const usage = new Map((metrics ?? []).map((m) => [m.metadata.name ?? '', m.usage ?? {}]));
  const out: NodeResources = { cpu: [], memory: [] };
  for (const n of [...(nodes as Node[])].sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!))) {
    const name = n.metadata.name!;
    const capacity = nodeAllocatable(n.status?.allocatable ?? n.status?.capacity);
    const req = requested.get(name) ?? { milliCPU: 0, memory: 0 };
    const used = usage.get(name);
    out.cpu.push({ node: name, capacity: capacity.milliCPU / 1000, requested: req.milliCPU / 1000, used: tryParseQuantity(used?.cpu) ?? null });
    out.memory.push({ node: name, capacity: capacity.memory, requested: req.memory, used: tryParseQuantity(used?.memory) ?? null });
  }
  return out;
}

/** `1.5 cores`, `0.25 cores` */
export const formatCores = (v: number | null) => (v === null ? 'not measured' : `${Number(v.toFixed(3))} cores`);
/** `7.8 GiB` */
export const formatGiB = (v: number | null) => (v === null ? 'not measured' : `${Number((v / GIB).toFixed(2))} GiB`);

/** "node-a: capacity 4 cores, requested 0.5 cores, used 0.1 cores. …" */
export function resourceSummary(rows: readonly ResourceFigures[], format: (v: number | null) => string): string {
  return rows.map((r) => `${r.node}: capacity ${format(r.capacity)}, requested ${format(r.requested)}, used ${format(r.used)}.`).join(' ');
}
