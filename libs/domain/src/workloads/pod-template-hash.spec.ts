import { fnv1a32String, podTemplateHash, safeEncodeString, stableStringify, templatesEqualIgnoringHash, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash';
import { template } from './test-fixtures';

describe('FNV-1a', () => {
  it('matches the published 32-bit test vectors', () => {
    expect(fnv1a32String('')).toBe(0x811c9dc5);
    expect(fnv1a32String('a')).toBe(0xe40c292c);
    expect(fnv1a32String('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(fnv1a32String('é')).not.toBe(fnv1a32String('e'));
    expect(fnv1a32String('€')).toBe(0x298f832b); // as over Buffer.from('€', 'utf8')
  });
});

describe('podTemplateHash', () => {
  it('renders digits in the safe alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(podTemplateHash(template('web:1.0'))).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('is stable whatever order the keys were written in', () => {
    const a = { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'c', image: 'web:1.0' }], restartPolicy: 'Always' } };
    const b = { spec: { restartPolicy: 'Always', containers: [{ image: 'web:1.0', name: 'c' }] }, metadata: { labels: { tier: 'front', app: 'web' } } };
    expect(podTemplateHash(a)).toBe(podTemplateHash(b));
    expect(stableStringify(a)).toBe(stableStringify(b));
  });

  it('differs for different templates and for a different collision count', () => {
    const base = podTemplateHash(template('web:1.0'));
    expect(podTemplateHash(template('web:2.0'))).not.toBe(base);
    expect(podTemplateHash(template('web:1.0', { app: 'web', v: '2' }))).not.toBe(base);
    expect(podTemplateHash(template('web:1.0'), 1)).not.toBe(base);
    expect(podTemplateHash(template('web:1.0'), 1)).not.toBe(podTemplateHash(template('web:1.0'), 2));
    expect(podTemplateHash(template('web:1.0'), 0)).not.toBe(base); // Kubernetes hashes 0 too once collisionCount is set
  });

  it('ignores empty and null members', () => {
    const t = template('web:1.0');
    expect(podTemplateHash({ ...t, metadata: { ...t.metadata, annotations: {} } })).toBe(podTemplateHash(t));
  });
});

describe('templatesEqualIgnoringHash', () => {
  it('ignores the pod-template-hash label and nothing else', () => {
    const t = template('web:1.0');
    const hashed = { ...t, metadata: { labels: { ...t.metadata!.labels, [POD_TEMPLATE_HASH_LABEL]: 'abc' } } };
    expect(templatesEqualIgnoringHash(t, hashed)).toBe(true);
    expect(templatesEqualIgnoringHash(t, template('web:2.0'))).toBe(false);
    expect(templatesEqualIgnoringHash(t, template('web:1.0', { app: 'web' }, { 'kubectl.kubernetes.io/restartedAt': 'now' }))).toBe(false);
  });

  it('treats a missing and an empty label map alike', () => {
    const bare = { spec: { containers: [{ name: 'c', image: 'x' }] } };
    expect(templatesEqualIgnoringHash(bare, { metadata: { labels: { [POD_TEMPLATE_HASH_LABEL]: 'h' } }, spec: { containers: [{ name: 'c', image: 'x' }] } })).toBe(true);
  });
});
