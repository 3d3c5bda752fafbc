import { RESOURCE_TYPES, findResourceTypeByGroupResource, findResourceTypeByKind, groupResource, type KubeObject, type ResourceType } from '@skiff/domain';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { ResourceStore } from '../../store/resource-store';
import type { Change } from '../../store/store-types';
import type { Controller } from '../runtime/controller';

const ctx = () => internalContext('system:serviceaccount:kube-system:generic-garbage-collector');
const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

type OwnerRef = NonNullable<KubeObject['metadata']['ownerReferences']>[number];

/**
 * The garbage collector, level-triggered over ownerReferences (the store indexes them):
 *  - `owner/<resource>/<ns>/<name>`: an object being deleted with the `foregroundDeletion`
 *    finalizer has its dependents deleted, and loses the finalizer once none is left; with
 *    `orphan`, its dependents lose their reference to it, then it loses the finalizer.
 *  - `object/<resource>/<ns>/<name>`: an object whose owners are all gone is deleted (in
 *    the background); a reference to a gone owner beside a live one is dropped.
 * A deleted object wakes its dependents; a deleted dependent wakes its owners (a
 * foreground deletion may be done).
 */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  readonly watches: Record<string, (c: Change) => string[]>;

  constructor(
    private readonly registry: ObjectRegistry,
    /** Objects and owners are read here (the controllers' cache); */
    private readonly reader: ObjectReader,
    /** the ownership graph and the objects being finalized, from the store. */
    private readonly store: ResourceStore,
  ) {
    this.watches = Object.fromEntries(RESOURCE_TYPES.map((t) => [groupResource(t), (c: Change) => this.keysOf(c)]));
  }

  private keysOf(c: Change): string[] {
    const keys: string[] = [];
    const finalizers = c.object.metadata.finalizers ?? [];
    if (c.type !== 'DELETED' && c.object.metadata.deletionTimestamp && (finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN))) {
      keys.push(`owner/${c.resource}/${c.namespace}/${c.name}`);
    }
    if (c.type === 'DELETED') {
      keys.push(`dependents/${c.object.metadata.uid}`);
      for (const ref of c.object.metadata.ownerReferences ?? []) {
        const t = findResourceTypeByKind(ref.apiVersion, ref.kind);
        if (t) keys.push(`owner/${groupResource(t)}/${t.namespaced ? c.namespace : ''}/${ref.name}`);
      }
    } else if (c.type === 'ADDED' && c.object.metadata.ownerReferences?.length) {
      // Made after its owner went (or naming one that never was).
      keys.push(`object/${c.resource}/${c.namespace}/${c.name}`);
    }
    return keys;
  }

  async keys(): Promise<string[]> {
    return (await this.store.finalizing([FOREGROUND, ORPHAN])).map((o) => `owner/${o.resource}/${o.object.metadata.namespace ?? ''}/${o.object.metadata.name}`);
  }

  async reconcile(key: string): Promise<void> {
    const [kind, ...rest] = key.split('/');
    if (kind === 'dependents') {
      for (const d of await this.store.dependents(rest[0])) await this.checkOwners(findResourceTypeByGroupResource(d.resource)!, d.object);
      return;
    }
    const [resource, namespace, name] = rest;
    const type = findResourceTypeByGroupResource(resource);
    if (!type) return;
    const obj = await this.reader.get({ type, namespace, name });
    if (!obj) return;
    if (kind === 'owner') return this.finishOwner(type, obj);
    return this.checkOwners(type, obj);
  }

  /** Foreground: delete the dependents, then let the owner go. Orphan: free them, then let it go. */
  private async finishOwner(type: ResourceType, owner: KubeObject): Promise<void> {
    const finalizers = owner.metadata.finalizers ?? [];
    if (!owner.metadata.deletionTimestamp) return;
    const dependents = await this.store.dependents(owner.metadata.uid!);
    if (finalizers.includes(ORPHAN)) {
      for (const d of dependents) {
        const dt = findResourceTypeByGroupResource(d.resource)!;
        await this.registry
          .update(dt, d.object.metadata.namespace ?? '', d.object.metadata.name!, (o) => withoutOwner(o, owner.metadata.uid!), 'main', ctx())
          .catch(ignoreNotFound);
      }
      return this.dropFinalizer(type, owner, ORPHAN);
    }
    if (!finalizers.includes(FOREGROUND)) return;
    for (const d of dependents) {
      if (d.object.metadata.deletionTimestamp) continue;
      const dt = findResourceTypeByGroupResource(d.resource)!;
      // Dependents that block their owner go in the foreground too, as Kubernetes does.
      const blocks = d.object.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion);
      await this.registry.delete(dt, d.object.metadata.namespace ?? '', d.object.metadata.name!, { propagationPolicy: blocks ? 'Foreground' : 'Background' }, ctx()).catch(ignoreNotFound);
    }
    const blocking = (await this.store.dependents(owner.metadata.uid!)).filter((d) => d.object.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) await this.dropFinalizer(type, owner, FOREGROUND);
  }

  /** An object whose owners are all gone goes; a dangling reference beside a live owner is dropped. */
  private async checkOwners(type: ResourceType, obj: KubeObject): Promise<void> {
    const refs = obj.metadata.ownerReferences ?? [];
    if (!refs.length || obj.metadata.deletionTimestamp) return;
    const gone: OwnerRef[] = [];
    for (const ref of refs) if (!(await this.ownerExists(ref, obj.metadata.namespace ?? ''))) gone.push(ref);
    if (!gone.length) return;
    const ns = obj.metadata.namespace ?? '';
    if (gone.length === refs.length) {
      await this.registry.delete(type, ns, obj.metadata.name!, { propagationPolicy: 'Background', preconditions: { uid: obj.metadata.uid } }, ctx()).catch(ignoreGone);
      return;
    }
    await this.registry
      .update(type, ns, obj.metadata.name!, (o) => gone.reduce((x, r) => withoutOwner(x, r.uid), o), 'main', ctx())
      .catch(ignoreNotFound);
  }

  private async ownerExists(ref: OwnerRef, namespace: string): Promise<boolean> {
    const t = findResourceTypeByKind(ref.apiVersion, ref.kind);
    if (!t) return true; // A kind this server does not serve: not ours to judge.
    const owner = await this.reader.get({ type: t, namespace: t.namespaced ? namespace : '', name: ref.name });
    return owner?.metadata.uid === ref.uid;
  }

  private async dropFinalizer(type: ResourceType, obj: KubeObject, finalizer: string): Promise<void> {
    await this.registry
      .update(
        type,
        obj.metadata.namespace ?? '',
        obj.metadata.name!,
        (o) => ({ ...o, metadata: { ...o.metadata, finalizers: (o.metadata.finalizers ?? []).filter((f) => f !== finalizer) } }),
        'main',
        ctx(),
      )
      .catch(ignoreNotFound);
  }
}

function withoutOwner(o: KubeObject, uid: string): KubeObject {
  const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...o.metadata, ownerReferences: refs.length ? refs : undefined };
  return { ...o, metadata };
}

function ignoreNotFound(e: { code?: number }): void {
  if (e.code !== 404) throw e;
}

/** Not there, or already another object of that name. */
function ignoreGone(e: { code?: number }): void {
  if (e.code !== 404 && e.code !== 409) throw e;
}
