import { DEPLOY_HOOK_API_VERSION, StatusError, isStatusError, type DeployHook } from '@skiff/domain';
import type { DeliveryRecord, DeliveryResult } from './delivery-log';

/** What a delivery request is answered with. */
export interface DeliveryAnswer {
  code: number;
  body: object;
}

/** A write that failed: its Status code (5xx as 500) and message. */
export function failure(e: unknown): DeliveryResult {
  if (isStatusError(e)) return { outcome: 'failed', code: e.code >= 500 ? 500 : e.code, message: e.message };
  return { outcome: 'failed', code: 500, message: (e as Error)?.message ?? String(e) };
}

/** The delivery as the log holds it, as a `DeployHookDelivery` body. */
export function asDelivery(hook: DeployHook, r: DeliveryRecord, extra: object = {}): object {
  return {
    kind: 'DeployHookDelivery',
    apiVersion: DEPLOY_HOOK_API_VERSION,
    hook: { namespace: hook.metadata.namespace, name: hook.metadata.name },
    ...r,
    ...extra,
  };
}

const REASONS: Record<number, string> = { 400: 'BadRequest', 404: 'NotFound', 409: 'Conflict', 422: 'Invalid', 500: 'InternalError' };

/** 2xx: the delivery as logged; otherwise a Status saying what became of it. */
export function answer(hook: DeployHook, r: DeliveryRecord, duplicate = false): DeliveryAnswer {
  const code = r.code ?? 200;
  if (code < 300) return { code, body: asDelivery(hook, r, duplicate ? { duplicate: true } : {}) };
  const error = new StatusError(code, REASONS[code] ?? 'Failure', `delivery ${r.deliveryId} ${r.outcome}: ${r.message}`, {
    name: r.deliveryId,
    group: 'skiff.io',
    kind: 'deployhookdeliveries',
  });
  return { code, body: error.toStatus() };
}
