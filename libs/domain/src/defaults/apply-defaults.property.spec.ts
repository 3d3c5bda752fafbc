import fc from 'fast-check';
import type { KubeObject } from '../meta/types';
import { allPaths, asJson, clone, sampleObjects, setAt, vocabularyOf, type Json, type JsonPath } from '../validation/test-fixtures';
import { tryParseQuantityExact } from '../validation/quantity';
import { applyDefaults } from './apply-defaults';

const runs = { numRuns: 500 };
const SAMPLES = sampleObjects();
const KINDS = Object.keys(SAMPLES);

function defaulted(kind: string, obj: Json): Json {
  const copy = clone(obj);
  applyDefaults(kind, copy as KubeObject);
  return copy;
}

/** A sample of `k` with some fields removed: well-typed, but leaving defaulting work to do. */
function thinnedSample(k: string): fc.Arbitrary<Json> {
  return fc.array(fc.nat(), { maxLength: 6 }).map((cuts) => {
    const obj = clone(SAMPLES[k]);
    for (const at of cuts) {
      const paths = allPaths(obj).filter((p) => p[0] !== 'kind' && p[0] !== 'apiVersion');
      if (paths.length) setAt(obj, paths[at % paths.length], undefined);
    }
    return asJson(obj);
  });
}

// Random JSON from the samples' own vocabulary, dropped into random places.
const { keys, leaves } = vocabularyOf(SAMPLES);
const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constantFrom(...leaves),
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
}));

function damagedSample(k: string): fc.Arbitrary<Json> {
  return fc.array(fc.tuple(fc.nat(), fc.oneof(jsonish, fc.constant(undefined))), { minLength: 1, maxLength: 4 }).map((damage) => {
    const obj = clone(SAMPLES[k]);
    for (const [at, value] of damage) {
      const paths = allPaths(obj);
      if (paths.length) setAt(obj, paths[at % paths.length], value);
    }
    return asJson(obj);
  });
}

/** A sample of `k` with some numbers set to 0 and some booleans to false: values a client may mean. */
function zeroedSample(k: string): fc.Arbitrary<Json> {
  return fc.array(fc.nat(), { minLength: 1, maxLength: 6 }).map((picks) => {
    const obj = clone(SAMPLES[k]);
    const leaves = allPaths(obj).filter((p) => ['number', 'boolean'].includes(typeof valueAt(obj, p)));
    for (const at of picks) {
      if (!leaves.length) break;
      const path = leaves[at % leaves.length];
      setAt(obj, path, typeof valueAt(obj, path) === 'number' ? 0 : false);
    }
    return obj;
  });
}

/** Fields Kubernetes' defaulters read 0 as "unset" for (SetDefaults_Probe, host-network ports, Service target ports). */
const ZERO_MEANS_UNSET = new Set(['timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'hostPort', 'targetPort']);

const valueAt = (obj: unknown, path: JsonPath): unknown =>
  path.reduce<unknown>((v, part) => (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, part) ? (v as Json)[part] : undefined), obj);

/** Changes Kubernetes' defaulting makes to what a client set (SetDefaults_Service, the Secret strategy). */
function isDocumentedRewrite(kind: string, path: JsonPath, defaultedObj: Json): boolean {
  const text = path.join('.');
  if (kind === 'Secret' && text.startsWith('stringData')) return true;
  return kind === 'Service' && text.startsWith('spec.sessionAffinityConfig') && defaultedObj.spec.sessionAffinity === 'None';
}

/** A quantity may be respelled canonically and rounded up to thousandths, as the server stores resource lists. */
function isSameQuantity(before: unknown, after: unknown): boolean {
  if ((typeof before !== 'string' && typeof before !== 'number') || typeof after !== 'string') return false;
  const [a, b] = [tryParseQuantityExact(before), tryParseQuantityExact(after)];
  return a !== undefined && b !== undefined && b.nanos >= a.nanos && b.nanos - a.nanos < 1_000_000n;
}

describe('defaulting properties', () => {
  it('is idempotent: defaulting a defaulted object changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS).chain((k) => fc.tuple(fc.constant(k), fc.oneof(thinnedSample(k), damagedSample(k)))),
        ([k, obj]) => {
          const once = defaulted(k, obj);
          expect(defaulted(k, once)).toEqual(once);
        },
      ),
      runs,
    );
  });

  it('never removes or changes a field the client set, but for Kubernetes\' own rewrites', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS).chain((k) => fc.tuple(fc.constant(k), thinnedSample(k))),
        ([k, obj]) => {
          const out = defaulted(k, obj);
          for (const path of allPaths(obj)) {
            const before = valueAt(obj, path);
            if (before !== null && typeof before === 'object') continue;
            if (before === '' || before === null || isDocumentedRewrite(k, path, out)) continue;
            const after = valueAt(out, path);
            if (after !== before && !isSameQuantity(before, after)) {
              throw new Error(`${k}: defaulting turned ${path.join('.')} from ${JSON.stringify(before)} into ${JSON.stringify(after)}`);
            }
          }
        },
      ),
      runs,
    );
  });

  it('keeps a 0 or false the client set, but where Kubernetes reads 0 as unset', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS).chain((k) => fc.tuple(fc.constant(k), zeroedSample(k))),
        ([k, obj]) => {
          const out = defaulted(k, obj);
          for (const path of allPaths(obj)) {
            const before = valueAt(obj, path);
            if (before !== 0 && before !== false) continue;
            if (ZERO_MEANS_UNSET.has(String(path[path.length - 1])) || isDocumentedRewrite(k, path, out)) continue;
            const after = valueAt(out, path);
            if (after !== before && !isSameQuantity(before, after)) {
              throw new Error(`${k}: defaulting turned ${path.join('.')} from ${JSON.stringify(before)} into ${JSON.stringify(after)}`);
            }
          }
        },
      ),
      runs,
    );
  });
});
