import { randomBytes } from 'crypto';
import { StatusError, type KubeObject } from '@skiff/domain';
import { BodyCodec, SEALED_FIELD } from './body-codec';
import { KeyRing } from './key-ring';

const codec = new BodyCodec(new KeyRing([{ id: 'k1', key: randomBytes(32) }]));
const row = { resource: 'secrets', namespace: 'default', name: 'db' };
const secret = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'default', uid: 'u-1', resourceVersion: '7', labels: { app: 'web' }, annotations: { note: 'annotated-secretly' } },
  type: 'Opaque',
  data: { password: Buffer.from('pa55-word').toString('base64') },
});

function statusOf(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    return e as StatusError;
  }
  throw new Error('expected a failure');
}

describe('BodyCodec', () => {
  it('passes every resource but Secrets through untouched (the same object)', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'db', namespace: 'default' }, data: { a: 'b' } };
    const at = { ...row, resource: 'configmaps' };
    expect(codec.seal(at, cm)).toBe(cm);
    expect(codec.open(at, cm)).toBe(cm);
    expect(codec.seals('configmaps')).toBe(false);
    expect(codec.seals('secrets')).toBe(true);
  });

  it('stores a Secret as an envelope: identity and labels plain, everything else sealed', () => {
    const s = secret();
    const envelope = codec.seal(row, s);
    expect(envelope).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default', labels: { app: 'web' } }, [SEALED_FIELD]: expect.stringMatching(/^k1:/) });
    const text = JSON.stringify(envelope);
    for (const hidden of ['pa55-word', (s.data as Record<string, string>).password, 'annotated-secretly', 'u-1', 'Opaque']) expect(text).not.toContain(hidden);
    expect(codec.keyOf(envelope)).toBe('k1');
    expect(s).toEqual(secret());
    expect(codec.open(row, envelope)).toEqual(secret());
  });

  it('reads a Secret stored in plaintext (before encryption) as it is', () => {
    const s = secret();
    expect(codec.open(row, s)).toBe(s);
    expect(codec.keyOf(s)).toBeUndefined();
  });

  it('answers a 500 Status naming the Secret when the stored value was altered or moved to another row', () => {
    const envelope = codec.seal(row, secret());
    const sealed = envelope[SEALED_FIELD] as string;
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 0x80;
    const tampered = statusOf(() => codec.open(row, { ...envelope, [SEALED_FIELD]: `k1:${raw.toString('base64')}` }));
    expect(tampered).toBeInstanceOf(StatusError);
    expect(tampered.code).toBe(500);
    expect(tampered.reason).toBe('InternalError');
    expect(tampered.message).toMatch(/^Internal error occurred: unable to decrypt secrets "default\/db" read from storage: .*failed authentication/);
    const moved = statusOf(() => codec.open({ ...row, name: 'other' }, envelope));
    expect(moved.message).toContain('unable to decrypt secrets "default/other"');
    expect(statusOf(() => codec.open(row, { ...envelope, [SEALED_FIELD]: 42 })).message).toContain('is not a string');
  });
});
