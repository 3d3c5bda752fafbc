import { rejection } from '../testing/rejection';
import { applyMergePatch } from './merge-patch';


const deployment = () => ({
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
  spec: {
    replicas: 2,
    template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }, { name: 'log', image: 'busybox' }] } },
  },
});

describe('applyMergePatch', () => {
  it('removes a key patched to null and merges objects recursively', () => {
    const out = applyMergePatch(deployment(), { metadata: { labels: { tier: null, env: 'prod' } }, spec: { replicas: 3 } });
    expect(out.metadata).toEqual({ name: 'web', labels: { app: 'web', env: 'prod' } });
    expect(out.spec.replicas).toBe(3);
  });

  it('replaces lists whole, unlike strategic merge', () => {
    const out = applyMergePatch(deployment(), {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    expect(out.spec.template.spec.containers).toEqual([{ name: 'web', image: 'nginx:1.27' }]);
  });

  it('drops nulls inside new objects and replaces scalars with objects', () => {
    const out = applyMergePatch({ a: 1 } as Record<string, unknown>, { a: { b: null, c: 2 }, d: { e: null } });
    expect(out).toEqual({ a: { c: 2 }, d: {} });
  });

  it('leaves the given document and patch untouched', () => {
    const doc = deployment();
    const patch = { metadata: { labels: { tier: null } } };
    applyMergePatch(doc, patch);
    expect(doc).toEqual(deployment());
    expect(patch).toEqual({ metadata: { labels: { tier: null } } });
  });

  it('answers a null or scalar patch with 400 "Invalid JSON Patch"', () => {
    for (const patch of [null, 'x', 3, true]) {
      const err = rejection(() => applyMergePatch(deployment(), patch));
      expect(err.code).toBe(400);
      expect(err.reason).toBe('BadRequest');
      expect(err.message).toBe('Invalid JSON Patch');
    }
  });

  it('answers an array patch, which would replace the object, with 422 on the patch field', () => {
    const err = rejection(() => applyMergePatch(deployment(), [1, 2]));
    expect(err.code).toBe(422);
    expect(err.details?.causes?.[0].field).toBe('patch');
  });
});
