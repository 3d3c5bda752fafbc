import type { PodStatus } from '../kinds/pod';
import { asArray, asRecord, asText, hasOwn, isRecord } from '../validation/json-access';
import { tryParseQuantityExact } from '../validation/quantity';
import { defaultPodSpec } from './pod-spec-defaults';

/** How long pods stay bound to a node that went NotReady/unreachable before eviction. */
export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;

const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** Requests default to limits on a Pod (not on templates), per resource. */
function defaultRequestsFromLimits(containers: unknown): void {
  for (const c of asArray(containers)) {
    if (!isRecord(c) || !isRecord(c.resources) || !isRecord(c.resources.limits)) continue;
    const requests: Record<string, unknown> = isRecord(c.resources.requests) ? c.resources.requests : (c.resources.requests = {});
    for (const [k, v] of Object.entries(c.resources.limits)) {
      if (!hasOwn(requests, k)) requests[k] = v;
    }
  }
}

/** With host networking every container port is also a host port. */
function defaultHostNetworkPorts(containers: unknown): void {
  for (const c of asArray(containers)) {
    for (const p of asArray(asRecord(c).ports)) {
      if (isRecord(p) && !p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

/**
 * What the DefaultTolerationSeconds admission plugin adds: tolerate a NotReady or
 * unreachable node for five minutes, so the node lifecycle controller evicts after that.
 */
function defaultNodeProblemTolerations(spec: Record<string, unknown>): void {
  const tolerations = asArray(spec.tolerations).map(asRecord);
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
    .filter((key) => !tolerates(key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS }));
  if (added.length) spec.tolerations = [...asArray(spec.tolerations), ...added];
}

/** Pod defaults: the PodSpec ones plus those only a Pod gets (service links, priority, tolerations). */
export function defaultPod(pod: Record<string, unknown>): void {
  if (!isRecord(pod.spec)) pod.spec = {};
  const spec = pod.spec as Record<string, unknown>;
  defaultRequestsFromLimits(spec.containers);
  defaultRequestsFromLimits(spec.initContainers);
  defaultPodSpec(spec);
  if (typeof spec.enableServiceLinks !== 'boolean') spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    defaultHostNetworkPorts(spec.containers);
    defaultHostNetworkPorts(spec.initContainers);
  }
  // Priority admission: no PriorityClass objects are served, so only the built-in ones count.
  if (typeof spec.priority !== 'number') spec.priority = SYSTEM_PRIORITIES[asText(spec.priorityClassName ?? '')] ?? 0;
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
  defaultNodeProblemTolerations(spec);
}

type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** The pod's QoS class from its containers' cpu/memory requests and limits. */
export function podQOSClass(pod: Record<string, unknown>): QOSClass {
  const spec = asRecord(pod.spec);
  const containers = [...asArray(spec.containers), ...asArray(spec.initContainers)].map(asRecord);
  const compute = ['cpu', 'memory'];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const res = asRecord(c.resources);
    const requests = asRecord(res.requests);
    const limits = asRecord(res.limits);
    for (const r of compute) {
      const req = quantityNanos(requests[r]);
      const lim = quantityNanos(limits[r]);
      if ((req !== undefined && req !== 0n) || (lim !== undefined && lim !== 0n)) any = true;
      // A missing request counts as equal to the limit (requests default to limits).
      if (lim === undefined || (req !== undefined && req !== lim)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function quantityNanos(v: unknown): bigint | undefined {
  return typeof v === 'string' || typeof v === 'number' ? tryParseQuantityExact(v)?.nanos : undefined;
}

/** The status a new Pod is stored with (the registry sets it; clients may not). */
export function podInitialStatus(pod: Record<string, unknown>): PodStatus {
  return { phase: 'Pending', qosClass: podQOSClass(pod) };
}
