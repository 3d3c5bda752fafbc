import { randomBytes } from 'crypto';
import { KeyRing, UnsealError, keyIdOf } from './key-ring';

const k = (id: string) => ({ id, key: randomBytes(32) });
const aad = Buffer.from('skiff/secrets/default/db');

describe('KeyRing (AES-256-GCM)', () => {
  it('seals with the first key, naming it, and opens what it sealed', () => {
    const ring = new KeyRing([k('k1')]);
    const sealed = ring.seal(Buffer.from('hunter2'), aad);
    expect(sealed).toMatch(/^k1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('hunter2');
    expect(ring.open(sealed, aad).toString()).toBe('hunter2');
  });

  it('uses a fresh IV each time: the same plaintext never seals to the same value', () => {
    const ring = new KeyRing([k('k1')]);
    const values = new Set(Array.from({ length: 50 }, () => ring.seal(Buffer.from('same'), aad)));
    expect(values.size).toBe(50);
  });

  it('still opens values sealed with an older key once a new key is put first', () => {
    const k1 = k('k1');
    const old = new KeyRing([k1]).seal(Buffer.from('before'), aad);
    const rotated = new KeyRing([k('k2'), k1]);
    expect(rotated.primaryId).toBe('k2');
    expect(rotated.open(old, aad).toString()).toBe('before');
    expect(keyIdOf(rotated.seal(Buffer.from('after'), aad))).toBe('k2');
  });

  it('refuses a value whose key it does not hold, naming the key', () => {
    const sealed = new KeyRing([k('k1')]).seal(Buffer.from('x'), aad);
    const other = new KeyRing([k('k2')]);
    expect(() => other.open(sealed, aad)).toThrow(UnsealError);
    expect(() => other.open(sealed, aad)).toThrow('sealed with key "k1", which this process does not have');
  });

  it('refuses a tampered value, a value moved to another place (AAD), and a different key under the same id', () => {
    const ring = new KeyRing([k('k1')]);
    const sealed = ring.seal(Buffer.from('secret value'), aad);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[20] ^= 1;
    expect(() => ring.open(`k1:${raw.toString('base64')}`, aad)).toThrow(/failed authentication/);
    expect(() => ring.open(sealed, Buffer.from('skiff/secrets/default/other'))).toThrow(/failed authentication/);
    expect(() => new KeyRing([k('k1')]).open(sealed, aad)).toThrow(/failed authentication/);
  });

  it('refuses malformed values without echoing them', () => {
    const ring = new KeyRing([k('k1')]);
    expect(() => ring.open('no key id here', aad)).toThrow('not of the form <key id>:<base64>');
    expect(() => ring.open('k1:c2hvcnQ=', aad)).toThrow('too short');
  });

  it('needs at least one key, 32 bytes each, ids unique', () => {
    expect(() => new KeyRing([])).toThrow('at least one key');
    expect(() => new KeyRing([{ id: 'k1', key: randomBytes(16) }])).toThrow('16 bytes; AES-256 needs 32');
    expect(() => new KeyRing([k('k1'), k('k1')])).toThrow('"k1" appears twice');
  });
});
