import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

/** One AES-256 key and the id stored beside everything it encrypts. */
export interface EncryptionKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a sealed value could not be opened; the message never holds key material or plaintext. */
export class UnsealError extends Error {
  constructor(
    message: string,
    /** The key id the value names, when it names one. */
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'UnsealError';
  }
}

/**
 * AES-256-GCM with a list of keys: the first seals, every key opens what it sealed.
 * A sealed value is `<key id>:<base64 of iv | ciphertext | tag>`, so values written
 * under an older key still open after a newer one is put first. A fresh random 96-bit
 * IV per value; `aad` (additional authenticated data) binds the value to its place.
 */
export class KeyRing {
  private readonly byId: Map<string, Buffer>;

  constructor(readonly keys: readonly EncryptionKey[]) {
    if (!keys.length) throw new Error('a key ring needs at least one key');
    this.byId = new Map();
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`encryption key "${k.id}" is ${k.key.length} bytes; AES-256 needs 32`);
      if (this.byId.has(k.id)) throw new Error(`encryption key id "${k.id}" appears twice`);
      this.byId.set(k.id, k.key);
    }
  }

  /** The id of the key that seals. */
  get primaryId(): string {
    return this.keys[0].id;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  seal(plaintext: Buffer, aad: Buffer): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys[0].key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return `${this.primaryId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
  }

  open(sealed: string, aad: Buffer): Buffer {
    const id = keyIdOf(sealed);
    if (id === undefined) throw new UnsealError('the stored value is not of the form <key id>:<base64>');
    const key = this.byId.get(id);
    if (!key) throw new UnsealError(`it was sealed with key "${id}", which this process does not have`, id);
    const raw = Buffer.from(sealed.slice(id.length + 1), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new UnsealError(`the sealed value (key "${id}") is too short`, id);
    const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new UnsealError(`the sealed value (key "${id}") failed authentication: it was altered, moved from another object, or sealed with a different key of the same id`, id);
    }
  }
}

/** The key id a sealed value names, or undefined if it is not a sealed value. */
export function keyIdOf(sealed: string): string | undefined {
  const i = sealed.indexOf(':');
  return i > 0 ? sealed.slice(0, i) : undefined;
}
