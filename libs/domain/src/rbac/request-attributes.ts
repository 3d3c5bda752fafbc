import type { ResourceRequest } from '../request/request-info';
import type { ResourceAttributes } from './types';

/**
 * The authorization attributes of a parsed API request, with the two readings
 * kube-apiserver's RequestInfo applies that the path alone does not show:
 *
 * - a request on a Namespace object (`/api/v1/namespaces/team-a[/status]`) is in
 *   that namespace, which is why a RoleBinding's `get namespaces` lets a user read
 *   the namespace it is bound in, and a namespace-bound cluster-admin may delete it;
 * - a list or watch with a `metadata.name=<name>` field selector names that object,
 *   so rules restricted by resourceNames can allow it.
 */
export function resourceAttributes(req: Pick<ResourceRequest, 'verb' | 'group' | 'resource' | 'subresource' | 'namespace' | 'name'>, fieldSelectorName?: string): ResourceAttributes {
  let namespace = req.namespace;
  if (!namespace && req.resource === 'namespaces' && req.name) namespace = req.name;
  let name = req.name;
  if (!name && (req.verb === 'list' || req.verb === 'watch') && fieldSelectorName && isValidPathSegmentName(fieldSelectorName)) {
    name = fieldSelectorName;
  }
  const attrs: ResourceAttributes = { verb: req.verb, apiGroup: req.group, resource: req.resource };
  if (req.subresource) attrs.subresource = req.subresource;
  if (namespace) attrs.namespace = namespace;
  if (name) attrs.name = name;
  return attrs;
}

/** A name usable as one path segment (apimachinery's IsValidPathSegmentName); others are ignored. */
function isValidPathSegmentName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
}
