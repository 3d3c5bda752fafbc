import type { KubeObject } from '@skiff/domain';
import type { Change } from '../../store/store-types';

/** What a reconcile asks of the runtime besides "done". */
export interface ReconcileResult {
  /** Look again after this long even if nothing changes (a deadline, minReadySeconds). */
  requeueAfterMs?: number;
}

/**
 * A controller as kube-controller-manager runs one: changes of the resources it watches
 * map to keys (`namespace/name` of the object it owns the decision for); each key is
 * reconciled by one worker at a time, from the current state, however often it was
 * woken. A reconcile that throws is retried with back-off; a periodic resync looks at
 * every key again.
 */
export interface Controller {
  /** Queue name: one BullMQ queue per controller. */
  readonly name: string;
  /** Group-qualified resources (`pods`, `replicasets.apps`) and the keys a change of one wakes. */
  readonly watches: Record<string, (change: Change) => string[]>;
  /** Every key there is (at start and at each resync). */
  keys(): Promise<string[]>;
  reconcile(key: string): Promise<ReconcileResult | void>;
}

export function objectKeyOf(o: { metadata: { namespace?: string; name?: string } }): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The keys of a change's object and, when its owner is of `ownerKind`, of that owner (before and after the change). */
export function ownerKeys(change: Change, ownerKind: string): string[] {
  const keys = new Set<string>();
  for (const o of [change.object, change.prev]) {
    const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === ownerKind);
    if (ref) keys.add(`${o!.metadata.namespace ?? ''}/${ref.name}`);
  }
  return [...keys];
}

/**
 * A change computed from the object as it is at write time (adopt, release, status):
 * written without a resourceVersion precondition, so the registry re-applies it to the
 * latest object on a race instead of answering 409 (which a controller could only retry).
 */
export function onLatest(change: (o: KubeObject) => KubeObject): (o: KubeObject) => KubeObject {
  return (o) => {
    const next = change(o);
    return { ...next, metadata: { ...next.metadata, resourceVersion: undefined } };
  };
}
