import type { ControllerRevision } from '../kinds/controller-revision';
import type { PodTemplateSpec } from '../kinds/pod-template';
import { fnv1Hash32, normalizeTemplate, safeEncodeString, stableStringify, utf8Bytes } from '../workloads/pod-template-hash';

/**
 * ControllerRevision bookkeeping shared by the StatefulSet and DaemonSet controllers
 * (Kubernetes' pkg/controller/history and the two controllers' getPatch): what a revision
 * stores, how it is named, numbered, compared and sorted. `kubectl rollout history|undo`
 * read these objects directly.
 */

/** apps/v1 ControllerRevisionHashLabelKey: on StatefulSet/DaemonSet pods, and on DaemonSet revisions. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** history.ControllerRevisionHashLabel: the hash label the history package puts on StatefulSet revisions. */
export const CONTROLLER_HISTORY_HASH_LABEL = 'controller.kubernetes.io/hash';

/** Longest owner-name prefix of a revision name (history.ControllerRevisionName). */
const MAX_REVISION_PREFIX = 223;

/** history.ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > MAX_REVISION_PREFIX ? prefix.slice(0, MAX_REVISION_PREFIX) : prefix}-${hash}`;
}

/** A copy of a JSON value with object keys in byte order at every level (Go's json.Marshal of a map). */
function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sortKeysDeep(v)) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) if (obj[k] !== undefined) out[k] = sortKeysDeep(obj[k]);
  return out as T;
}

/**
 * The data a StatefulSet or DaemonSet revision stores (getPatch): a strategic merge patch
 * that puts the template back whole, `{"spec":{"template":{"$patch":"replace",...}}}`.
 * `kubectl rollout undo` sends exactly this as a strategic merge patch to the workload, and
 * `kubectl rollout history --revision=N` applies it to show the template.
 */
export function templateRevisionData(template: PodTemplateSpec | undefined): Record<string, unknown> {
  const copy = structuredClone(template ?? {}) as Record<string, unknown>;
  return sortKeysDeep({ spec: { template: { ...copy, $patch: 'replace' } } });
}

/** The pod template a revision's data restores (ApplyRevision), or undefined when the data has none. */
export function revisionDataTemplate(data: unknown): PodTemplateSpec | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const spec = (data as { spec?: unknown }).spec;
  if (spec === null || typeof spec !== 'object') return undefined;
  const template = (spec as { template?: unknown }).template;
  if (template === null || typeof template !== 'object' || Array.isArray(template)) return undefined;
  const { $patch: _directive, ...rest } = structuredClone(template) as Record<string, unknown>;
  return rest as PodTemplateSpec;
}

/** The canonical text of revision data: nulls, empty maps and empty lists dropped, keys sorted. */
function canonicalData(data: unknown): string {
  return stableStringify(normalizeTemplate(data ?? {}));
}

/**
 * history.EqualRevision on the data: Kubernetes compares the stored bytes; the data is
 * stored as JSON (key order and empty members may change on the way through the API),
 * so it is compared by meaning instead.
 */
export function revisionDataEqual(a: unknown, b: unknown): boolean {
  return canonicalData(a) === canonicalData(b);
}

/**
 * history.HashControllerRevision: FNV-1 of the data, then the collision count's decimal
 * digits when given, printed in decimal and mapped through SafeEncodeString. The data is
 * hashed in its canonical form, so equal templates always get the same name.
 */
export function hashControllerRevisionData(data: unknown, collisionCount?: number): string {
  let h = fnv1Hash32(utf8Bytes(canonicalData(data)));
  if (collisionCount !== undefined && collisionCount !== null) h = fnv1Hash32(utf8Bytes(String(collisionCount)), h);
  return safeEncodeString(String(h));
}

function creationMillis(rev: ControllerRevision): number {
  const ms = Date.parse(rev.metadata.creationTimestamp ?? '');
  return Number.isNaN(ms) ? 0 : ms;
}

/** history.SortControllerRevisions: by revision number, then creation time, then name (a sorted copy). */
export function sortControllerRevisions(revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort((a, b) => {
    if (a.revision !== b.revision) return (a.revision ?? 0) - (b.revision ?? 0);
    const ta = creationMillis(a);
    const tb = creationMillis(b);
    if (ta !== tb) return ta - tb;
    const na = a.metadata.name ?? '';
    const nb = b.metadata.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

/** The highest revision number among the revisions (0 if none). */
export function maxControllerRevisionNumber(revisions: readonly ControllerRevision[]): number {
  let max = 0;
  for (const r of revisions) if ((r.revision ?? 0) > max) max = r.revision;
  return max;
}

/** nextRevision: one more than the highest revision number, 1 for the first. */
export function nextControllerRevisionNumber(revisions: readonly ControllerRevision[]): number {
  return maxControllerRevisionNumber(revisions) + 1;
}

/** A copy of a revision with a new revision number (history.UpdateControllerRevision; data is immutable). */
export function controllerRevisionWithNumber(revision: ControllerRevision, number: number): ControllerRevision {
  return { ...structuredClone(revision), revision: number };
}
