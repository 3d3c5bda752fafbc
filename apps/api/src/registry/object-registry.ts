import { randomUUID } from 'crypto';
import {
  Errors,
  checkNamespaceDeletable,
  decideDelete,
  nameForCreate,
  rfc3339,
  deepEqual,
  prepareForCreate,
  prepareForUpdate,
  readyToRemove,
  type KubeObject,
  type ResourceType,
  type UpdateScope,
} from '@skiff/domain';
import type { ResourceStore } from '../store/resource-store';
import type { ObjectKey, WriteDecision, WriteOp } from '../store/store-types';
import { admitCreate, admitUpdate, type Admission } from './admission';
import { checkBody, conflict, prepareIncoming } from './incoming';
import { RetryWrite } from './retry-write';
import type { RequestContext } from './request-context';

export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type DeleteResult = { removed: true; object: KubeObject } | { removed: false; object: KubeObject };

const NAMESPACES: ResourceType = {
  group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', singular: 'namespace', namespaced: false, subresources: [], hasStatus: true,
};

export function objectKey(type: ResourceType, namespace: string, name: string): ObjectKey {
  return { type, namespace: type.namespaced ? namespace : '', name };
}

/**
 * The generic registry (kube-apiserver's genericregistry.Store): what create,
 * update, patch and delete mean for any kind. Every surface goes through it.
 */
export class ObjectRegistry {
  constructor(
    private readonly store: ResourceStore,
    private readonly admission: Admission,
  ) {}

  async get(type: ResourceType, namespace: string, name: string): Promise<KubeObject> {
    const obj = await this.store.get(objectKey(type, namespace, name));
    if (!obj) throw Errors.notFound(type, name);
    return obj;
  }

  async create(type: ResourceType, namespace: string, body: unknown, ctx: RequestContext): Promise<KubeObject> {
    const incoming = prepareIncoming(type, namespace, body, ctx);
    if (!incoming.metadata.name && !incoming.metadata.generateName) {
      throw Errors.invalid(type.group, type.kind, '', [
        { reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' },
      ]);
    }
    // A randomly picked cluster IP or node port taken meanwhile, or a generated name that
    // exists (as kube-apiserver since 1.30, RetryGenerateName): pick again.
    const generated = !incoming.metadata.name;
    let name = '';
    const exhausted = () => (generated ? Errors.alreadyExists(type, name) : Errors.internal('failed to allocate a unique value after several tries'));
    return withRetries(generated ? 8 : 5, exhausted, async () => {
      // The name is chosen first, as the real server does, so validation sees it.
      name = nameForCreate(incoming.metadata)!;
      const named = { ...incoming, metadata: { ...incoming.metadata, name } };
      ctx.guard?.(named);
      checkBody(type, named, undefined);
      await ctx.checkWrite?.(named, undefined);
      const admitted = await admitCreate(this.admission, type, named);
      const key = objectKey(type, namespace, name);
      const op: WriteOp = {
        key,
        needs: type.namespaced ? [objectKey(NAMESPACES, '', namespace)] : [],
        claims: admitted.claims,
        dryRun: ctx.dryRun,
        decide: (current, wctx): WriteDecision => {
          if (current) throw generated ? new RetryWrite() : Errors.alreadyExists(type, name);
          if (type.namespaced) {
            const ns = wctx.lookup(objectKey(NAMESPACES, '', namespace));
            if (!ns) throw Errors.notFound(NAMESPACES, namespace);
            if (ns.metadata.deletionTimestamp) {
              throw Errors.forbidden(`${type.resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
            }
          }
          admitted.checkClaims(wctx.claimHolder, key);
          const obj = prepareForCreate(type, admitted.object, {
            uid: randomUUID(),
            now: wctx.now,
            revision: wctx.revision,
          });
          if (type.namespaced) obj.metadata.namespace = namespace;
          return { put: obj, claims: admitted.claims };
        },
      };
      return (await this.store.write(op)).object;
    });
  }

  /**
   * Replaces the object (PUT) or applies `mutate` to its current state (PATCH,
   * scale). The next state is computed and validated outside the write
   * transaction; inside it, the object must still be the one read (else the
   * write is remade from the latest state, or 409 when the client named a
   * resourceVersion), so the transaction holds the revision lock only briefly.
   */
  async update(
    type: ResourceType,
    namespace: string,
    name: string,
    mutate: (current: KubeObject) => KubeObject,
    scope: UpdateScope,
    ctx: RequestContext,
  ): Promise<KubeObject> {
    const key = objectKey(type, namespace, name);
    return withRetries(10, () => conflict(type, name), async () => {
      const current = await this.store.get(key);
      if (!current) throw Errors.notFound(type, name);
      ctx.guard?.(current);
      const incoming = prepareIncoming(type, namespace, mutate(structuredClone(current)), ctx);
      if (incoming.metadata.name && incoming.metadata.name !== name) {
        throw Errors.badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
      }
      const rv = incoming.metadata.resourceVersion;
      if (rv && rv !== current.metadata.resourceVersion) throw conflict(type, name);
      if (incoming.metadata.uid && incoming.metadata.uid !== current.metadata.uid) {
        throw Errors.conflict(type, name, `Precondition failed: UID in precondition: ${incoming.metadata.uid}, UID in object meta: ${current.metadata.uid}`);
      }
      const admitted = await admitUpdate(this.admission, type, incoming, current, scope);
      const next = prepareForUpdate(type, admitted.object, current, scope, Number(current.metadata.resourceVersion));
      ctx.guard?.(next);
      checkBody(type, next, current);
      await ctx.checkWrite?.(next, current);
      let decision: WriteDecision;
      if (deepEqual(next, current)) decision = { unchanged: current };
      else if (readyToRemove(next)) decision = { remove: next };
      else decision = { put: next, ...(admitted.claims ? { claims: admitted.claims } : {}) };
      const op: WriteOp = {
        key,
        claims: admitted.claims,
        dryRun: ctx.dryRun,
        decide: (latest, wctx): WriteDecision => {
          if (!latest) throw Errors.notFound(type, name);
          if (latest.metadata.resourceVersion !== current.metadata.resourceVersion) {
            if (rv) throw conflict(type, name);
            throw new RetryWrite();
          }
          admitted.checkClaims(wctx.claimHolder, key);
          return decision;
        },
      };
      return (await this.store.write(op)).object;
    });
  }

  /**
   * `pods/<name>/binding`: sets spec.nodeName once (the scheduler's write), outside
   * the rule that a pod's spec is otherwise immutable, and marks it PodScheduled.
   */
  async bindPod(pods: ResourceType, namespace: string, name: string, node: string, ctx: RequestContext): Promise<KubeObject> {
    const op: WriteOp = {
      key: objectKey(pods, namespace, name),
      dryRun: ctx.dryRun,
      decide: (current, wctx): WriteDecision => {
        if (!current) throw Errors.notFound(pods, name);
        const spec = (current.spec ?? {}) as { nodeName?: string };
        if (spec.nodeName) throw Errors.conflict(pods, name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
        if (current.metadata.deletionTimestamp) throw Errors.conflict(pods, name, `pod ${name} is being deleted, cannot be assigned to a host`);
        const status = (current.status ?? {}) as { conditions?: { type: string }[] };
        const conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(wctx.now) }];
        return { put: { ...current, spec: { ...spec, nodeName: node }, status: { ...status, conditions }, metadata: { ...current.metadata } } };
      },
    };
    return (await this.store.write(op)).object;
  }

  /**
   * A pod's eviction (`pods/<name>/eviction`, what `kubectl drain` asks for, from REST and
   * GraphQL alike): the pod is deleted with the eviction's options. PodDisruptionBudgets
   * are not served, so none refuses it; when they are, this is where they are checked.
   */
  evictPod(pods: ResourceType, namespace: string, name: string, opts: DeleteOptions, ctx: RequestContext): Promise<DeleteResult> {
    return this.delete(pods, namespace, name, opts, ctx);
  }

  async delete(type: ResourceType, namespace: string, name: string, opts: DeleteOptions, ctx: RequestContext): Promise<DeleteResult> {
    checkNamespaceDeletable(type, name);
    const key = objectKey(type, namespace, name);
    let removed = false;
    const op: WriteOp = {
      key,
      dryRun: ctx.dryRun,
      decide: (current, wctx): WriteDecision => {
        if (!current) throw Errors.notFound(type, name);
        ctx.guard?.(current);
        const pre = opts.preconditions ?? {};
        if (pre.uid && pre.uid !== current.metadata.uid) {
          throw Errors.conflict(type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
        }
        if (pre.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
          throw Errors.conflict(type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
        }
        const withPolicy = applyPropagationFinalizer(current, opts.propagationPolicy);
        const decision = decideDelete(type, withPolicy, opts.gracePeriodSeconds, wctx.now);
        if (decision.action === 'remove') {
          removed = true;
          return { remove: structuredClone(current) };
        }
        if (deepEqual(decision.object, current)) return { unchanged: current };
        return { put: decision.object };
      },
    };
    const { object } = await this.store.write(op);
    return { removed, object };
  }
}

/** Runs `attempt` again while it asks to (RetryWrite), at most `times`; then fails with `exhausted()`. */
async function withRetries<T>(times: number, exhausted: () => Error, attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; i < times; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof RetryWrite)) throw e;
    }
  }
  throw exhausted();
}

/** Orphan and Foreground deletion are carried out by the garbage collector through these finalizers. */
function applyPropagationFinalizer(obj: KubeObject, policy: DeleteOptions['propagationPolicy']): KubeObject {
  const finalizer = policy === 'Orphan' ? 'orphan' : policy === 'Foreground' ? 'foregroundDeletion' : undefined;
  if (!finalizer || obj.metadata.deletionTimestamp) return obj;
  const finalizers = obj.metadata.finalizers ?? [];
  if (finalizers.includes(finalizer)) return obj;
  return { ...obj, metadata: { ...obj.metadata, finalizers: [...finalizers, finalizer] } };
}


