import type { DaemonSet } from '../kinds/daemon-set';
import type { Affinity, Pod, PodSpec, Toleration } from '../kinds/pod';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { OwnerReference } from '../meta/types';
import { NODE_NAME_FIELD } from '../scheduling/node-affinity';
import { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, TAINT_NODE_UNSCHEDULABLE } from '../scheduling/node-info';
import { CONTROLLER_REVISION_HASH_LABEL } from '../statefulsets/controller-history';
import { podFromTemplate, type OwnerKind } from '../workloads/pod-control';

/**
 * DaemonSet pods (Kubernetes' pkg/controller/daemon/util): the tolerations every daemon pod
 * gets, the node affinity that pins it to its node, its revision labels, and how to tell
 * which node a pod is for and whether it runs the current template.
 */

/** The owner-reference kind of a DaemonSet. */
export const DAEMON_SET_OWNER_KIND: OwnerKind = { apiVersion: 'apps/v1', kind: 'DaemonSet' };
/** The annotation the API keeps the template generation in (extensions' spec.templateGeneration). */
export const DAEMON_SET_TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
/** extensions DaemonSetTemplateGenerationKey: the template generation a pod was made from. */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/**
 * The tolerations AddOrUpdateDaemonPodTolerations gives every daemon pod, in its order: it
 * survives taint-based eviction of a not-ready or unreachable node (NoExecute), and is
 * placed despite node pressure and cordoning (NoSchedule). Host-network pods also tolerate
 * network-unavailable.
 */
export function daemonPodDefaultTolerations(hostNetwork = false): Toleration[] {
  const tolerations: Toleration[] = [
    { key: TAINT_NODE_NOT_READY, operator: 'Exists', effect: 'NoExecute' },
    { key: TAINT_NODE_UNREACHABLE, operator: 'Exists', effect: 'NoExecute' },
    { key: TAINT_NODE_DISK_PRESSURE, operator: 'Exists', effect: 'NoSchedule' },
    { key: TAINT_NODE_MEMORY_PRESSURE, operator: 'Exists', effect: 'NoSchedule' },
    { key: TAINT_NODE_PID_PRESSURE, operator: 'Exists', effect: 'NoSchedule' },
    { key: TAINT_NODE_UNSCHEDULABLE, operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) tolerations.push({ key: TAINT_NODE_NETWORK_UNAVAILABLE, operator: 'Exists', effect: 'NoSchedule' });
  return tolerations;
}

/** Toleration.MatchToleration: same key, operator, value and effect (tolerationSeconds may differ). */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.effect ?? '') === (b.effect ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '')
  );
}

/**
 * AddOrUpdateTolerationInPodSpec for each default toleration: one that matches an existing
 * toleration replaces it (dropping a tolerationSeconds), others are appended.
 */
export function withDaemonPodTolerations(spec: PodSpec): PodSpec {
  let tolerations = [...(spec.tolerations ?? [])];
  for (const t of daemonPodDefaultTolerations(spec.hostNetwork === true)) {
    if (tolerations.some((x) => sameToleration(x, t))) tolerations = tolerations.map((x) => (sameToleration(x, t) ? { ...t } : x));
    else tolerations.push({ ...t });
  }
  return { ...spec, tolerations };
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: required node affinity with the single term
 * `matchFields metadata.name In [node]`, replacing any required terms (the controller has
 * already checked them against the node); preferred terms and pod (anti-)affinity are kept.
 */
export function withDaemonPodNodeAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: NODE_NAME_FIELD, operator: 'In', values: [nodeName] }] }] };
  const copy: Affinity = structuredClone(affinity ?? {});
  copy.nodeAffinity = { ...(copy.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return copy;
}

/**
 * GetTargetNodeName: the node a daemon pod is for — spec.nodeName once bound, else the
 * `metadata.name In [node]` field requirement of its required node affinity.
 */
export function daemonPodTargetNode(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) {
      if (f.key === NODE_NAME_FIELD && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** GetTemplateGeneration: the DaemonSet's template generation annotation as a number, if set and valid. */
export function daemonSetTemplateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata.annotations?.[DAEMON_SET_TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** IsPodUpdated: the pod carries the current revision hash (or the current template generation). */
export function isDaemonPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const templateMatches = generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

/** CreatePodTemplate: the template with the daemon tolerations, the generation label (if known) and the revision hash label. */
export function daemonSetPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const template: PodTemplateSpec = structuredClone(ds.spec?.template ?? {});
  template.spec = withDaemonPodTolerations(template.spec ?? { containers: [] });
  const labels = { ...(template.metadata?.labels ?? {}) };
  const generation = daemonSetTemplateGeneration(ds);
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  template.metadata = { ...(template.metadata ?? {}), labels };
  return template;
}

/**
 * The pod to create for a node (syncNodes): generateName `<ds>-`, the template with the daemon
 * tolerations and revision labels, required node affinity for exactly that node (so the
 * scheduler binds it there), and the controller reference.
 */
export function newDaemonPod(ds: DaemonSet, hash: string, nodeName: string, controllerRef: OwnerReference): Pod {
  const template = daemonSetPodTemplate(ds, hash);
  const spec = template.spec ?? { containers: [] };
  template.spec = { ...spec, affinity: withDaemonPodNodeAffinity(spec.affinity, nodeName) };
  return podFromTemplate(template, ds, controllerRef);
}

/** podByCreationTimestampAndPhase: bound pods first, then oldest first, then by name. */
export function compareDaemonPods(a: Pod, b: Pod): number {
  const ab = !!a.spec?.nodeName;
  const bb = !!b.spec?.nodeName;
  if (ab !== bb) return ab ? -1 : 1;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}
