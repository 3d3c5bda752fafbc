import type { KubeObject, LabelSelector } from '@skiff/domain';
import { labelSelectorAsRequirements, labelSelectorFromSet } from '@skiff/domain/selectors/label-selector-object';
import { selectorToString } from '@skiff/domain/selectors/label-requirement';

/** Kinds whose spec.selector is a plain label map rather than a LabelSelector. */
const MAP_SELECTOR_KINDS = ['Service', 'ReplicationController'];

/**
 * The label selector of the pods an object selects (`app=web,tier in (a,b)`), for narrowing
 * a pod list on the server; undefined when it selects none (a Service without a selector).
 */
export function podSelectorOf(object: KubeObject): string | undefined {
  const selector = (object.spec as { selector?: unknown } | undefined)?.selector;
  if (!selector || typeof selector !== 'object') return undefined;
  if (MAP_SELECTOR_KINDS.includes(object.kind ?? '')) {
    const labels = selector as Record<string, string>;
    return Object.keys(labels).length ? selectorToString(labelSelectorFromSet(labels)) : undefined;
  }
  const converted = labelSelectorAsRequirements(selector as LabelSelector);
  return converted.ok && converted.requirements ? selectorToString(converted.requirements) : undefined;
}

/** Whether an owner reference of `object` names one of `ownerUids`. */
export function isOwnedBy(object: KubeObject, ownerUids: ReadonlySet<string>): boolean {
  return (object.metadata.ownerReferences ?? []).some((r) => ownerUids.has(r.uid));
}
