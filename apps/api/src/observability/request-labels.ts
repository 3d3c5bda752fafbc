import { AUTHORIZATION_GROUP, METRICS_GROUP, findAuthorizationResourceType, findMetricsResourceType, parseRequestPath, type ResourceRequest, type ResourceType, type Verb } from '@skiff/domain';

/** The labels kube-apiserver puts on its request metrics. */
export interface RequestLabels {
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource: string;
  scope: string;
  component: 'apiserver';
}

export interface RequestKind {
  labels: RequestLabels;
  /** Watches and followed logs: counted as long-running, not in flight. */
  longRunning: boolean;
  /** A write (apiserver_current_inflight_requests' `mutating`). */
  mutating: boolean;
}

/** kube-apiserver's reported verbs (its `CleanVerb`): HTTP-style for writes, LIST and WATCH for reads of collections. */
const REPORTED: Record<Verb, string> = {
  get: 'GET',
  list: 'LIST',
  watch: 'WATCH',
  create: 'POST',
  update: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  deletecollection: 'DELETECOLLECTION',
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What a request is, in labels with bounded values: only served groups, versions,
 * resources and subresources, never a name, namespace or raw path. Requests that name
 * no served resource (discovery, health, the dashboard, Skiff's own paths) keep only
 * their HTTP method.
 */
export function requestKind(method: string, pathname: string, query: URLSearchParams, contentType = ''): RequestKind {
  const m = method.toUpperCase();
  const mutating = WRITES.has(m);
  const plain: RequestKind = { labels: { verb: METHODS.has(m) ? m : 'OTHER', group: '', version: '', resource: '', subresource: '', scope: '', component: 'apiserver' }, longRunning: false, mutating };
  let parsed;
  try {
    parsed = parseRequestPath(m, pathname, isTrue(query.get('watch')));
  } catch {
    // A malformed %-escape: not a path the API serves.
    return plain;
  }
  if (parsed.kind !== 'resource') return plain;
  const type = servedType(parsed);
  let verb = REPORTED[parsed.verb];
  if (verb === 'PATCH' && contentType.startsWith('application/apply-patch')) verb = 'APPLY';
  const subresource = type?.subresources.includes(parsed.subresource) ? parsed.subresource : '';
  const labels: RequestLabels = {
    verb,
    group: type?.group ?? '',
    version: type?.version ?? '',
    resource: type?.resource ?? '',
    subresource,
    scope: scopeOf(parsed),
    component: 'apiserver',
  };
  const longRunning = verb === 'WATCH' || (subresource === 'log' && isTrue(query.get('follow')));
  return { labels, longRunning, mutating };
}

function servedType(r: ResourceRequest): ResourceType | undefined {
  if (r.type) return r.type;
  if (r.group === AUTHORIZATION_GROUP) return findAuthorizationResourceType(r.version, r.resource);
  if (r.group === METRICS_GROUP) return findMetricsResourceType(r.version, r.resource);
  return undefined;
}

/** kube-apiserver's `CleanScope`. */
function scopeOf(r: ResourceRequest): string {
  if (r.name || r.verb === 'create') return 'resource';
  if (r.namespace) return 'namespace';
  return 'cluster';
}

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}
