import type { DataSource } from 'typeorm';
import type { DeliveryOutcome } from '@skiff/domain';

/** One row of `deploy_hook_deliveries`. */
export interface DeliveryRecord {
  deliveryId: string;
  receivedAt: string;
  sourceIP: string;
  eventType: string;
  image?: string;
  /** `pending` while the first request for it is being handled. */
  outcome: DeliveryOutcome | 'pending';
  /** The HTTP status it was answered with (a redelivery gets the same). */
  code?: number;
  message: string;
  targetResourceVersion?: string;
}

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  code: number;
  message: string;
  image?: string;
  targetResourceVersion?: string;
}

/** A pending delivery older than this was abandoned (its process died): a redelivery takes it over. */
const ABANDONED_SECONDS = 60;

const COLUMNS = `delivery_id, received_at, source_ip, event_type, image, outcome, code, message, target_resource_version`;

interface Row {
  delivery_id: string;
  received_at: Date;
  source_ip: string;
  event_type: string;
  image: string | null;
  outcome: DeliveryRecord['outcome'];
  code: number | null;
  message: string;
  target_resource_version: string | null;
}

function toRecord(r: Row): DeliveryRecord {
  return {
    deliveryId: r.delivery_id,
    receivedAt: r.received_at.toISOString(),
    sourceIP: r.source_ip,
    eventType: r.event_type,
    ...(r.image !== null ? { image: r.image } : {}),
    outcome: r.outcome,
    ...(r.code !== null ? { code: r.code } : {}),
    message: r.message,
    ...(r.target_resource_version !== null ? { targetResourceVersion: r.target_resource_version } : {}),
  };
}

/**
 * The delivery log: each signed delivery is claimed by its id before anything is done,
 * so a redelivery (the same id again) finds the first one's row and changes nothing;
 * only a `failed` delivery, or one abandoned while pending, may be handled again.
 * The newest `keep` deliveries of each hook are kept.
 */
export class DeliveryLog {
  constructor(
    private readonly ds: DataSource,
    readonly keep = 100,
  ) {}

  /** `claimed` when this request is to handle the delivery; else the row of the first one. */
  async claim(hookUid: string, d: { deliveryId: string; sourceIP: string; eventType: string; image?: string }): Promise<{ claimed: true } | { claimed: false; first: DeliveryRecord }> {
    const args = [hookUid, d.deliveryId, d.sourceIP, storable(d.eventType), d.image === undefined ? null : storable(d.image)];
    const inserted = await this.ds.query(
      `INSERT INTO deploy_hook_deliveries (hook_uid, delivery_id, source_ip, event_type, image, outcome)
       VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT (hook_uid, delivery_id) DO NOTHING RETURNING id`,
      args,
    );
    if (inserted.length) return { claimed: true };
    const retaken = await this.ds.query(
      `WITH again AS (
         UPDATE deploy_hook_deliveries
            SET outcome = 'pending', received_at = now(), source_ip = $3, event_type = $4, image = $5, code = NULL, message = '', target_resource_version = NULL
          WHERE hook_uid = $1 AND delivery_id = $2
            AND (outcome = 'failed' OR (outcome = 'pending' AND received_at < now() - make_interval(secs => ${ABANDONED_SECONDS})))
          RETURNING id)
       SELECT id FROM again`,
      args,
    );
    if (retaken.length) return { claimed: true };
    const rows: Row[] = await this.ds.query(`SELECT ${COLUMNS} FROM deploy_hook_deliveries WHERE hook_uid = $1 AND delivery_id = $2`, [hookUid, d.deliveryId]);
    // Trimmed away in between: handle it as new.
    if (!rows.length) return this.claim(hookUid, d);
    return { claimed: false, first: toRecord(rows[0]) };
  }

  /** Records what a claimed delivery did, then drops the hook's deliveries beyond the newest `keep`. */
  async finish(hookUid: string, deliveryId: string, result: DeliveryResult): Promise<DeliveryRecord> {
    const rows: Row[] = await this.ds.query(
      `WITH done AS (
         UPDATE deploy_hook_deliveries SET outcome = $3, code = $4, message = $5, image = COALESCE($6, image), target_resource_version = $7
          WHERE hook_uid = $1 AND delivery_id = $2 RETURNING ${COLUMNS})
       SELECT * FROM done`,
      [hookUid, deliveryId, result.outcome, result.code, storable(result.message), result.image === undefined ? null : storable(result.image), result.targetResourceVersion ?? null],
    );
    await this.ds.query(
      `DELETE FROM deploy_hook_deliveries WHERE id IN (
         SELECT id FROM deploy_hook_deliveries WHERE hook_uid = $1 ORDER BY received_at DESC, id DESC OFFSET $2)`,
      [hookUid, this.keep],
    );
    return rows.length ? toRecord(rows[0]) : { deliveryId, receivedAt: new Date().toISOString(), sourceIP: '', eventType: '', ...result };
  }

  /** The hook's kept deliveries, newest first. */
  async list(hookUid: string): Promise<DeliveryRecord[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM deploy_hook_deliveries WHERE hook_uid = $1 ORDER BY received_at DESC, id DESC LIMIT $2`,
      [hookUid, this.keep],
    );
    return rows.map(toRecord);
  }

  /** Drops the deliveries of hooks that no longer exist (a hook's uid leaves the objects table with it). */
  async forgetDeletedHooks(): Promise<void> {
    await this.ds.query(
      `DELETE FROM deploy_hook_deliveries d
        WHERE d.received_at < now() - interval '1 hour'
          AND NOT EXISTS (SELECT 1 FROM objects o WHERE o.uid = d.hook_uid)`,
    );
  }
}

/** Text as Postgres can hold it: a payload's tag or a message quoting it may carry NUL, written here as `\u0000`. */
function storable(text: string): string {
  return text.replace(/\u0000/g, '\\u0000');
}
