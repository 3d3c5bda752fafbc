import { MAX_NESTING_DEPTH, nestingBeyond, nulCharacterField } from './body-shape';

const nested = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('nestingBeyond', () => {
  it('accepts an object nested exactly as deep as the limit', () => {
    expect(nestingBeyond(nested(MAX_NESTING_DEPTH))).toBeUndefined();
  });

  it('names the field where an object nests one level too deep', () => {
    expect(nestingBeyond({ spec: [nested(3)] }, 3)).toBe('spec[0].a');
  });

  it('walks fifty thousand levels without recursion, and keeps the path it names short', () => {
    const path = nestingBeyond(JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`));
    expect(path).toMatch(/^\[0\]\[0\].*…$/);
    expect(path!.length).toBeLessThan(210);
  });

  it('leaves scalars and flat objects alone', () => {
    expect(nestingBeyond('x')).toBeUndefined();
    expect(nestingBeyond({ a: 1, b: [1, 2], c: null })).toBeUndefined();
  });
});

describe('nulCharacterField', () => {
  it('names a string value holding NUL', () => {
    expect(nulCharacterField({ data: { ok: 'x', bad: 'a\u0000b' } })).toBe('data.bad');
  });

  it('names a key holding NUL, written so a message can carry it', () => {
    expect(nulCharacterField({ metadata: { labels: { 'a\u0000': 'x' } } })).toBe('metadata.labels.a\\u0000');
  });

  it('finds none in an ordinary object', () => {
    expect(nulCharacterField({ metadata: { name: 'web' }, spec: { replicas: 2, containers: [{ image: 'nginx' }] } })).toBeUndefined();
  });
});
