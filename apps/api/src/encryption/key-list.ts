import { randomBytes } from 'crypto';
import type { EncryptionKey } from './key-ring';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * `id:base64key` entries separated by commas or new lines (the form of
 * SKIFF_ENCRYPTION_KEYS and of the key file; `#` starts a comment line), first
 * one first. Errors name `source` and never echo a key.
 */
export function parseKeyList(text: string, source: string): EncryptionKey[] {
  const entries = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) throw new Error(`${source} holds no key; expected id:base64key[,id:base64key…]`);
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const b64 = colon < 0 ? '' : entry.slice(colon + 1);
    if (!ID.test(id)) throw new Error(`${source}: entry ${i + 1} must be id:base64key with an id of letters, digits, '.', '_' or '-'`);
    if (seen.has(id)) throw new Error(`${source}: key id "${id}" appears twice`);
    seen.add(id);
    const key = BASE64.test(b64) ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) {
      throw new Error(`${source}: key "${id}" must be 32 bytes in base64 (AES-256), got ${BASE64.test(b64) ? `${key.length} bytes` : 'no valid base64'}; make one with: head -c 32 /dev/urandom | base64`);
    }
    return { id, key };
  });
}

/** The SKIFF_ENCRYPTION_KEYS form of a key list. */
export function formatKeyList(keys: readonly EncryptionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

/** A new random key, its id `k` + 8 random hex digits, so that keys made in two places never share an id. */
export function generateKey(): EncryptionKey {
  return { id: `k${randomBytes(4).toString('hex')}`, key: randomBytes(32) };
}
