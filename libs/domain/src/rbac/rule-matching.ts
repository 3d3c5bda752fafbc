import { isResourceRequest, type NonResourceAttributes, type PolicyRule, type RequestAttributes, type ResourceAttributes } from './types';

/** The wildcard of verbs, apiGroups, resources and nonResourceURLs. */
export const WILDCARD = '*';

/** Whether one rule grants the request: every dimension must match (kube-apiserver's RuleAllows). */
export function ruleAllows(rule: PolicyRule, attrs: RequestAttributes): boolean {
  return isResourceRequest(attrs) ? ruleAllowsResource(rule, attrs) : ruleAllowsNonResource(rule, attrs);
}

/** Whether any of the rules grants the request. */
export function rulesAllow(rules: readonly PolicyRule[], attrs: RequestAttributes): boolean {
  return rules.some((rule) => ruleAllows(rule, attrs));
}

function ruleAllowsResource(rule: PolicyRule, attrs: ResourceAttributes): boolean {
  return (
    verbMatches(rule, attrs.verb) &&
    apiGroupMatches(rule, attrs.apiGroup) &&
    resourceMatches(rule, attrs.resource, attrs.subresource ?? '') &&
    resourceNameMatches(rule, attrs.name ?? '')
  );
}

function ruleAllowsNonResource(rule: PolicyRule, attrs: NonResourceAttributes): boolean {
  return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === WILDCARD || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === WILDCARD || g === group);
}

/**
 * A rule resource matches when it is `*`, equals `resource` or `resource/subresource`
 * exactly, or is the wildcard resource with the request's subresource (`*` then
 * `/log` matches `pods/log`). Nothing else is a pattern: `pods/*` is a literal that no
 * request names, and `pods` does not reach `pods/log`.
 */
export function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) => r === WILDCARD || r === combined || (subresource !== '' && r === `${WILDCARD}/${subresource}`),
  );
}

/**
 * No resourceNames means any object. Otherwise the request must name one of them,
 * so a named rule never grants create, deletecollection, or a list/watch without a
 * `metadata.name` field selector: those requests carry no name.
 */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** `*` matches every path; `/apis/*` matches every path starting `/apis/`; otherwise exact. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((url) => nonResourceURLCovers(url, path));
}

/** Also the escalation check's comparison of one URL pattern with another. */
export function nonResourceURLCovers(pattern: string, path: string): boolean {
  if (pattern === WILDCARD || pattern === path) return true;
  return pattern.endsWith(WILDCARD) && path.startsWith(pattern.replace(/\*+$/, ''));
}
