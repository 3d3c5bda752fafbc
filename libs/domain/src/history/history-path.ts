import { Errors } from '../errors/status-error';
import { parseRequestPath } from '../request/request-info';
import { findResourceType, type ResourceType } from '../resources/registry';

/** What a history path asks about one object: it as it was, its revisions, or a diff. */
export type HistoryView = 'object' | 'revisions' | 'diff';

export interface HistoryTarget {
  type: ResourceType;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  view: HistoryView;
}

const VIEWS = new Set<string>(['revisions', 'diff']);

/**
 * Reads the part of `/skiff/v1/history/...` after the prefix, shaped like the object's
 * own Kubernetes path: `/apis/apps/v1/namespaces/default/deployments/web[/revisions|/diff]`,
 * `/api/v1/nodes/n1/revisions`. Anything else is 404, as an unknown path is.
 */
export function parseHistoryPath(path: string): HistoryTarget {
  const parsed = parseRequestPath('GET', path, false);
  if (parsed.kind !== 'resource') throw Errors.pathNotFound();
  let { type, namespace, name, subresource } = parsed;
  // `namespaces/<name>/revisions` reads as a resource `revisions` in that namespace: it is the Namespace's own.
  if (!name && namespace && parsed.group === '' && VIEWS.has(parsed.resource)) {
    type = findResourceType('', parsed.version, 'namespaces');
    subresource = parsed.resource;
    name = namespace;
    namespace = '';
  }
  if (!type || !name || (subresource && !VIEWS.has(subresource))) throw Errors.pathNotFound();
  if (type.namespaced !== Boolean(namespace)) throw Errors.pathNotFound();
  return { type, namespace, name, view: (subresource || 'object') as HistoryView };
}
