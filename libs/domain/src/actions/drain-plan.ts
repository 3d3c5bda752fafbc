import type { Pod } from '../kinds/pod';
import type { StatusCause } from '../meta/types';
import { controllerRefOf } from '../workloads/pod-control';
import { invalidArguments } from './action-errors';

/** The annotation a kubelet puts on the API copy of a static pod; such pods are not the API's to evict. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** What a drain may remove, as kubectl drain's flags: --force, --ignore-daemonsets, --delete-emptydir-data. */
export interface DrainOptions {
  force?: boolean;
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
}

/** One pod the drain leaves alone, and why. */
export interface SkippedPod {
  pod: Pod;
  reason: 'MirrorPod' | 'DaemonSetPod';
}

export interface DrainPlan {
  /** Pods to evict, in the listed order. */
  evict: Pod[];
  skipped: SkippedPod[];
  /** kubectl's warnings: `ignoring DaemonSet-managed Pods: default/ds-x`. */
  warnings: string[];
  /** Why the drain cannot go on, one cause per argument that would allow it; empty when it can. */
  refusals: StatusCause[];
}

type Verdict = { evict: true; warnings: string[] } | { evict: false; skip?: SkippedPod['reason']; warnings: string[]; refusal?: Refusal };
type Refusal = 'daemonSet' | 'localStorage' | 'unmanaged' | 'orphanedDaemonSet';

const REFUSALS: Record<Refusal, { field: string; message: string }> = {
  daemonSet: { field: 'ignoreDaemonSets', message: 'cannot delete DaemonSet-managed Pods (set ignoreDaemonSets to ignore them)' },
  localStorage: { field: 'deleteEmptyDirData', message: 'cannot delete Pods with local storage (set deleteEmptyDirData to delete them and their emptyDir data)' },
  unmanaged: { field: 'force', message: 'cannot delete Pods that declare no controller (set force to delete them)' },
  orphanedDaemonSet: { field: 'force', message: 'cannot delete Pods of a DaemonSet that no longer exists (set force to delete them)' },
};

const key = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;
const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/**
 * Whether one pod goes, as kubectl drain's filters decide in turn: a mirror pod is skipped;
 * a running DaemonSet pod is refused or (ignoreDaemonSets) skipped, since its DaemonSet
 * would make it again at once; a pod with emptyDir data needs deleteEmptyDirData; a pod
 * with no controller (nothing would make it again) needs force. Finished pods always go.
 */
function verdict(pod: Pod, opts: DrainOptions, daemonSetExists: (namespace: string, name: string) => boolean): Verdict {
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return { evict: false, skip: 'MirrorPod', warnings: [] };
  const warnings: string[] = [];
  const controller = controllerRefOf(pod);
  if (controller?.kind === 'DaemonSet' && !finished(pod)) {
    if (!daemonSetExists(pod.metadata.namespace ?? '', controller.name)) {
      if (!opts.force) return { evict: false, warnings, refusal: 'orphanedDaemonSet' };
      warnings.push('deleting Pods of a DaemonSet that no longer exists');
    } else if (!opts.ignoreDaemonSets) {
      return { evict: false, warnings, refusal: 'daemonSet' };
    } else {
      return { evict: false, skip: 'DaemonSetPod', warnings: ['ignoring DaemonSet-managed Pods'] };
    }
  }
  if (!finished(pod) && (pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined)) {
    if (!opts.deleteEmptyDirData) return { evict: false, warnings, refusal: 'localStorage' };
    warnings.push('deleting Pods with local storage');
  }
  if (!finished(pod) && !controller) {
    if (!opts.force) return { evict: false, warnings, refusal: 'unmanaged' };
    warnings.push('deleting Pods that declare no controller');
  }
  return { evict: true, warnings };
}

/**
 * Which of a node's pods a drain evicts, skips and refuses to touch. Warnings and refusals
 * are grouped as kubectl prints them, each naming its pods (`namespace/name`).
 */
export function planDrain(pods: readonly Pod[], opts: DrainOptions, daemonSetExists: (namespace: string, name: string) => boolean): DrainPlan {
  const plan: DrainPlan = { evict: [], skipped: [], warnings: [], refusals: [] };
  const warned = new Map<string, string[]>();
  const refused = new Map<Refusal, string[]>();
  for (const pod of pods) {
    const v = verdict(pod, opts, daemonSetExists);
    for (const w of v.warnings) warned.set(w, [...(warned.get(w) ?? []), key(pod)]);
    if (v.evict) plan.evict.push(pod);
    else if (v.refusal) refused.set(v.refusal, [...(refused.get(v.refusal) ?? []), key(pod)]);
    else if (v.skip) plan.skipped.push({ pod, reason: v.skip });
  }
  for (const [warning, names] of warned) plan.warnings.push(`${warning}: ${names.join(', ')}`);
  for (const [refusal, names] of refused) {
    const { field, message } = REFUSALS[refusal];
    plan.refusals.push({ reason: 'FieldValueForbidden', field, message: `${message}: ${names.join(', ')}` });
  }
  return plan;
}

/** The 422 a refused drain answers with (undefined when the plan can go ahead). */
export function drainRefusal(node: string, plan: DrainPlan) {
  return plan.refusals.length ? invalidArguments(plan.refusals, { group: '', kind: 'Node', name: node }) : undefined;
}
