import { describeRuleSource, visitRulesFor } from './rule-resolver';
import { ruleAllows } from './rule-matching';
import { SYSTEM_MASTERS_GROUP } from './user-info';
import { isResourceRequest, type AuthorizationDecision, type RbacPolicy, type RequestAttributes, type UserInfo } from './types';

/**
 * kube-apiserver's authorization of one request, as its default chain decides it:
 * `system:masters` is allowed outright, then RBAC allows the request if any rule the
 * user holds in the request's namespace matches (RBAC only allows; nothing denies).
 *
 * An allowed reason names the binding (`RBAC: allowed by ClusterRoleBinding …`);
 * masters get `''`, as the privileged-group authorizer gives none. A denied reason
 * is `''` unless some binding referenced a missing role, in which case it is
 * `RBAC: <errors>` — the suffix kube-apiserver appends to its Forbidden message.
 *
 * `user.groups` is used as given: add `system:authenticated` at authentication
 * (`withAuthenticatedGroup`), as kube-apiserver does.
 */
export function authorize(user: UserInfo, attrs: RequestAttributes, policy: RbacPolicy): AuthorizationDecision {
  if (user.groups.includes(SYSTEM_MASTERS_GROUP)) return { allowed: true, reason: '' };
  const namespace = isResourceRequest(attrs) ? attrs.namespace ?? '' : '';
  const errors: string[] = [];
  for (const visit of visitRulesFor(user, namespace, policy)) {
    if ('error' in visit) {
      errors.push(visit.error);
    } else if (ruleAllows(visit.rule, attrs)) {
      return { allowed: true, reason: `RBAC: allowed by ${describeRuleSource(visit.source)}` };
    }
  }
  return { allowed: false, reason: errors.length ? `RBAC: ${aggregateErrors(errors)}` : '' };
}

/** apimachinery's aggregate error text: one message alone, several as `[a, b]`, repeats dropped. */
export function aggregateErrors(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
