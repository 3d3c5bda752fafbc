import fc from 'fast-check';
import { StatusError } from '../errors/status-error';
import { objectDiff } from '../history/object-diff';
import type { KubeObject } from '../meta/types';
import { applyJsonPatch } from './json-patch';
import type { JsonMap } from './json-value';

const runs = { numRuns: 500 };

// Keys that need escaping in a JSON Pointer (`/`, `~`), the empty key, and prototype member
// names, which are ordinary keys in JSON. (`__proto__` is left out: the patch library refuses
// any path through it, a deliberate guard against prototype pollution.)
const key = fc.constantFrom('a', 'b', 'spec', 'a/b', 'x~y', '', '0', 'constructor', 'toString');
const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null));
const { doc: plainDoc } = fc.letrec<{ doc: JsonMap; value: unknown }>((tie) => ({
  doc: fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, fc.array(tie('value'), { maxLength: 4 }), tie('doc')),
}));
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const object = fc
  .record({ metadata: fc.record({ name: fc.constantFrom('web', 'db'), labels: fc.dictionary(key, fc.string({ maxLength: 3 }), { maxKeys: 3 }) }), spec: plainDoc })
  .map((o) => asJson({ apiVersion: 'v1', kind: 'ConfigMap', ...o }) as unknown as KubeObject);

function expectStatusErrorOrObject(run: () => unknown): void {
  try {
    expect(typeof run()).toBe('object');
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
  }
}

describe('JSON patch properties', () => {
  it('leaves a document as it is for an empty or null patch', () => {
    fc.assert(
      fc.property(object, (o) => {
        expect(applyJsonPatch(o, [])).toEqual(o);
        expect(applyJsonPatch(o, null)).toEqual(o);
      }),
      runs,
    );
  });

  it('turns one object into another with the patch the history diff computes between them', () => {
    fc.assert(
      fc.property(object, object, (from, to) => {
        const { patch } = objectDiff(from, to, { noise: true });
        expect(applyJsonPatch(from, patch)).toEqual(to);
        expect(objectDiff(from, from, { noise: true }).patch).toEqual([]);
      }),
      runs,
    );
  });

  it('refuses to remove or replace a member the document does not have', () => {
    fc.assert(
      fc.property(object, fc.constantFrom('remove', 'replace'), fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'missing'), (o, op, member) => {
        fc.pre(!Object.prototype.hasOwnProperty.call(o.metadata, member));
        const err = (() => {
          try {
            applyJsonPatch(o, [{ op, path: `/metadata/${member}`, value: 'x' }]);
          } catch (e) {
            return e as StatusError;
          }
          return undefined;
        })();
        expect(err?.code).toBe(422);
      }),
      runs,
    );
  });

  const pointer = fc.constantFrom('', '/', '/spec', '/spec/a', '/spec/a/0', '/spec/a/-', '/spec/a~1b', '/spec/x~0y', '/spec/~2', '/metadata/constructor', '/metadata/toString/x', '/__proto__/polluted', '/constructor/prototype/polluted', 'spec');
  const operation = fc.oneof(
    fc.record(
      {
        op: fc.oneof(fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', '_get', 'merge'), fc.constant({ toString: 1 }), fc.integer()),
        path: fc.oneof(pointer, fc.integer()),
        from: pointer,
        value: fc.oneof(scalar, plainDoc),
      },
      { requiredKeys: ['op'] },
    ),
    fc.constant(null),
    scalar,
  );

  it('answers any list of operations with an object or a Status error, never touching the input or Object.prototype', () => {
    fc.assert(
      fc.property(object, fc.oneof(fc.array(operation, { maxLength: 4 }), plainDoc, scalar).map(asJson), (o, ops) => {
        const before = JSON.stringify(o);
        expectStatusErrorOrObject(() => applyJsonPatch(o, ops));
        expect(JSON.stringify(o)).toBe(before);
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
        expect(Object.getOwnPropertyNames(Object.getPrototypeOf(structuredClone({})))).not.toContain('polluted');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('JSON patch examples found by the properties', () => {
  const cm = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' }, data: { constructor: 'ok' } }) as KubeObject;

  it('answers an op that is no string as the unknown kind, with 422', () => {
    expect(() => applyJsonPatch(cm(), [{ op: { toString: 1 }, path: '/a' }])).toThrow(StatusError);
  });

  it('takes members named like Object.prototype members as ordinary keys', () => {
    expect(() => applyJsonPatch(cm(), [{ op: 'remove', path: '/metadata/constructor' }])).toThrow(StatusError);
    expect(() => applyJsonPatch(cm(), [{ op: 'copy', from: '/metadata/toString', path: '/data/x' }])).toThrow(StatusError);
    expect(applyJsonPatch(cm(), [{ op: 'replace', path: '/data/constructor', value: 'new' }])).toMatchObject({ data: { constructor: 'new' } });
  });
});
