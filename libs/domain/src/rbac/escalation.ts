import { aggregateErrors, authorize } from './authorizer';
import { quote, quoteList } from './go-quote';
import { roleRefRules, visitRulesFor } from './rule-resolver';
import { uncoveredRules } from './rules-cover';
import { SYSTEM_MASTERS_GROUP } from './user-info';
import { RBAC_GROUP, type AggregationRule, type PolicyRule, type RbacPolicy, type ResourceAttributes, type RoleRef, type UserInfo } from './types';

/**
 * Whether a write that grants permissions may go ahead. When not, `reason` is the
 * error kube-apiserver wraps in its 403 (`forbiddenObjectError(group, resource, name, reason)`).
 */
export interface EscalationDecision {
  allowed: boolean;
  reason: string;
}

/** What a writer must hold to set an aggregationRule, which can gather any rule: everything. */
const FULL_AUTHORITY: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

/**
 * Creating or updating a Role or ClusterRole, as kube-apiserver's RBAC storage
 * guards it: allowed for `system:masters`, for a user granted the `escalate` verb
 * on the role (checked with the request's namespace and name), or when the user
 * already holds every rule the role grants in the request's namespace (`''` for
 * ClusterRoles). A ClusterRole with an aggregationRule can gather any rule, so
 * setting one also takes full authority.
 *
 * `request` is the create or update request on `roles` or `clusterroles`. Like
 * upstream, callers may skip the check for an update that changes only the fields
 * garbage collection writes (finalizers, ownerReferences).
 */
export function checkRoleEscalation(
  user: UserInfo,
  request: ResourceAttributes,
  role: { rules?: PolicyRule[]; aggregationRule?: AggregationRule },
  policy: RbacPolicy,
): EscalationDecision {
  if (escalationAllowed(user)) return { allowed: true, reason: '' };
  const isRoleResource = request.apiGroup === RBAC_GROUP && (request.resource === 'roles' || request.resource === 'clusterroles');
  if (isRoleResource && authorize(user, { verb: 'escalate', apiGroup: request.apiGroup, resource: request.resource, namespace: request.namespace, name: request.name }, policy).allowed) {
    return { allowed: true, reason: '' };
  }
  const namespace = request.namespace ?? '';
  const held = confirmNoEscalation(user, namespace, role.rules ?? [], policy);
  if (!held.allowed) return held;
  if (role.aggregationRule && !confirmNoEscalation(user, namespace, FULL_AUTHORITY, policy).allowed) {
    return { allowed: false, reason: 'must have cluster-admin privileges to use the aggregationRule' };
  }
  return held;
}

/**
 * Creating or updating a RoleBinding or ClusterRoleBinding: allowed for
 * `system:masters`, for a user granted `bind` on the referenced role (in the
 * binding's namespace, `''` for ClusterRoleBindings), or when the user already
 * holds every rule of the referenced role there.
 */
export function checkBindingEscalation(user: UserInfo, bindingNamespace: string, roleRef: RoleRef, policy: RbacPolicy): EscalationDecision {
  if (escalationAllowed(user)) return { allowed: true, reason: '' };
  if (roleRef.kind === 'Role' || roleRef.kind === 'ClusterRole') {
    const resource = roleRef.kind === 'Role' ? 'roles' : 'clusterroles';
    const bind: ResourceAttributes = { verb: 'bind', apiGroup: roleRef.apiGroup, resource, name: roleRef.name, namespace: bindingNamespace };
    if (authorize(user, bind, policy).allowed) return { allowed: true, reason: '' };
  }
  const resolved = roleRefRules(roleRef, bindingNamespace, policy);
  if ('error' in resolved) return { allowed: false, reason: resolved.error };
  return confirmNoEscalation(user, bindingNamespace, resolved.rules, policy);
}

/** Members of `system:masters` may grant anything: the API server's own loopback identity is one. */
export function escalationAllowed(user: UserInfo): boolean {
  return user.groups.includes(SYSTEM_MASTERS_GROUP);
}

/**
 * Whether `user` holds every one of `rules` in `namespace`; if not, the reason lists
 * what is missing, and any bindings whose roles could not be resolved.
 */
export function confirmNoEscalation(user: UserInfo, namespace: string, rules: readonly PolicyRule[], policy: RbacPolicy): EscalationDecision {
  const held: PolicyRule[] = [];
  const errors: string[] = [];
  for (const visit of visitRulesFor(user, namespace, policy)) {
    if ('rule' in visit) held.push(visit.rule);
    else errors.push(visit.error);
  }
  const missing = uncoveredRules(held, rules);
  if (missing.length === 0) return { allowed: true, reason: '' };
  let reason = escalationMessage(user, missing);
  if (errors.length) reason += `; resolution errors: [${aggregateErrors(errors)}]`;
  return { allowed: false, reason };
}

/** kube-apiserver's wording, the missing permissions compacted, one per line, sorted. */
export function escalationMessage(user: UserInfo, missing: readonly PolicyRule[]): string {
  const lines = [...new Set(compactRules(missing).map(compactRuleString))].sort();
  return `user ${quote(user.name)} (groups=${quoteList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
}

/**
 * Folds broken-down rules that differ only in verb back together (one group, one
 * resource, at most one name), so the error reads `Verbs:["get" "list"]` once.
 */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const simple = new Map<string, PolicyRule>();
  const out: PolicyRule[] = [];
  for (const r of rules) {
    const key = simpleResourceKey(r);
    if (key === undefined) {
      out.push(r);
      continue;
    }
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...r.verbs);
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

function simpleResourceKey(r: PolicyRule): string | undefined {
  const names = r.resourceNames ?? [];
  if (names.length > 1 || (r.nonResourceURLs ?? []).length > 0) return undefined;
  if ((r.apiGroups ?? []).length !== 1 || (r.resources ?? []).length !== 1) return undefined;
  return JSON.stringify([r.apiGroups![0], r.resources![0], names.length ? names[0] : null]);
}

/** A rule as RBAC error messages print it: `{APIGroups:["apps"], Resources:["deployments"], Verbs:["get"]}`. */
export function compactRuleString(r: PolicyRule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${quoteList(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${quoteList(r.resources)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${quoteList(r.nonResourceURLs)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${quoteList(r.resourceNames)}`);
  if (r.verbs.length) parts.push(`Verbs:${quoteList(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}
