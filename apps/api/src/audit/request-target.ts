import { parseRequestPath, writeVerb, type AuditEntry } from '@skiff/domain';

/** What a write request is about, read from its path. */
export type RequestTarget = Pick<AuditEntry, 'verb' | 'group' | 'resource' | 'subresource' | 'namespace' | 'name'>;

/**
 * The target of a write by path: Kubernetes paths as kube-apiserver reads them,
 * Skiff's own `/skiff/v1/[namespaces/<ns>/]<resource>[/<name>[/<sub>]]` alike (group
 * skiff.io). Undefined for what is not a write, or not an object's (metrics reports).
 */
export function requestTarget(method: string, path: string): RequestTarget | undefined {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'api' || parts[0] === 'apis') {
    const r = parseRequestPath(method, path, false);
    if (r.kind !== 'resource') return undefined;
    return { verb: r.verb, group: r.group, resource: r.resource, subresource: r.subresource, namespace: r.namespace, name: r.name };
  }
  if (parts[0] !== 'skiff' || parts[1] !== 'v1' || parts[2] === 'metrics') return undefined;
  let rest = parts.slice(2).map(decodeURIComponent);
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length > 2) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name = '', subresource = ''] = rest;
  const verb = writeVerb(method, !!name);
  if (!verb || !resource) return undefined;
  return { verb, group: 'skiff.io', resource, subresource, namespace, name };
}
