import { randomBytes } from 'crypto';
import { loadConfig } from '../config/skiff-config';
import { formatKeyList, generateKey, parseKeyList } from './key-list';

const b64 = (n = 32) => randomBytes(n).toString('base64');
const env = (keys: string) => ({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', SKIFF_ENCRYPTION_KEYS: keys });

describe('key lists (SKIFF_ENCRYPTION_KEYS and the key file)', () => {
  it('reads id:base64key entries separated by commas or lines, in order, skipping comments', () => {
    const [a, b, c] = [b64(), b64(), b64()];
    const keys = parseKeyList(`# comment\nk3:${a}\n k2:${b} , k1:${c}\n`, 'test');
    expect(keys.map((x) => x.id)).toEqual(['k3', 'k2', 'k1']);
    expect(keys[0].key.toString('base64')).toBe(a);
    expect(parseKeyList(formatKeyList(keys), 'again').map((x) => x.key.toString('base64'))).toEqual([a, b, c]);
  });

  it('names the source and never echoes a key in its errors', () => {
    const short = b64(16);
    const cases: [string, RegExp][] = [
      ['', /holds no key/],
      [`k1${short}`, /entry 1 must be id:base64key/],
      [`bad id:${b64()}`, /entry 1 must be id:base64key/],
      [`k1:${short}`, /key "k1" must be 32 bytes in base64 \(AES-256\), got 16 bytes/],
      [`k1:not*base64`, /key "k1" must be 32 bytes in base64 \(AES-256\), got no valid base64/],
      [`k1:${b64()},k1:${b64()}`, /key id "k1" appears twice/],
    ];
    for (const [text, message] of cases) {
      let error: Error | undefined;
      try {
        parseKeyList(text, 'SKIFF_ENCRYPTION_KEYS');
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toMatch(/^SKIFF_ENCRYPTION_KEYS/);
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toContain(short);
    }
  });

  it('is checked by loadConfig, which names the variable', () => {
    expect(() => loadConfig(env(`k1:${b64(31)}`))).toThrow(/^SKIFF_ENCRYPTION_KEYS: key "k1" must be 32 bytes/);
    const key = b64();
    expect(loadConfig(env(`k9:${key}`)).encryptionKeys?.map((x) => [x.id, x.key.toString('base64')])).toEqual([['k9', key]]);
    expect(loadConfig(env('')).encryptionKeys).toBeUndefined();
  });

  it('generates 32-byte keys with ids unlikely to meet another place\'s', () => {
    const a = generateKey();
    expect(a.key).toHaveLength(32);
    expect(a.id).toMatch(/^k[0-9a-f]{8}$/);
    expect(generateKey().id).not.toBe(a.id);
  });
});
