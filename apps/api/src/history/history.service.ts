import {
  Errors,
  StatusError,
  apiVersionOf,
  describePoint,
  groupResource,
  objectDiff,
  summarizeChange,
  type FieldChange,
  type KubeObject,
  type PointInTime,
  type ResourceType,
} from '@skiff/domain';
import type { Operation } from 'fast-json-patch';
import type { RequestAuthorizer } from '../auth/request-authorizer';
import type { UserInfo } from '../auth/token.service';
import type { HistoryKey, HistoryStore, LogBounds } from './history-store';

export const HISTORY_API_VERSION = 'skiff.io/v1';
/** Revisions in one page unless `limit` says otherwise, and the most one page may hold. */
export const DEFAULT_REVISIONS_LIMIT = 500;
export const MAX_REVISIONS_LIMIT = 1000;

/** The object a history answer is about. */
export interface ObjectReference {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ObjectRevision {
  /** The cluster revision of the change (the object's resourceVersion after it). */
  revision: number;
  /** RFC 3339, microseconds, UTC: when the change was committed. */
  time: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** Changed fields, two levels deep (`spec.template`, `status.replicas`), noise left out. */
  changed: string[];
  /** One line for people: `created`, `spec.replicas: 3 → 5`, `changed spec.template, status.conditions`. */
  summary: string;
}

export interface ObjectRevisionList {
  kind: 'ObjectRevisionList';
  apiVersion: typeof HISTORY_API_VERSION;
  /** resourceVersion: the cluster's revision when read; continue: pass back for the next page. */
  metadata: { resourceVersion: string; continue?: string };
  object: ObjectReference;
  /** History reaches back to just after this revision. */
  compactedRevision: number;
  items: ObjectRevision[];
}

/** One end of a diff: the point asked for, and whether and as what the object existed then. */
export interface DiffEnd {
  revision?: number;
  time?: string;
  exists: boolean;
  /** The object's resourceVersion at that point (the revision of its latest change). */
  resourceVersion?: string;
}

export interface ObjectRevisionDiff {
  kind: 'ObjectDiff';
  apiVersion: typeof HISTORY_API_VERSION;
  object: ObjectReference;
  from: DiffEnd;
  to: DiffEnd;
  /** Whether resourceVersion, generation, managedFields and the last-applied annotation were kept. */
  noise: boolean;
  /** RFC 6902 operations from `from` to `to`. */
  patch: Operation[];
  changes: FieldChange[];
  /** Unified diff of the YAML renderings; '' when equal. */
  unified: string;
}

/**
 * History and time travel of single objects, read from the change log: an object as it
 * was at a revision or time, its revisions, and the diff between two points. Each call
 * is authorized as `get` on the object, so the REST controller, GraphQL and the
 * dashboard get the same answer and the same refusals.
 */
export class HistoryService {
  constructor(
    private readonly store: HistoryStore,
    private readonly authorizer: RequestAuthorizer,
  ) {}

  /** The object as it was at `at`; 404 if it did not exist then, 410 before the kept log, 504/400 past the present. */
  async objectAt(user: UserInfo, type: ResourceType, namespace: string, name: string, at: PointInTime): Promise<KubeObject> {
    await this.authorizeGet(user, type, namespace, name);
    const object = await this.stateAt(key(type, namespace, name), at);
    if (!object) throw notFoundAt(type, name, at);
    return object;
  }

  /** The kept changes of the object, oldest first, a page at a time (`continue` is the last revision of the previous page). */
  async revisions(user: UserInfo, type: ResourceType, namespace: string, name: string, page: { limit?: number; continue?: number } = {}): Promise<ObjectRevisionList> {
    await this.authorizeGet(user, type, namespace, name);
    const limit = Math.min(page.limit || DEFAULT_REVISIONS_LIMIT, MAX_REVISIONS_LIMIT);
    const after = page.continue ?? 0;
    const read = await this.store.changes(key(type, namespace, name), after, limit + 1);
    if (page.continue === undefined && !read.changes.length && !read.exists) throw Errors.notFound(type, name);
    const shown = read.changes.slice(0, limit);
    const items = shown.map((c): ObjectRevision => ({ revision: c.revision, time: c.time, type: c.type, ...summarizeChange(c.type, c.prev, c.object) }));
    const more = read.changes.length > limit;
    return {
      kind: 'ObjectRevisionList',
      apiVersion: HISTORY_API_VERSION,
      metadata: { resourceVersion: String(read.current), ...(more ? { continue: String(shown[shown.length - 1].revision) } : {}) },
      object: reference(type, namespace, name),
      compactedRevision: read.compacted,
      items,
    };
  }

  /** The change from the object at `from` to it at `to` (either may be before creation or after deletion, not both). */
  async diff(user: UserInfo, type: ResourceType, namespace: string, name: string, from: PointInTime, to: PointInTime, opts: { noise?: boolean } = {}): Promise<ObjectRevisionDiff> {
    await this.authorizeGet(user, type, namespace, name);
    const k = key(type, namespace, name);
    const [a, b] = [await this.stateAt(k, from), await this.stateAt(k, to)];
    if (!a && !b) throw Errors.notFound(type, name);
    const label = (p: PointInTime) => `${k.resource}/${namespace ? `${namespace}/` : ''}${name}@${describePoint(p)}`;
    const d = objectDiff(a, b, { noise: opts.noise, fromLabel: label(from), toLabel: label(to) });
    return {
      kind: 'ObjectDiff',
      apiVersion: HISTORY_API_VERSION,
      object: reference(type, namespace, name),
      from: diffEnd(from, a),
      to: diffEnd(to, b),
      noise: Boolean(opts.noise),
      ...d,
    };
  }

  /** Exactly the check a `get` of the object gets on the Kubernetes API. */
  private async authorizeGet(user: UserInfo, type: ResourceType, namespace: string, name: string): Promise<void> {
    await this.authorizer.resource(user, { kind: 'resource', verb: 'get', group: type.group, version: type.version, resource: type.resource, type, namespace, name, subresource: '' });
  }

  private async stateAt(k: HistoryKey, at: PointInTime): Promise<KubeObject | undefined> {
    if ('revision' in at) {
      const read = await this.store.stateAtRevision(k, at.revision);
      checkRevision(at.revision, read);
      return read.object;
    }
    const read = await this.store.stateAtTime(k, at.time);
    if (read.future) throw Errors.badRequest(`time "${at.time}" is in the future: history answers for past times only`);
    if (read.beforeLog) throw compactedError(`time "${at.time}"`, read.compacted);
    return read.object;
  }
}

/** As a list at an exact revision: 410 before the compaction point, 504 (ResourceVersionTooLarge) after the present. */
function checkRevision(revision: number, b: LogBounds): void {
  if (revision < b.compacted) throw compactedError(`revision ${revision}`, b.compacted);
  if (revision > b.current) {
    throw new StatusError(504, 'Timeout', `Too large resource version: ${revision}, current: ${b.current}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    });
  }
}

function compactedError(what: string, compacted: number): StatusError {
  return Errors.gone(`${what} is older than the kept history: the change log is compacted up to revision ${compacted}`);
}

function notFoundAt(type: ResourceType, name: string, at: PointInTime): StatusError {
  const e = Errors.notFound(type, name);
  const when = 'revision' in at ? `revision ${at.revision}` : `time ${at.time}`;
  return new StatusError(e.code, e.reason, `${e.message} at ${when}`, e.details);
}

function key(type: ResourceType, namespace: string, name: string): HistoryKey {
  return { resource: groupResource(type), namespace, name };
}

function reference(type: ResourceType, namespace: string, name: string): ObjectReference {
  return { apiVersion: apiVersionOf(type), kind: type.kind, ...(namespace ? { namespace } : {}), name };
}

function diffEnd(p: PointInTime, obj: KubeObject | undefined): DiffEnd {
  return { ...p, exists: Boolean(obj), ...(obj?.metadata.resourceVersion ? { resourceVersion: obj.metadata.resourceVersion } : {}) };
}
