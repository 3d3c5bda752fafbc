import { rejection } from '../testing/rejection';
import { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch';


const pod = () => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] },
});

describe('applyJsonPatch', () => {
  it('applies add, replace, remove, copy and move operations in order', () => {
    const doc = pod();
    const out = applyJsonPatch(doc, [
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' },
      { op: 'add', path: '/metadata/labels/tier', value: 'front' },
      { op: 'remove', path: '/metadata/labels/app' },
      { op: 'copy', from: '/metadata/labels/tier', path: '/metadata/labels/copy' },
      { op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved' },
      { op: 'add', path: '/spec/containers/-', value: { name: 'sidecar', image: 'busybox' } },
    ]);
    expect(out.metadata.labels).toEqual({ tier: 'front', moved: 'front' });
    expect(out.spec.containers.map((c) => c.image)).toEqual(['nginx:1.27', 'busybox']);
  });

  it('leaves the given document untouched', () => {
    const doc = pod();
    applyJsonPatch(doc, [{ op: 'replace', path: '/metadata/name', value: 'other' }]);
    expect(doc).toEqual(pod());
  });

  it('passes a test operation that holds and treats a null body as no operations', () => {
    expect(applyJsonPatch(pod(), [{ op: 'test', path: '/metadata/name', value: 'web' }])).toEqual(pod());
    expect(applyJsonPatch(pod(), null)).toEqual(pod());
  });

  it.each([
    ['a failed test', { op: 'test', path: '/metadata/name', value: 'db' }],
    ['removing a missing path', { op: 'remove', path: '/metadata/annotations' }],
    ['replacing a missing key', { op: 'replace', path: '/metadata/namespace', value: 'x' }],
    ['adding under a missing parent', { op: 'add', path: '/status/phase/x', value: 'x' }],
    ['an unknown op', { op: 'frobnicate', path: '/metadata/name' }],
    ['the library-private _get op', { op: '_get', path: '/metadata/name' }],
    ['a missing op', { path: '/metadata/name' }],
    ['a path without a leading slash', { op: 'add', path: 'metadata/x', value: 1 }],
  ])('answers %s with the generic 422 Invalid of the real server', (_, op) => {
    const err = rejection(() => applyJsonPatch(pod(), [op]));
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toBe('the server rejected our request due to an error in our request');
  });

  it('answers an undecodable patch body with 400 BadRequest', () => {
    const notArray = rejection(() => applyJsonPatch(pod(), { op: 'add' }));
    expect(notArray.code).toBe(400);
    expect(notArray.reason).toBe('BadRequest');
    expect(notArray.message).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(rejection(() => applyJsonPatch(pod(), [1])).message).toBe(
      'json: cannot unmarshal number into Go value of type jsonpatch.Operation',
    );
  });

  it('refuses more operations than the server allows with 413', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: 'test', path: '/metadata/name', value: 'web' }));
    const err = rejection(() => applyJsonPatch(pod(), ops));
    expect(err.code).toBe(413);
    expect(err.message).toBe(
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    );
  });

  it('rejects a patch that turns the object into something else with 422 on the patch field', () => {
    const err = rejection(() => applyJsonPatch(pod(), [{ op: 'replace', path: '', value: [1] }]));
    expect(err.code).toBe(422);
    expect(err.details?.causes?.[0].field).toBe('patch');
  });
});
