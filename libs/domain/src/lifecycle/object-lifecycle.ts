import type { KubeObject, ObjectMeta } from '../meta/types';
import type { ResourceType } from '../resources/registry';
import { apiVersionOf } from '../resources/registry';
import { namespaceInitialStatus } from '../defaults/namespace-defaults';
import { podInitialStatus } from '../defaults/pod-defaults';
import { deployHookInitialStatus } from '../webhooks/deploy-hook-status';
import { pendingFinalizers, withTerminatingPhase } from './namespace-lifecycle';

/**
 * What the store does to an object's system-owned metadata on each write, as
 * kube-apiserver's generic registry does: pure, so the rules are unit-tested.
 */

export interface CreateContext {
  uid: string;
  now: Date;
  revision: number;
}

/** Kubernetes' alphabet for generated names: no vowels (no words), no look-alikes. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The name a create takes: `metadata.name`, else `generateName` plus 5 random characters. */
export function nameForCreate(meta: ObjectMeta, random: () => number = Math.random): string | undefined {
  if (meta.name) return meta.name;
  if (!meta.generateName) return undefined;
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += NAME_ALPHABET[Math.floor(random() * NAME_ALPHABET.length)];
  return meta.generateName + suffix;
}

/** Fields a client may not set on create; the server owns them. */
export function prepareForCreate(type: ResourceType, obj: KubeObject, ctx: CreateContext): KubeObject {
  const meta: ObjectMeta = { ...obj.metadata };
  meta.uid = ctx.uid;
  meta.creationTimestamp = rfc3339(ctx.now);
  meta.resourceVersion = String(ctx.revision);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  if (type.tracksGeneration) meta.generation = 1;
  else delete meta.generation;
  if (!type.namespaced) delete meta.namespace;
  const out: KubeObject = { ...obj, apiVersion: apiVersionOf(type), kind: type.kind, metadata: meta };
  if (type.hasStatus) delete out.status;
  setInitialState(out);
  return out;
}

/**
 * What the real registry sets on create whatever the client sent: a Pod starts Pending, a
 * Namespace Active; a DeployHook gets the path deliveries are posted to, from its uid.
 */
function setInitialState(obj: KubeObject): void {
  if (obj.kind === 'Pod') obj.status = podInitialStatus(obj);
  if (obj.kind === 'DeployHook') obj.status = deployHookInitialStatus(obj.metadata.uid!);
  if (obj.kind === 'Namespace') {
    const spec = (obj.spec ?? {}) as { finalizers?: string[] };
    obj.spec = { ...spec, finalizers: spec.finalizers?.length ? spec.finalizers : ['kubernetes'] };
    obj.status = namespaceInitialStatus();
  }
}

/** main: the object; status: only .status; finalize: only a Namespace's spec.finalizers. */
export type UpdateScope = 'main' | 'status' | 'finalize';

/**
 * Carries the fields the writer may not change from `old` to `next`: identity
 * and timestamps always; status on a main-resource update and everything but
 * status on a status update. Bumps generation when the spec changed.
 */
export function prepareForUpdate(type: ResourceType, next: KubeObject, old: KubeObject, scope: UpdateScope, revision: number): KubeObject {
  let out: KubeObject;
  if (scope === 'finalize') {
    const finalizers = (next.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    out = { ...old, spec: { ...(old.spec as object), finalizers }, metadata: { ...old.metadata } };
  } else if (scope === 'status') {
    out = { ...old, status: next.status, metadata: { ...old.metadata } };
    if (next.status === undefined) delete out.status;
  } else {
    out = { ...next, metadata: { ...next.metadata } };
    if (type.hasStatus) {
      if (old.status === undefined) delete out.status;
      else out.status = old.status;
    }
  }
  const meta = out.metadata;
  meta.name = old.metadata.name;
  if (type.namespaced) meta.namespace = old.metadata.namespace;
  else delete meta.namespace;
  meta.uid = old.metadata.uid;
  meta.creationTimestamp = old.metadata.creationTimestamp;
  if (old.metadata.deletionTimestamp) {
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  delete meta.generateName;
  if (old.metadata.generateName) meta.generateName = old.metadata.generateName;
  if (type.tracksGeneration) {
    const gen = old.metadata.generation ?? 1;
    meta.generation = scope === 'main' && specChanged(out, old) ? gen + 1 : gen;
  }
  meta.resourceVersion = String(revision);
  out.apiVersion = apiVersionOf(type);
  out.kind = type.kind;
  return out;
}

function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { metadata: _m, status: _s, ...rest } = o;
    return rest;
  };
  return !deepEqual(strip(a), strip(b));
}

export type DeleteDecision =
  /** Remove the row now. */
  | { action: 'remove' }
  /** Keep the row with deletionTimestamp set (finalizers pending or a graceful pod). */
  | { action: 'mark'; object: KubeObject };

/**
 * Graceful deletion: objects with finalizers are only marked; pods bound to a
 * node get their grace period so the kubelet can stop them; everything else goes.
 */
export function decideDelete(type: ResourceType, obj: KubeObject, gracePeriodSeconds: number | undefined, now: Date): DeleteDecision {
  const finalizers = pendingFinalizers(obj);
  const boundPod = type.kind === 'Pod' && !!(obj.spec as { nodeName?: string } | undefined)?.nodeName;
  const grace = boundPod ? gracePeriodSeconds ?? defaultPodGrace(obj) : 0;
  if (finalizers.length === 0 && grace <= 0) return { action: 'remove' };
  if (obj.metadata.deletionTimestamp) {
    // Already terminating: a shorter grace period may still be applied, nothing else changes.
    const current = obj.metadata.deletionGracePeriodSeconds ?? 0;
    if (!boundPod || grace >= current) return { action: 'mark', object: obj };
    if (grace <= 0 && finalizers.length === 0) return { action: 'remove' };
  }
  const meta = { ...obj.metadata };
  meta.deletionTimestamp = rfc3339(new Date(now.getTime() + grace * 1000));
  meta.deletionGracePeriodSeconds = grace;
  return { action: 'mark', object: withTerminatingPhase({ ...obj, metadata: meta }) };
}

function defaultPodGrace(obj: KubeObject): number {
  const v = (obj.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds;
  return typeof v === 'number' ? v : 30;
}

/** A marked object whose last finalizer has gone (and whose grace is over) is removed on update. */
export function readyToRemove(obj: KubeObject): boolean {
  return !!obj.metadata.deletionTimestamp && pendingFinalizers(obj).length === 0 && (obj.metadata.deletionGracePeriodSeconds ?? 0) <= 0;
}

/** Kubernetes timestamps: RFC 3339 in UTC with second precision. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
