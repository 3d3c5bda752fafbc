import { Errors } from '../errors/status-error';
import type { ResourceAttributes, UserInfo } from './types';
import { ALL_AUTHENTICATED_GROUP, ALL_SERVICE_ACCOUNTS_GROUP, ALL_UNAUTHENTICATED_GROUP, ANONYMOUS_USER, parseServiceAccountUsername } from './user-info';

/** What a request asks to act as (kubectl `--as`, `--as-group`, `--as-uid`): its Impersonate-* headers. */
export interface ImpersonationRequest {
  user: string;
  groups: string[];
  uid?: string;
  /** `Impersonate-Extra-<key>`: the key (percent-decoded, lower case) and its values. */
  extra: Record<string, string[]>;
}

type Headers = Record<string, string | string[] | undefined>;

const EXTRA_PREFIX = 'impersonate-extra-';

const values = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The Impersonate-* headers of a request (header names in lower case, as Node gives them),
 * or undefined when it has none. Groups, extras or a uid without a user are refused with 400
 * (kube-apiserver answers that with a 500; it is the client's mistake, not the server's).
 */
export function impersonationRequest(headers: Headers): ImpersonationRequest | undefined {
  const users = values(headers['impersonate-user']);
  const groups = values(headers['impersonate-group']).flatMap((g) => g.split(',').map((s) => s.trim()));
  const uids = values(headers['impersonate-uid']);
  const extra: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(EXTRA_PREFIX) || value === undefined) continue;
    let key = name.slice(EXTRA_PREFIX.length);
    try {
      key = decodeURIComponent(key);
    } catch {
      throw Errors.badRequest(`invalid Impersonate-Extra header key "${key}"`);
    }
    extra[key.toLowerCase()] = values(value).flatMap((v) => v.split(',').map((s) => s.trim()));
  }
  if (!users.length && !groups.length && !uids.length && !Object.keys(extra).length) return undefined;
  if (users.length !== 1 || !users[0]) throw Errors.badRequest('impersonation needs exactly one Impersonate-User header when Impersonate-Group, Impersonate-Uid or Impersonate-Extra-* is set');
  if (uids.length > 1) throw Errors.badRequest('at most one Impersonate-Uid header is allowed');
  return { user: users[0], groups: groups.filter(Boolean), ...(uids[0] ? { uid: uids[0] } : {}), extra };
}

/**
 * What the requester must be allowed to `impersonate`, one check per thing asked for, in
 * kube-apiserver's order: the user (or the service account), each group, each extra value, the uid.
 */
export function impersonationChecks(req: ImpersonationRequest): ResourceAttributes[] {
  const sa = parseServiceAccountUsername(req.user);
  const checks: ResourceAttributes[] = [
    sa ? { verb: 'impersonate', apiGroup: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name } : { verb: 'impersonate', apiGroup: '', resource: 'users', name: req.user },
  ];
  for (const g of req.groups) checks.push({ verb: 'impersonate', apiGroup: '', resource: 'groups', name: g });
  for (const [key, vals] of Object.entries(req.extra)) for (const v of vals) checks.push({ verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: v });
  if (req.uid) checks.push({ verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'uids', name: req.uid });
  return checks;
}

/**
 * The user a permitted impersonation acts as: exactly the name and groups asked for (the
 * impersonated user's own groups are not looked up, as on Kubernetes), a service account's
 * groups when none were asked for, and `system:authenticated` (or `system:unauthenticated`
 * for `system:anonymous`).
 */
export function impersonatedUser(req: ImpersonationRequest): UserInfo {
  const groups = [...req.groups];
  const sa = parseServiceAccountUsername(req.user);
  if (sa && !groups.length) groups.push(ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${sa.namespace}`);
  const implied = req.user === ANONYMOUS_USER ? ALL_UNAUTHENTICATED_GROUP : ALL_AUTHENTICATED_GROUP;
  if (!groups.includes(implied)) groups.push(implied);
  return { name: req.user, groups };
}
