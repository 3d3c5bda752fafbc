import { Errors, type StatusError } from '../errors/status-error';
import type { ReadOnlyResourceType } from '../metrics/resource-metrics';
import { authorize } from './authorizer';
import { subjectRulesReviewStatus, type SubjectRulesReviewStatus } from './rules-review';
import type { RbacPolicy, RequestAttributes, UserInfo } from './types';

export const AUTHORIZATION_GROUP = 'authorization.k8s.io';

/** The reviews a user posts about itself (`kubectl auth can-i`, `--list`): created, answered, never stored. */
export const AUTHORIZATION_RESOURCE_TYPES: readonly ReadOnlyResourceType[] = [
  { group: AUTHORIZATION_GROUP, version: 'v1', kind: 'SelfSubjectAccessReview', resource: 'selfsubjectaccessreviews', singular: '', namespaced: false, subresources: [], hasStatus: false, verbs: ['create'] },
  { group: AUTHORIZATION_GROUP, version: 'v1', kind: 'SelfSubjectRulesReview', resource: 'selfsubjectrulesreviews', singular: '', namespaced: false, subresources: [], hasStatus: false, verbs: ['create'] },
];

export function findAuthorizationResourceType(version: string, resource: string): ReadOnlyResourceType | undefined {
  return AUTHORIZATION_RESOURCE_TYPES.find((t) => t.version === version && t.resource === resource);
}

interface ReviewBody {
  metadata?: Record<string, unknown>;
  spec?: {
    resourceAttributes?: { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string };
    nonResourceAttributes?: { path?: string; verb?: string };
    namespace?: string;
  };
}

/**
 * A review as kube-apiserver answers it: the posted object with its status filled in
 * (`allowed`, and the reason RBAC gives), or 422 when the spec does not say one thing to
 * ask about. `user` is the caller as authenticated (with system:authenticated).
 */
export function answerReview(kind: 'SelfSubjectAccessReview' | 'SelfSubjectRulesReview', body: unknown, user: UserInfo, policy: RbacPolicy): Record<string, unknown> {
  const review = (body && typeof body === 'object' ? body : {}) as ReviewBody;
  const base = { kind, apiVersion: `${AUTHORIZATION_GROUP}/v1`, metadata: { ...(review.metadata ?? {}), creationTimestamp: null } };
  if (kind === 'SelfSubjectRulesReview') {
    const status: SubjectRulesReviewStatus = subjectRulesReviewStatus(user, review.spec?.namespace ?? '', policy);
    return { ...base, spec: review.spec ?? {}, status };
  }
  const spec = review.spec ?? {};
  const attrs = accessAttributes(spec);
  const decision = authorize(user, attrs, policy);
  return { ...base, spec, status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) } };
}

function accessAttributes(spec: NonNullable<ReviewBody['spec']>): RequestAttributes {
  const r = spec.resourceAttributes;
  const n = spec.nonResourceAttributes;
  if (!!r === !!n) throw invalid('spec.resourceAttributes', 'exactly one of nonResourceAttributes or resourceAttributes must be specified');
  if (n) return { verb: n.verb ?? '', path: n.path ?? '' };
  return {
    verb: r!.verb ?? '',
    apiGroup: r!.group ?? '',
    resource: r!.resource ?? '',
    ...(r!.subresource ? { subresource: r!.subresource } : {}),
    ...(r!.namespace ? { namespace: r!.namespace } : {}),
    ...(r!.name ? { name: r!.name } : {}),
  };
}

function invalid(field: string, message: string): StatusError {
  return Errors.invalid(AUTHORIZATION_GROUP, 'SelfSubjectAccessReview', '', [{ reason: 'FieldValueInvalid', field, message: `Invalid value: "null": ${message}` }]);
}
