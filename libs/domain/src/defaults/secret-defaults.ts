import { encodeBase64Utf8 } from '../validation/base64';
import { asText, isRecord } from '../validation/json-access';

/**
 * Secret: type Opaque; write-only `stringData` is folded into `data` (base64), winning
 * over a `data` key of the same name, and never stored.
 */
export function defaultSecret(obj: Record<string, unknown>): void {
  if (!obj.type) obj.type = 'Opaque';
  if (!isRecord(obj.stringData)) return;
  const data = isRecord(obj.data) ? obj.data : (obj.data = {});
  for (const [k, v] of Object.entries(obj.stringData)) data[k] = encodeBase64Utf8(asText(v));
  delete obj.stringData;
}
