import { RESOURCE_TYPES } from '../resources/registry';

/** The API group of a served kind ('' for the core group and unknown kinds), for error messages. */
export function groupOfKind(kind: string): string {
  return RESOURCE_TYPES.find((t) => t.kind === kind)?.group ?? '';
}

/** Kinds that `kubectl scale` scales (they serve the `scale` subresource). */
export const SCALABLE_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'] as const;
/** Kinds whose image `kubectl set image` sets. */
export const IMAGE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod'] as const;
/** Kinds `kubectl rollout restart` restarts. */
export const RESTARTABLE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
/** Kinds `kubectl rollout undo` rolls back. */
export const ROLLBACK_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
