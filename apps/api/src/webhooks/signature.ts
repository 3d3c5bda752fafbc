import { createHash, createHmac, timingSafeEqual } from 'crypto';

/** `X-Hub-Signature-256: sha256=<hex>`, GitHub's form, which every sender of a hook uses. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** The header value a sender computes: HMAC-SHA256 of the raw body, keyed with the token. */
export function signBody(body: Buffer, token: Buffer): string {
  return `sha256=${createHmac('sha256', token).update(body).digest('hex')}`;
}

/** Whether `header` signs `body` with `token`; compared in constant time. */
export function signatureMatches(body: Buffer, header: string | undefined, token: Buffer): boolean {
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? '');
  if (!m || token.length === 0) return false;
  const expected = createHmac('sha256', token).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(m[1], 'hex'));
}

export function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}
