import { quote } from './go-quote';
import { serviceAccountUsername } from './user-info';
import { RBAC_GROUP, type ClusterRoleBinding, type PolicyRule, type RbacPolicy, type RoleBinding, type RoleRef, type Subject, type UserInfo } from './types';

/** The binding, and the subject in it, through which a user holds a rule. */
export type RuleSource =
  | { kind: 'ClusterRoleBinding'; binding: ClusterRoleBinding; subject: Subject }
  | { kind: 'RoleBinding'; binding: RoleBinding; subject: Subject };

/** A rule the user holds, or a binding whose role could not be resolved. */
export type RuleVisit = { rule: PolicyRule; source: RuleSource } | { error: string };

/**
 * Every rule that applies to `user` in `namespace`, in kube-apiserver's order:
 * ClusterRoleBindings first (they hold everywhere), then, for a namespaced request,
 * the RoleBindings of that namespace. A binding whose role is missing yields an
 * error instead of rules and the walk goes on, since rules only ever add
 * permissions. Lazy, so an authorizer can stop at the first rule that allows.
 */
export function* visitRulesFor(user: UserInfo, namespace: string, policy: RbacPolicy): Generator<RuleVisit> {
  for (const binding of policy.listClusterRoleBindings()) {
    const subject = firstApplicableSubject(user, binding.subjects, '');
    if (!subject) continue;
    const resolved = roleRefRules(binding.roleRef, '', policy);
    if ('error' in resolved) {
      yield resolved;
      continue;
    }
    for (const rule of resolved.rules) yield { rule, source: { kind: 'ClusterRoleBinding', binding, subject } };
  }
  if (!namespace) return;
  for (const binding of policy.listRoleBindings(namespace)) {
    const subject = firstApplicableSubject(user, binding.subjects, namespace);
    if (!subject) continue;
    const resolved = roleRefRules(binding.roleRef, namespace, policy);
    if ('error' in resolved) {
      yield resolved;
      continue;
    }
    for (const rule of resolved.rules) yield { rule, source: { kind: 'RoleBinding', binding, subject } };
  }
}

/**
 * The effective rules of `user` in `namespace` (cluster-wide rules plus that
 * namespace's), or only the cluster-wide ones when `namespace` is `''`. Unresolvable
 * bindings contribute nothing; `subjectRulesReviewStatus` reports them.
 */
export function rulesFor(user: UserInfo, namespace: string, policy: RbacPolicy): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const visit of visitRulesFor(user, namespace, policy)) if ('rule' in visit) rules.push(visit.rule);
  return rules;
}

/**
 * The rules a binding's roleRef grants. A Role is looked up in the binding's
 * namespace; errors read as kube-apiserver's listers word them.
 */
export function roleRefRules(roleRef: RoleRef, bindingNamespace: string, policy: RbacPolicy): { rules: PolicyRule[] } | { error: string } {
  switch (roleRef.kind) {
    case 'Role': {
      const role = bindingNamespace ? policy.getRole(bindingNamespace, roleRef.name) : undefined;
      return role ? { rules: role.rules ?? [] } : { error: `role.${RBAC_GROUP} ${quote(roleRef.name)} not found` };
    }
    case 'ClusterRole': {
      const role = policy.getClusterRole(roleRef.name);
      return role ? { rules: role.rules ?? [] } : { error: `clusterrole.${RBAC_GROUP} ${quote(roleRef.name)} not found` };
    }
    default:
      return { error: `unsupported role reference kind: ${quote(roleRef.kind)}` };
  }
}

function firstApplicableSubject(user: UserInfo, subjects: readonly Subject[] | undefined, bindingNamespace: string): Subject | undefined {
  return (subjects ?? []).find((s) => subjectMatches(user, s, bindingNamespace));
}

/**
 * Users match by name and groups by membership. A ServiceAccount subject without a
 * namespace means the RoleBinding's own namespace; in a ClusterRoleBinding it
 * matches nobody. The subject's apiGroup is not consulted, as in kube-apiserver.
 */
export function subjectMatches(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== '' && user.name === serviceAccountUsername(namespace, subject.name);
    }
    default:
      return false;
  }
}

/** How kube-apiserver names the source of an allowing rule: `RoleBinding "dev/team-a" of ClusterRole "edit" to User "alice"`. */
export function describeRuleSource(source: RuleSource): string {
  const { binding, subject } = source;
  const namespace = binding.metadata.namespace ?? '';
  const name = source.kind === 'RoleBinding' ? `${binding.metadata.name ?? ''}/${namespace}` : binding.metadata.name ?? '';
  const subjectNamespace = source.kind === 'RoleBinding' ? namespace : '';
  return `${source.kind} ${quote(name)} of ${binding.roleRef.kind} ${quote(binding.roleRef.name)} to ${describeSubject(subject, subjectNamespace)}`;
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') return `${subject.kind} ${quote(`${subject.name}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind} ${quote(subject.name)}`;
}
