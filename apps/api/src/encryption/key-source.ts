import { createKeyFile, keyFilePath, readKeyFile } from './key-file';
import { KeyRing, type EncryptionKey } from './key-ring';

export interface KeySettings {
  /** SKIFF_ENCRYPTION_KEYS, parsed; when absent the key file under `home` is used (made on first start). */
  encryptionKeys?: EncryptionKey[];
  home?: string;
}

/**
 * This process's key ring: SKIFF_ENCRYPTION_KEYS, else `<home>/encryption-keys`, else a
 * new key file — but only when the store holds no sealed Secret yet (`inUse` lists the
 * key ids stored Secrets name). Refuses to start with keys that cannot open them, rather
 * than serving errors for every Secret.
 */
export function loadKeyRing(settings: KeySettings, inUse: readonly string[]): { ring: KeyRing; source: string; created: boolean } {
  let keys = settings.encryptionKeys;
  let source = 'SKIFF_ENCRYPTION_KEYS';
  let created = false;
  if (!keys?.length) {
    if (!settings.home) throw new Error('no Secret encryption keys: set SKIFF_ENCRYPTION_KEYS or SKIFF_HOME');
    source = keyFilePath(settings.home);
    keys = readKeyFile(settings.home);
    if (!keys) {
      if (inUse.length) {
        throw new Error(
          `the store holds Secrets encrypted with key ${quoted(inUse)}, but ${source} does not exist and SKIFF_ENCRYPTION_KEYS is not set: ` +
            `restore that key file (or set SKIFF_ENCRYPTION_KEYS) instead of starting with a new key`,
        );
      }
      keys = createKeyFile(settings.home);
      created = true;
    }
  }
  const ring = new KeyRing(keys);
  const missing = inUse.filter((id) => !ring.has(id));
  if (missing.length) {
    throw new Error(
      `the store holds Secrets encrypted with key ${quoted(missing)}, which ${source} does not hold: ` +
        `every Skiff process needs the same keys (set SKIFF_ENCRYPTION_KEYS alike everywhere, or share SKIFF_HOME)`,
    );
  }
  return { ring, source, created };
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}
