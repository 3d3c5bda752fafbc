import type { KubeObject } from '../meta/types';

/**
 * What a node's credentials may do, as Kubernetes' Node authorizer allows the kubelet:
 * read what running pods needs, and write only its own Node, Lease and pods' status.
 * `nodes` are the node names the token acts for (one agent may play many simulated nodes).
 */
export interface NodeRequest {
  verb: string;
  /** Group-qualified resource: `pods`, `leases.coordination.k8s.io`. */
  resource: string;
  subresource: string;
}

const READABLE = new Set([
  'nodes',
  'pods',
  'services',
  'endpoints',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'namespaces',
  'leases.coordination.k8s.io',
]);

/** Writes a node may attempt; each is then checked on the object itself (`nodeMayWrite`). */
const WRITABLE: Record<string, Set<string>> = {
  nodes: new Set(['create', 'update', 'patch']),
  'nodes/status': new Set(['update', 'patch']),
  'leases.coordination.k8s.io': new Set(['create', 'update', 'patch']),
  'pods/status': new Set(['update', 'patch']),
  pods: new Set(['delete']),
  events: new Set(['create', 'update', 'patch']),
};

/** First check, on the request alone. */
export function nodeRequestAllowed(req: NodeRequest): boolean {
  if (['get', 'list', 'watch'].includes(req.verb)) return !req.subresource && READABLE.has(req.resource);
  const key = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  return WRITABLE[key]?.has(req.verb) ?? false;
}

/** Second check, on each object a write touches (before and after): it must be this node's. */
export function nodeMayWrite(nodes: readonly string[], obj: KubeObject): boolean {
  switch (obj.kind) {
    case 'Node':
      return nodes.includes(obj.metadata.name ?? '');
    case 'Lease':
      return obj.metadata.namespace === 'kube-node-lease' && nodes.includes(obj.metadata.name ?? '');
    case 'Pod':
      return nodes.includes((obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '');
    case 'Event':
      return true;
    default:
      return false;
  }
}
