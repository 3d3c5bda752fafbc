import type { KubeObject, ResourceType } from '@skiff/domain';

export interface ObjectKey {
  type: ResourceType;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One entry of the change log, as watchers receive it. */
export interface Change {
  revision: number;
  type: ChangeType;
  /** Group-qualified resource (`deployments.apps`). */
  resource: string;
  namespace: string;
  name: string;
  object: KubeObject;
  /** The object before this change (MODIFIED, DELETED): watchers with selectors need it. */
  prev?: KubeObject;
}

/** What a write decides, given the object's current state. */
export type WriteDecision =
  /** Store the object; `claims` (when given) replaces the unique values it holds, e.g. `clusterip:127.32.0.9`. */
  | { put: KubeObject; claims?: string[] }
  | { remove: KubeObject }
  /** Nothing to write; answer with this object (e.g. an update that changes nothing). */
  | { unchanged: KubeObject };

export interface WriteContext {
  /** The revision this write takes if it writes. */
  revision: number;
  now: Date;
  /** Current state of another key that the op listed in `needs`. */
  lookup(key: ObjectKey): KubeObject | undefined;
  /** Which object holds a unique value the op listed in `claims` (`ns/name` key string), if any. */
  claimHolder(claim: string): string | undefined;
}

export interface WriteOp {
  key: ObjectKey;
  /** Other keys the decision reads (e.g. the namespace of a new object). */
  needs?: ObjectKey[];
  /** Unique values (cluster IPs, node ports) whose holders the decision checks. */
  claims?: string[];
  dryRun?: boolean;
  /** Throws a StatusError to refuse; runs inside the write transaction. */
  decide(current: KubeObject | undefined, ctx: WriteContext): WriteDecision;
}

export interface WriteResult {
  object: KubeObject;
  /** The change written, or undefined for dry runs and unchanged objects. */
  change?: ChangeType;
}

export function keyString(k: { type: { resource: string; group: string }; namespace: string; name: string }): string {
  return `${k.type.group}/${k.type.resource}/${k.namespace}/${k.name}`;
}
