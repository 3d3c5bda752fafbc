import type { UserInfo } from './types';

/** Members are allowed everything, before RBAC is consulted (kube-apiserver's privileged group). */
export const SYSTEM_MASTERS_GROUP = 'system:masters';
/** Every authenticated user carries it; bindings to it reach everyone who presented credentials. */
export const ALL_AUTHENTICATED_GROUP = 'system:authenticated';
/** Carried by requests without credentials. */
export const ALL_UNAUTHENTICATED_GROUP = 'system:unauthenticated';
export const ANONYMOUS_USER = 'system:anonymous';
/** Every service account is in it; `system:serviceaccounts:<namespace>` narrows to one namespace. */
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';

const SERVICE_ACCOUNT_USER_PREFIX = 'system:serviceaccount:';

/**
 * The user as the authorizer sees it after authentication: kube-apiserver's
 * AuthenticatedGroupAdder appends `system:authenticated` unless the groups already
 * say authenticated or unauthenticated. The authorizer itself never adds groups,
 * so callers put every authenticated user through this (or an equivalent).
 */
export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.groups.includes(ALL_AUTHENTICATED_GROUP) || user.groups.includes(ALL_UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, ALL_AUTHENTICATED_GROUP] };
}

/** A request without credentials, as the anonymous authenticator names it. */
export function anonymousUser(): UserInfo {
  return { name: ANONYMOUS_USER, groups: [ALL_UNAUTHENTICATED_GROUP] };
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USER_PREFIX}${namespace}:${name}`;
}

/**
 * A service account's identity as the authorizer sees it: the token authenticator's
 * user name and groups, plus `system:authenticated` from the group adder.
 */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    name: serviceAccountUsername(namespace, name),
    groups: [ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${namespace}`, ALL_AUTHENTICATED_GROUP],
  };
}

/** `system:serviceaccount:<ns>:<name>` → its parts; anything else is not a service account. */
export function parseServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_USER_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_USER_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}
