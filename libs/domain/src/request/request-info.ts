import { findResourceType, type ResourceType } from '../resources/registry';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** A resource request, as kube-apiserver's RequestInfoFactory reads it from the path. */
export interface ResourceRequest {
  kind: 'resource';
  verb: Verb;
  group: string;
  version: string;
  /** The plural resource segment as written (`deployments`). */
  resource: string;
  /** Undefined when the group/version/resource is not served. */
  type?: ResourceType;
  /** '' when the request is cluster-wide. */
  namespace: string;
  name: string;
  subresource: string;
}

/** A discovery request: `/api`, `/api/v1`, `/apis`, `/apis/apps`, `/apis/apps/v1`. */
export interface DiscoveryRequest {
  kind: 'discovery';
  path: 'api' | 'apis' | 'group' | 'groupversion';
  group: string;
  version: string;
}

export type ParsedRequest = ResourceRequest | DiscoveryRequest | { kind: 'unknown' };

/** `namespaces/<name>/status` is the Namespace's own subresource, not a resource named `status`. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const METHOD_VERBS: Record<string, { named: Verb; collection: Verb }> = {
  GET: { named: 'get', collection: 'list' },
  HEAD: { named: 'get', collection: 'list' },
  POST: { named: 'create', collection: 'create' },
  PUT: { named: 'update', collection: 'update' },
  PATCH: { named: 'patch', collection: 'patch' },
  DELETE: { named: 'delete', collection: 'deletecollection' },
};

/**
 * Reads `/api/v1/namespaces/ns/pods/name/status` style paths. `watch` is true
 * for `?watch=true|1` on a list or for the legacy `/watch/` path prefix.
 */
export function parseRequestPath(method: string, pathname: string, watch: boolean): ParsedRequest {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'discovery', path: 'api', group: '', version: '' };
    version = parts[1];
    if (parts.length === 2) return { kind: 'discovery', path: 'groupversion', group: '', version };
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'discovery', path: 'apis', group: '', version: '' };
    group = parts[1];
    if (parts.length === 2) return { kind: 'discovery', path: 'group', group, version: '' };
    version = parts[2];
    if (parts.length === 3) return { kind: 'discovery', path: 'groupversion', group, version };
    rest = parts.slice(3);
  } else {
    return { kind: 'unknown' };
  }
  if (rest[0] === 'watch') {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  // `namespaces/<ns>/<resource>...`; `namespaces/<name>[/status]` is the Namespace itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2])) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name = '', subresource = '', ...extra] = rest;
  if (!resource || extra.length) return { kind: 'unknown' };
  const verbs = METHOD_VERBS[method.toUpperCase()];
  if (!verbs) return { kind: 'unknown' };
  let verb: Verb = name ? verbs.named : verbs.collection;
  if (watch && (verb === 'list' || verb === 'get')) verb = 'watch';
  return { kind: 'resource', verb, group, version, resource, type: findResourceType(group, version, resource), namespace, name, subresource };
}
