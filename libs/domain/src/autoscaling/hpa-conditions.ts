import type { HorizontalPodAutoscalerCondition } from '../kinds/horizontal-pod-autoscaler';
import { rfc3339 } from '../lifecycle/object-lifecycle';

export type HpaConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

/**
 * setConditionInList: sets a condition in place (appending a new type), moving its
 * lastTransitionTime only when the status changes. Returns a new list.
 */
export function setHpaCondition(
  conditions: readonly HorizontalPodAutoscalerCondition[],
  type: HpaConditionType | string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: Date,
): HorizontalPodAutoscalerCondition[] {
  const list = conditions.map((c) => ({ ...c }));
  let existing = list.find((c) => c.type === type);
  if (!existing) {
    existing = { type, status: '' };
    list.push(existing);
  }
  if (existing.status !== status) existing.lastTransitionTime = rfc3339(now);
  existing.status = status;
  existing.reason = reason;
  existing.message = message;
  return list;
}

export function findHpaCondition(conditions: readonly HorizontalPodAutoscalerCondition[] | undefined, type: string): HorizontalPodAutoscalerCondition | undefined {
  return conditions?.find((c) => c.type === type);
}
