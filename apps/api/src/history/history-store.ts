import type { DataSource } from 'typeorm';
import type { KubeObject } from '@skiff/domain';
import type { BodyCodec } from '../encryption/body-codec';

/** One object's key in the change log: `resource` is group-qualified (`deployments.apps`, `pods`). */
export interface HistoryKey {
  resource: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
}

/** The ends of the kept log when a read was made (same snapshot as the read). */
export interface LogBounds {
  /** The cluster's latest revision. */
  current: number;
  /** Changes at or below this revision have been compacted away. */
  compacted: number;
}

export interface StateRead extends LogBounds {
  /** The object at that point; undefined when it did not exist then. */
  object?: KubeObject;
}

export interface StateAtTimeRead extends StateRead {
  /** The time asked for is later than the database's clock. */
  future: boolean;
  /** The time asked for is before the oldest kept change, and older ones were compacted: no answer. */
  beforeLog: boolean;
}

/** One row of the change log for one object. */
export interface ObjectChange {
  revision: number;
  /** When the change was committed (its transaction's start), RFC 3339 with microseconds, UTC. */
  time: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The object after the change (for DELETED: as it was deleted). */
  object: KubeObject;
  /** The object before the change (MODIFIED, DELETED). */
  prev?: KubeObject;
}

export interface ChangesRead extends LogBounds {
  /** Whether the object exists now. */
  exists: boolean;
  changes: ObjectChange[];
}

const KEY = 'resource = $1 AND namespace = $2 AND name = $3';
const RFC3339_MICRO = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The state of one key at a point, from the change log, in one statement (one snapshot):
 * the latest change at or before the point tells it (absent if a DELETED); with none
 * kept, the first change after the point tells it by its `prev` (absent if an ADDED);
 * with no change after it either, the object is as it is now. So an object unchanged
 * since before the compaction point is still found.
 */
function stateSql(atOrBefore: string, after: string, extraColumns: string): string {
  return `WITH rev AS (SELECT revision AS current, compacted FROM revision WHERE id = 1),
    last_change AS (SELECT type, body FROM changes WHERE ${KEY} AND ${atOrBefore} ORDER BY revision DESC LIMIT 1),
    next_change AS (SELECT type, prev FROM changes WHERE ${KEY} AND ${after} ORDER BY revision LIMIT 1)
    SELECT rev.current, rev.compacted, ${extraColumns}
      CASE
        WHEN EXISTS (SELECT 1 FROM last_change) THEN (SELECT CASE WHEN type = 'DELETED' THEN NULL ELSE body END FROM last_change)
        WHEN EXISTS (SELECT 1 FROM next_change) THEN (SELECT CASE WHEN type = 'ADDED' THEN NULL ELSE prev END FROM next_change)
        ELSE (SELECT body FROM objects WHERE ${KEY})
      END AS body
    FROM rev`;
}

const STATE_AT_REVISION = stateSql('revision <= $4', 'revision > $4', '');
const STATE_AT_TIME = stateSql(
  'created_at <= $4::timestamptz',
  'created_at > $4::timestamptz',
  `$4::timestamptz > clock_timestamp() AS future,
   rev.compacted > 0
     AND NOT EXISTS (SELECT 1 FROM last_change)
     AND NOT EXISTS (SELECT 1 FROM (SELECT created_at FROM changes ORDER BY revision LIMIT 1) oldest WHERE created_at <= $4::timestamptz) AS before_log,`,
);

const CHANGES_AFTER = `WITH rev AS (SELECT revision AS current, compacted FROM revision WHERE id = 1)
  SELECT rev.current, rev.compacted, EXISTS (SELECT 1 FROM objects WHERE ${KEY}) AS live,
         c.revision, c.type, c.time, c.body, c.prev
    FROM rev LEFT JOIN LATERAL (
      SELECT revision, type, ${RFC3339_MICRO} AS time, body, prev FROM changes
       WHERE ${KEY} AND revision > $4 ORDER BY revision LIMIT $5
    ) c ON true
   ORDER BY c.revision`;

interface BoundsRow {
  current: string;
  compacted: string;
}

/**
 * The SQL of history: reads of the change log (`changes`) and the current rows, for
 * one object at a time. Nothing here decides what an answer means (see HistoryService).
 */
export class HistoryStore {
  constructor(
    private readonly ds: DataSource,
    /** The store's body codec: opens sealed (Secret) bodies, passes the others through. */
    private readonly codec: BodyCodec,
  ) {}

  /** The object as it was at `revision` (meaningful for compacted ≤ revision ≤ current). */
  async stateAtRevision(key: HistoryKey, revision: number): Promise<StateRead> {
    const [row]: (BoundsRow & { body: unknown })[] = await this.ds.query(STATE_AT_REVISION, [key.resource, key.namespace, key.name, revision]);
    return { ...bounds(row), object: this.decodeOrAbsent(key, row.body) };
  }

  /** The object as it was at `time` (RFC 3339): its latest change committed at or before then. */
  async stateAtTime(key: HistoryKey, time: string): Promise<StateAtTimeRead> {
    const [row]: (BoundsRow & { body: unknown; future: boolean; before_log: boolean })[] = await this.ds.query(STATE_AT_TIME, [key.resource, key.namespace, key.name, time]);
    return { ...bounds(row), future: row.future, beforeLog: row.before_log, object: this.decodeOrAbsent(key, row.body) };
  }

  /** Up to `limit` kept changes of the object after `afterRevision`, oldest first. */
  async changes(key: HistoryKey, afterRevision: number, limit: number): Promise<ChangesRead> {
    const rows: (BoundsRow & { live: boolean; revision: string | null; type: ObjectChange['type']; time: string; body: unknown; prev: unknown })[] =
      await this.ds.query(CHANGES_AFTER, [key.resource, key.namespace, key.name, afterRevision, limit]);
    const changes = rows
      .filter((r) => r.revision !== null)
      .map((r): ObjectChange => {
        const prev = this.decodeOrAbsent(key, r.prev);
        return { revision: Number(r.revision), time: r.time, type: r.type, object: this.decode(key, r.body), ...(prev ? { prev } : {}) };
      });
    return { ...bounds(rows[0]), exists: rows[0].live, changes };
  }

  private decodeOrAbsent(key: HistoryKey, body: unknown): KubeObject | undefined {
    return body === null || body === undefined ? undefined : this.decode(key, body);
  }

  /**
   * Every object body this class reads — `changes.body`, `changes.prev`, `objects.body` —
   * passes through here, and only here. Secrets are stored as sealed envelopes bound to
   * their row (ADR 7): the store's codec opens them with this key, so history answers
   * with the opened object and never with an envelope (or a 500 if it does not open).
   */
  private decode(key: HistoryKey, body: unknown): KubeObject {
    return this.codec.open(key, body as KubeObject);
  }
}

function bounds(row: BoundsRow): LogBounds {
  return { current: Number(row.current), compacted: Number(row.compacted) };
}
