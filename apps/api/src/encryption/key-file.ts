import * as fs from 'fs';
import * as path from 'path';
import { formatKeyList, generateKey, parseKeyList } from './key-list';
import type { EncryptionKey } from './key-ring';

/** The key file's name under SKIFF_HOME. */
export const KEY_FILE = 'encryption-keys';

const HEADER = `# Skiff's Secret encryption keys (AES-256-GCM): id:base64key, one a line; the first encrypts.
# Keep this file private and backed up: without it the Secrets in the database cannot be read.
# Every Skiff process of the cluster needs the same keys (share SKIFF_HOME or set SKIFF_ENCRYPTION_KEYS).
`;

export function keyFilePath(home: string): string {
  return path.join(home, KEY_FILE);
}

/** The keys in `<home>/encryption-keys`, or undefined when there is no such file. */
export function readKeyFile(home: string): EncryptionKey[] | undefined {
  const file = keyFilePath(home);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parseKeyList(text, file);
}

/**
 * Makes `<home>/encryption-keys` with one new key (mode 0600). Processes starting at once
 * on one home agree on a single key: the file appears complete or not at all (written
 * aside, then hard-linked into place), and whoever loses the race reads the winner's.
 */
export function createKeyFile(home: string): EncryptionKey[] {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = keyFilePath(home);
  const aside = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(aside, `${HEADER}${formatKeyList([generateKey()])}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(aside, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(aside, { force: true });
  }
  return readKeyFile(home)!;
}
