import { formatParsedQuantity, roundUpToMilli, tryParseQuantityExact } from '../validation/quantity';
import { isRecord } from '../validation/json-access';

/**
 * Rewrites every quantity of a resource list the way the server stores it: rounded up
 * to thousandths, in canonical spelling (`0.5` → `500m`, `1024Mi` → `1Gi`). Values that
 * are not quantities are left for validation to report.
 */
export function canonicalizeResourceList(list: unknown): void {
  if (!isRecord(list)) return;
  for (const [name, value] of Object.entries(list)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const q = tryParseQuantityExact(value);
    if (q) list[name] = formatParsedQuantity(roundUpToMilli(q));
  }
}

/** Canonical spelling of a single quantity field (no rounding), e.g. an emptyDir sizeLimit. */
export function canonicalizeQuantityField(holder: Record<string, unknown>, field: string): void {
  const value = holder[field];
  if (typeof value !== 'string' && typeof value !== 'number') return;
  const q = tryParseQuantityExact(value);
  if (q) holder[field] = formatParsedQuantity(q);
}
