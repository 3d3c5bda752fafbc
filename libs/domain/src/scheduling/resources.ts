import type { Quantity, ResourceList } from '../kinds/common';
import type { Container } from '../kinds/container';
import type { Pod } from '../kinds/pod';
import { parseQuantityMilli, tryParseQuantityExact } from '../validation/quantity';

/**
 * Compute resources as kube-scheduler counts them (its `framework.Resource`): cpu in
 * millicores, memory and ephemeral storage in bytes, extended resources in whole units.
 */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and other scalar resources (`example.com/gpu`, `hugepages-2Mi`); absent when none. */
  scalar?: Record<string, number>;
}

/** The cpu a container without a cpu request counts as when scoring (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** The memory a container without a memory request counts as when scoring (schedutil.DefaultMemoryRequest). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** Zero of every resource. */
export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
}

/** Quantity.MilliValue(); an unparsable quantity (the API server rejects those) counts 0. */
export function quantityMilliValue(q: Quantity | undefined): number {
  if (q === undefined || q === null) return 0;
  try {
    return parseQuantityMilli(q);
  } catch {
    return 0;
  }
}

/** Quantity.Value(): whole units, rounded up; an unparsable quantity counts 0. */
export function quantityValue(q: Quantity | undefined): number {
  if (q === undefined || q === null) return 0;
  const parsed = tryParseQuantityExact(q);
  if (!parsed) return 0;
  const whole = parsed.nanos / 1_000_000_000n;
  return Number(parsed.nanos % 1_000_000_000n > 0n ? whole + 1n : whole);
}

/**
 * Whether the scheduler accounts for a resource by name beyond cpu, memory and
 * ephemeral-storage (schedutil.IsScalarResourceName): extended resources
 * (`example.com/gpu`), prefixed native ones, hugepages and attachable volumes.
 * `requests.*` names belong to quotas, not to pods.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('requests.')) return false;
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

/** Adds a resource list (requests, overhead or allocatable) into `acc`. */
export function addResourceList(acc: Resources, list: ResourceList | undefined): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    switch (name) {
      case 'cpu':
        acc.milliCPU += quantityMilliValue(q);
        break;
      case 'memory':
        acc.memory += quantityValue(q);
        break;
      case 'ephemeral-storage':
        acc.ephemeralStorage += quantityValue(q);
        break;
      default:
        if (isScalarResourceName(name)) {
          const scalar = (acc.scalar ??= {});
          scalar[name] = (scalar[name] ?? 0) + quantityValue(q);
        }
    }
  }
}

/** `acc += r * sign`, resource by resource. */
export function addResources(acc: Resources, r: Resources, sign = 1): void {
  acc.milliCPU += sign * r.milliCPU;
  acc.memory += sign * r.memory;
  acc.ephemeralStorage += sign * r.ephemeralStorage;
  if (r.scalar) {
    const scalar = (acc.scalar ??= {});
    for (const name in r.scalar) scalar[name] = (scalar[name] ?? 0) + sign * r.scalar[name];
  }
}

/** `acc = max(acc, r)`, resource by resource. */
function maxResources(acc: Resources, r: Resources): void {
  acc.milliCPU = Math.max(acc.milliCPU, r.milliCPU);
  acc.memory = Math.max(acc.memory, r.memory);
  acc.ephemeralStorage = Math.max(acc.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    const scalar = (acc.scalar ??= {});
    for (const name in r.scalar) scalar[name] = Math.max(scalar[name] ?? 0, r.scalar[name]);
  }
}

function copyResources(r: Resources): Resources {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, ...(r.scalar ? { scalar: { ...r.scalar } } : {}) };
}

function containerRequests(container: Container, nonMissing: boolean): Resources {
  const requests = container.resources?.requests;
  const r = emptyResources();
  addResourceList(r, requests);
  if (nonMissing) {
    // Only a missing request is replaced; an explicit 0 stays 0, as kube-scheduler does.
    if (requests?.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (requests?.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/** How {@link podRequests} counts a container that requests nothing. */
export interface PodRequestsOptions {
  /**
   * Count a missing cpu request as 100m and a missing memory request as 200Mi, as
   * kube-scheduler does when scoring (NonMissingContainerRequests), so pods without
   * requests are not all piled onto one "empty" node. Filters never use this.
   */
  nonMissing?: boolean;
}

/**
 * A pod's effective requests, as Kubernetes computes them (resourcehelper.PodRequests):
 * the sum of its containers, raised to the largest init container's need (a regular
 * init container runs alongside the sidecars started before it; sidecars — init
 * containers with `restartPolicy: Always` — keep running and add to the sum), plus
 * `spec.overhead`. Pod-level `spec.resources` (alpha in 1.32, off by default) is not read.
 */
export function podRequests(pod: Pod, options: PodRequestsOptions = {}): Resources {
  const nonMissing = options.nonMissing ?? false;
  const spec = pod.spec;
  const total = emptyResources();
  for (const c of spec?.containers ?? []) addResources(total, containerRequests(c, nonMissing));

  const sidecars = emptyResources();
  const initPeak = emptyResources();
  for (const c of spec?.initContainers ?? []) {
    const own = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      addResources(total, own);
      addResources(sidecars, own);
      maxResources(initPeak, sidecars);
    } else {
      const during = copyResources(own);
      addResources(during, sidecars);
      maxResources(initPeak, during);
    }
  }
  maxResources(total, initPeak);
  addResourceList(total, spec?.overhead);
  return total;
}

/** Allocatable capacity of a node: the resources plus how many pods it takes. */
export interface AllocatableResources extends Resources {
  pods: number;
}

/** Allocatable resources read from a node's resource list (`status.allocatable`). */
export function nodeAllocatable(list: ResourceList | undefined): AllocatableResources {
  const r = emptyResources();
  addResourceList(r, list);
  return { ...r, pods: quantityValue(list?.pods) };
}
