import {
  answerReview,
  authorize,
  checkGrant,
  Errors,
  forbiddenObjectError,
  grantsPermissions,
  impersonatedUser,
  impersonationChecks,
  RBAC_GROUP,
  forbiddenError,
  groupResource,
  nodeMayWrite,
  nodeRequestAllowed,
  resourceAttributes,
  withAuthenticatedGroup,
  type ImpersonationRequest,
  type KubeObject,
  type RequestAttributes,
  type ResourceRequest,
  type ResourceType,
} from '@skiff/domain';
import type { RequestContext } from '../registry/request-context';
import type { RbacPolicyCache } from './rbac-policy-cache';

/** What the registry checks on each object a request touches or writes. */
export type ObjectChecks = Pick<RequestContext, 'guard' | 'checkWrite'>;
import { BOOTSTRAPPERS_GROUP, MASTERS_GROUP, NODES_GROUP, type UserInfo } from './token.service';

/**
 * The token-kind part of authorization: a join token may only join; a node token is
 * refused (403) what the Node authorizer does not allow, and gets the object-level check
 * the registry applies to every object the request writes. Other users pass here and
 * are judged by RBAC (RequestAuthorizer).
 */
export function authorizeRequest(user: UserInfo, r: ResourceRequest & { type: ResourceType }): ((obj: KubeObject) => void) | undefined {
  denyBootstrapper(user);
  if (!user.groups.includes(NODES_GROUP)) return undefined;
  const resource = groupResource(r.type);
  const where = r.namespace ? ` in the namespace "${r.namespace}"` : '';
  if (!nodeRequestAllowed({ verb: r.verb, resource, subresource: r.subresource })) {
    const res = r.subresource ? `${r.type.resource}/${r.subresource}` : r.type.resource;
    throw Errors.forbidden(`${r.type.resource} is forbidden: User "${user.name}" cannot ${r.verb} resource "${res}" in API group "${r.type.group}"${where}: node tokens may only act for their own node`);
  }
  const nodes = user.nodes ?? [];
  return (obj) => {
    if (!nodeMayWrite(nodes, obj)) {
      throw Errors.forbidden(`${r.type.resource} "${obj.metadata.name}" is forbidden: User "${user.name}" may only act for its own node (${nodes.length === 1 ? nodes[0] : `${nodes.length} nodes`})`);
    }
  };
}

/** A join token is good for joining nodes and nothing else. */
export function denyBootstrapper(user: UserInfo): void {
  if (user.groups.includes(BOOTSTRAPPERS_GROUP) && !user.groups.includes(MASTERS_GROUP)) {
    throw Errors.forbidden(`User "${user.name}" may only join nodes (POST /skiff/v1/join)`);
  }
}

/**
 * `POST /skiff/v1/metrics`: usage is pushed by node agents only (node tokens), each
 * for its own nodes, as only the kubelet serves its node's stats. Without `nodes`,
 * checks the caller alone.
 */
export function authorizeMetricsReport(user: UserInfo, nodes?: readonly string[]): void {
  if (!user.groups.includes(NODES_GROUP)) {
    throw Errors.forbidden(`User "${user.name}" cannot report metrics: only node tokens may (POST /skiff/v1/metrics)`);
  }
  const other = nodes?.find((n) => !(user.nodes ?? []).includes(n));
  if (other !== undefined) {
    throw Errors.forbidden(`User "${user.name}" cannot report metrics for node "${other}": a node token may only report for its own node`);
  }
}

/**
 * The one authorizer of requests (REST now; GraphQL and the dashboard later): join
 * tokens only join, node tokens get the Node authorizer's answer (and its per-object
 * guard), `system:masters` may do anything, and everyone else gets what RBAC grants
 * them — through Roles, ClusterRoles and bindings — answered as kube-apiserver words it.
 */
export class RequestAuthorizer {
  constructor(private readonly policy: RbacPolicyCache) {}

  /**
   * Throws 403 unless `user` may make the request; returns the object-level checks the
   * registry applies: a node token's per-object guard, and the escalation check on
   * writes of roles and bindings (you cannot grant what you do not hold).
   */
  async resource(user: UserInfo, r: ResourceRequest & { type: ResourceType }, fieldSelectorName?: string): Promise<ObjectChecks> {
    const guard = authorizeRequest(user, r);
    if (user.groups.includes(NODES_GROUP) || user.groups.includes(MASTERS_GROUP)) return { guard };
    await this.check(user, resourceAttributes(r, fieldSelectorName));
    if (!grantsPermissions(r.type.group, r.type.resource)) return {};
    return { checkWrite: (next, current) => this.checkGrant(withAuthenticatedGroup(user), r.type.resource, next, current) };
  }

  /**
   * The same for a path that names no resource (discovery, OpenAPI, /metrics, the audit log).
   * Nodes go through RBAC here like anyone: discovery is theirs as authenticated users.
   */
  async nonResource(user: UserInfo, verb: string, path: string): Promise<void> {
    denyBootstrapper(user);
    if (user.groups.includes(MASTERS_GROUP)) return;
    await this.check(user, { verb, path });
  }

  /**
   * The user a request acts as when it asks to impersonate (kubectl `--as`): `user` must be
   * allowed to `impersonate` the user, each group, extra and uid (403 for the first that is not).
   */
  async impersonate(user: UserInfo, req: ImpersonationRequest): Promise<UserInfo> {
    denyBootstrapper(user);
    if (!user.groups.includes(MASTERS_GROUP)) for (const attrs of impersonationChecks(req)) await this.check(user, attrs);
    return impersonatedUser(req);
  }

  /** A SelfSubjectAccessReview or SelfSubjectRulesReview of `user`, answered from the store's latest RBAC objects. */
  async review(user: UserInfo, kind: 'SelfSubjectAccessReview' | 'SelfSubjectRulesReview', body: unknown): Promise<Record<string, unknown>> {
    await this.policy.sync();
    return answerReview(kind, body, withAuthenticatedGroup(user), this.policy);
  }

  private async checkGrant(user: UserInfo, resource: string, next: KubeObject, current: KubeObject | undefined): Promise<void> {
    if (checkGrant(user, resource, next, current, this.policy).allowed) return;
    await this.policy.sync();
    const decision = checkGrant(user, resource, next, current, this.policy);
    if (!decision.allowed) throw forbiddenObjectError(RBAC_GROUP, resource, next.metadata.name ?? '', decision.reason);
  }

  private async check(user: UserInfo, attrs: RequestAttributes): Promise<void> {
    const who = withAuthenticatedGroup(user);
    if (authorize(who, attrs, this.policy).allowed) return;
    // Denied by what this process has seen: look again at the store's latest before saying so.
    await this.policy.sync();
    const decision = authorize(who, attrs, this.policy);
    if (!decision.allowed) throw forbiddenError(who, attrs, decision.reason);
  }
}
