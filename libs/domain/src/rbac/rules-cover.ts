import { nonResourceURLCovers, WILDCARD } from './rule-matching';
import type { PolicyRule } from './types';

/**
 * Whether `ownerRules` grant everything `requestedRules` do: kube-apiserver's test
 * before letting a user write a role or binding that grants permissions. Each
 * requested rule is broken into single permissions, and each of those must be
 * covered by one owner rule on its own.
 */
export function rulesCover(ownerRules: readonly PolicyRule[], requestedRules: readonly PolicyRule[]): boolean {
  return uncoveredRules(ownerRules, requestedRules).length === 0;
}

/** The single permissions of `requestedRules` no owner rule covers (the escalation error lists them). */
export function uncoveredRules(ownerRules: readonly PolicyRule[], requestedRules: readonly PolicyRule[]): PolicyRule[] {
  return requestedRules.flatMap(breakdownRule).filter((sub) => !ownerRules.some((owner) => ruleCovers(owner, sub)));
}

/**
 * One rule per (apiGroup, resource, verb[, resourceName]) and per (URL, verb). A
 * resource rule without apiGroups breaks into nothing, as upstream: validation
 * rejects such rules before they get here.
 */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  const names = rule.resourceNames ?? [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        if (names.length === 0) out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
        for (const name of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) {
    for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  }
  return out;
}

/**
 * Whether one owner rule covers a broken-down rule. Wildcards only cover by being
 * wildcards: an owner needs `*` itself to cover a requested `*`; the wildcard
 * resource with `/scale` covers `deployments/scale`, but `deployments` does not. An owner limited to
 * resourceNames never covers a requested rule without them.
 */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const ownerNames = owner.resourceNames ?? [];
  const subNames = sub.resourceNames ?? [];
  const namesCovered = ownerNames.length === 0 || (subNames.length > 0 && hasAll(ownerNames, subNames));
  return (
    (owner.verbs.includes(WILDCARD) || hasAll(owner.verbs, sub.verbs)) &&
    ((owner.apiGroups ?? []).includes(WILDCARD) || hasAll(owner.apiGroups ?? [], sub.apiGroups ?? [])) &&
    resourcesCoverAll(owner.resources ?? [], sub.resources ?? []) &&
    (sub.nonResourceURLs ?? []).every((url) => (owner.nonResourceURLs ?? []).some((pattern) => nonResourceURLCovers(pattern, url))) &&
    namesCovered
  );
}

function resourcesCoverAll(owned: readonly string[], requested: readonly string[]): boolean {
  if (owned.includes(WILDCARD)) return true;
  return requested.every((resource) => {
    if (owned.includes(resource)) return true;
    const slash = resource.indexOf('/');
    return slash >= 0 && owned.includes(`${WILDCARD}${resource.slice(slash)}`);
  });
}

function hasAll(set: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((w) => set.includes(w));
}
