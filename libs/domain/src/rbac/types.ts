import type { LabelSelector } from '../kinds/common';
import type { KubeObject } from '../meta/types';

/** The API group of the RBAC kinds, and the one a RoleRef (and User/Group subjects) name. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * One grant of rbac.authorization.k8s.io/v1. A rule is either about resources
 * (`apiGroups` + `resources`, optionally narrowed by `resourceNames`) or about
 * non-resource URLs (`nonResourceURLs`, only meaningful in ClusterRoles bound
 * cluster-wide). `*` is the wildcard in verbs, apiGroups, resources and URLs.
 */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  // Plural resources, `resource/subresource`, `*`, or `*/subresource` (any resource's subresource).
  resources?: string[];
  /** When set, only requests naming one of these objects match. */
  resourceNames?: string[];
  /** Exact paths, or prefixes ending in `*`. */
  nonResourceURLs?: string[];
}

export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

/** Who a binding grants to. Unknown kinds are kept (the API accepts them) and never match. */
export interface Subject {
  kind: SubjectKind | string;
  name: string;
  /** ServiceAccounts only; in a RoleBinding an empty namespace means the binding's own. */
  namespace?: string;
  /** `rbac.authorization.k8s.io` for User and Group, `''` for ServiceAccount. */
  apiGroup?: string;
}

/** The role a binding grants: a Role in the binding's namespace, or a ClusterRole. */
export interface RoleRef {
  apiGroup: string;
  kind: 'Role' | 'ClusterRole' | string;
  name: string;
}

/** ClusterRoles whose labels match any selector have their rules folded into this one. */
export interface AggregationRule {
  clusterRoleSelectors?: LabelSelector[];
}

/** rbac.authorization.k8s.io/v1 Role: rules that hold in its own namespace. */
export interface Role extends KubeObject {
  rules?: PolicyRule[];
}

/** rbac.authorization.k8s.io/v1 ClusterRole: rules bound cluster-wide, or per namespace by a RoleBinding. */
export interface ClusterRole extends KubeObject {
  rules?: PolicyRule[];
  aggregationRule?: AggregationRule;
}

/** rbac.authorization.k8s.io/v1 RoleBinding: grants a Role or ClusterRole inside its namespace only. */
export interface RoleBinding extends KubeObject {
  subjects?: Subject[];
  roleRef: RoleRef;
}

/** rbac.authorization.k8s.io/v1 ClusterRoleBinding: grants a ClusterRole in every namespace and at cluster scope. */
export interface ClusterRoleBinding extends KubeObject {
  subjects?: Subject[];
  roleRef: RoleRef;
}

/**
 * The authenticated identity, as the authorizer sees it (apiserver's user.Info).
 * `groups` is taken as given: the authentication layer, not the authorizer, adds
 * `system:authenticated` (see `withAuthenticatedGroup`).
 */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** A request on an API object, as kube-apiserver's RequestInfo describes it. */
export interface ResourceAttributes {
  verb: string;
  /** `''` for the core group. */
  apiGroup: string;
  /** Plural resource (`pods`), without the subresource. */
  resource: string;
  subresource?: string;
  /** Absent or `''` at cluster scope. For `namespaces/<name>` requests it is `<name>`. */
  namespace?: string;
  /** Absent for create, list, watch and deletecollection (unless a `metadata.name` field selector named one). */
  name?: string;
}

/** A request on a path outside the API resources (`/healthz`, `/version`, `/api`). */
export interface NonResourceAttributes {
  verb: string;
  path: string;
}

export type RequestAttributes = ResourceAttributes | NonResourceAttributes;

export function isResourceRequest(attrs: RequestAttributes): attrs is ResourceAttributes {
  return 'resource' in attrs;
}

/** The authorizer's answer; a denial's `reason` is what kube-apiserver appends to its Forbidden message. */
export interface AuthorizationDecision {
  allowed: boolean;
  reason: string;
}

/**
 * Where the authorizer reads RBAC objects, shaped like kube-apiserver's rule
 * resolver inputs so a caller can back it with an indexed cache; `staticPolicy`
 * builds one from plain arrays.
 */
export interface RbacPolicy {
  getRole(namespace: string, name: string): Role | undefined;
  getClusterRole(name: string): ClusterRole | undefined;
  listRoleBindings(namespace: string): readonly RoleBinding[];
  listClusterRoleBindings(): readonly ClusterRoleBinding[];
}
