import { aggregateErrors } from './authorizer';
import { visitRulesFor } from './rule-resolver';
import type { RbacPolicy, UserInfo } from './types';

/** authorization.k8s.io/v1 ResourceRule. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** authorization.k8s.io/v1 NonResourceRule. */
export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** authorization.k8s.io/v1 SubjectRulesReviewStatus. */
export interface SubjectRulesReviewStatus {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  evaluationError?: string;
}

/**
 * The status of a SelfSubjectRulesReview (`kubectl auth can-i --list`): the user's
 * rules in `namespace`, resource rules and URL rules listed apart. Bindings to
 * missing roles show in evaluationError; RBAC still calls the list complete, since
 * such bindings grant nothing. Membership of `system:masters` is not a rule, so it
 * shows only through the cluster-admin binding the bootstrap policy gives that group.
 */
export function subjectRulesReviewStatus(user: UserInfo, namespace: string, policy: RbacPolicy): SubjectRulesReviewStatus {
  const status: SubjectRulesReviewStatus = { resourceRules: [], nonResourceRules: [], incomplete: false };
  const errors: string[] = [];
  for (const visit of visitRulesFor(user, namespace, policy)) {
    if ('error' in visit) {
      errors.push(visit.error);
      continue;
    }
    const { rule } = visit;
    if (rule.resources?.length) {
      const r: ResourceRule = { verbs: [...rule.verbs], apiGroups: [...(rule.apiGroups ?? [])], resources: [...rule.resources] };
      if (rule.resourceNames?.length) r.resourceNames = [...rule.resourceNames];
      status.resourceRules.push(r);
    }
    if (rule.nonResourceURLs?.length) status.nonResourceRules.push({ verbs: [...rule.verbs], nonResourceURLs: [...rule.nonResourceURLs] });
  }
  if (errors.length) status.evaluationError = aggregateErrors(errors);
  return status;
}
