import fc from 'fast-check';
import { StatusError } from '../errors/status-error';
import { isJsonMap, type JsonMap } from './json-value';
import { applyMergePatch } from './merge-patch';

const runs = { numRuns: 500 };

// Few keys, so documents and patches collide; prototype member names are ordinary JSON keys.
const key = fc.constantFrom('a', 'b', 'c', 'spec', '__proto__', 'constructor', 'toString');
const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean());
const { doc: jsonDoc, value: jsonValue } = fc.letrec<{ doc: JsonMap; value: unknown }>((tie) => ({
  doc: fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), tie('doc')),
}));

/** Parsed as a JSON body is, so `__proto__` arrives as an own key. */
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const doc = jsonDoc.map(asJson);
const patch = jsonDoc.map(asJson);

function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isJsonMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, child] of Object.entries(v)) {
    if (child !== null) Object.defineProperty(out, k, { value: withoutNulls(child), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** RFC 7386's own description of a patch turning `from` into `to` (`to` without nulls). */
function mergePatchBetween(from: JsonMap, to: JsonMap): JsonMap {
  const out: JsonMap = {};
  const set = (k: string, v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  const own = (m: JsonMap, k: string) => Object.prototype.hasOwnProperty.call(m, k);
  for (const k of Object.keys(from)) if (!own(to, k)) set(k, null);
  for (const [k, v] of Object.entries(to)) {
    const before = own(from, k) ? from[k] : undefined;
    if (isJsonMap(v) && isJsonMap(before)) set(k, mergePatchBetween(before, v));
    else if (JSON.stringify(v) !== JSON.stringify(before)) set(k, v);
  }
  return out;
}

/** Whether any Object.prototype (this realm's, or the one structuredClone builds in) gained a member. */
function prototypesPolluted(): boolean {
  const protos = [Object.prototype, Object.getPrototypeOf(structuredClone({}))];
  return protos.some((p) => Object.getOwnPropertyNames(p).some((n) => !['constructor', '__proto__', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'].includes(n)));
}

describe('JSON merge patch properties', () => {
  it('leaves a document as it is when the patch is empty', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(applyMergePatch(d, {})).toEqual(d);
      }),
      runs,
    );
  });

  it('leaves a document without nulls as it is when patched with itself', () => {
    fc.assert(
      fc.property(doc.map((d) => withoutNulls(d) as JsonMap), (d) => {
        expect(applyMergePatch(d, d)).toEqual(d);
      }),
      runs,
    );
  });

  it('turns a document into any other when given the patch RFC 7386 describes between them', () => {
    fc.assert(
      fc.property(doc, doc.map((d) => withoutNulls(d) as JsonMap), (from, to) => {
        expect(applyMergePatch(from, mergePatchBetween(from, to))).toEqual(to);
      }),
      runs,
    );
  });

  it('is idempotent, never keeps a null the patch set, and changes neither input', () => {
    fc.assert(
      fc.property(doc.map((d) => withoutNulls(d) as JsonMap), patch, (d, p) => {
        const [dBefore, pBefore] = [JSON.stringify(d), JSON.stringify(p)];
        const once = applyMergePatch(d, p);
        expect(applyMergePatch(once, p)).toEqual(once);
        expect(JSON.stringify(once)).toBe(JSON.stringify(withoutNulls(once)));
        expect([JSON.stringify(d), JSON.stringify(p)]).toEqual([dBefore, pBefore]);
      }),
      runs,
    );
  });

  it('answers any JSON patch with a document or a Status error, never touching Object.prototype', () => {
    fc.assert(
      fc.property(doc, jsonValue.map(asJson), (d, p) => {
        try {
          const out = applyMergePatch(d, p);
          expect(isJsonMap(out)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(StatusError);
        }
        expect(prototypesPolluted()).toBe(false);
      }),
      runs,
    );
  });
});

describe('JSON merge patch examples found by the properties', () => {
  it('merges a key named __proto__ as an ordinary key, without polluting Object.prototype', () => {
    const out = applyMergePatch({ data: { a: '1' } }, JSON.parse('{"data": {"__proto__": {"polluted": "yes"}}}'));
    expect(Object.keys(out.data)).toEqual(['a', '__proto__']);
    expect(JSON.stringify(out)).toBe('{"data":{"a":"1","__proto__":{"polluted":"yes"}}}');
    expect(prototypesPolluted()).toBe(false);
  });

  it('drops null members of the objects in a list it sets, as the server does', () => {
    expect(applyMergePatch({ spec: {} }, { spec: { tolerations: [{ key: 'a', value: null }] } })).toEqual({ spec: { tolerations: [{ key: 'a' }] } });
  });
});
