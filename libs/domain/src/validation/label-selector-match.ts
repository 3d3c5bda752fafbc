import type { LabelSelector } from '../kinds/common';
import { matches } from '../selectors/label-requirement';
import { labelSelectorAsRequirements } from '../selectors/label-selector-object';

/** Whether a set of labels satisfies a selector (an invalid selector matches nothing). */
export function labelSelectorMatches(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const conv = labelSelectorAsRequirements(selector);
  return conv.ok && matches(conv.requirements, labels ?? {});
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}
