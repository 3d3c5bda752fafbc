import fc from 'fast-check';
import { applyDefaults } from '../defaults/apply-defaults';
import type { KubeObject, StatusCause } from '../meta/types';
import { validateObject, validateObjectUpdate } from './object-validation';
import { allPaths, asJson, clone, defaulted, sampleObjects, setAt, vocabularyOf, type Json } from './test-fixtures';

const runs = { numRuns: 500 };
const SAMPLES = sampleObjects();
const KINDS = Object.keys(SAMPLES);
const kind = fc.constantFrom(...KINDS, 'Unknown', 'constructor', '__proto__', 'toString');

/** The sample of a kind; kinds without one (unknown kinds) borrow the Pod's. */
const sampleOf = (k: string): Json => (Object.prototype.hasOwnProperty.call(SAMPLES, k) ? SAMPLES[k] : SAMPLES.Pod);
const STORED = new Map<string, KubeObject>();
/** The sample as the store holds it: defaulted. */
function storedOf(k: string): KubeObject {
  if (!STORED.has(k)) STORED.set(k, defaulted(k, sampleOf(k)) as KubeObject);
  return STORED.get(k) as KubeObject;
}

// Random JSON made of the samples' own keys and values, so it reaches real checks.
const { keys, leaves } = vocabularyOf(SAMPLES);
const scalar = fc.oneof(
  fc.constantFrom(...leaves),
  fc.constantFrom('', '-1', '1e400', '0x10', '..', '../x', 'a/b', '%2F', 'None', 'ExternalName', 'LoadBalancer', 'Recreate', 'OnDelete', 'Gt', 'NotIn'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));

/** A sample of `k` with a few fields replaced by random JSON or removed. */
function damagedSample(k: string): fc.Arbitrary<Json> {
  const replacement = fc.oneof(jsonish, fc.constant(undefined));
  return fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 4 }).map((damage) => {
    const obj = clone(sampleOf(k));
    for (const [at, value] of damage) {
      const paths = allPaths(obj);
      if (paths.length) setAt(obj, paths[at % paths.length], value);
    }
    return asJson(obj);
  });
}

function expectCauses(causes: StatusCause[]): void {
  expect(Array.isArray(causes)).toBe(true);
  for (const c of causes) {
    expect(typeof c.reason).toBe('string');
    expect(typeof c.message).toBe('string');
    expect(typeof c.field).toBe('string');
  }
}

describe('validation of arbitrary objects', () => {
  it('answers random objects of any kind with field errors, never an exception', () => {
    const randomObject = fc.dictionary(fc.constantFrom(...keys), jsonish, { maxKeys: 5, noNullPrototype: true });
    fc.assert(
      fc.property(kind, randomObject, (k, doc) => {
        const obj = asJson(doc) as KubeObject;
        expectCauses(validateObject(k, obj));
        expectCauses(validateObjectUpdate(k, obj, obj));
      }),
      runs,
    );
  });

  it('answers samples with damaged fields with field errors on create, update and after defaulting, changing nothing', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), damagedSample(k))),
        ([k, obj]) => {
          const stored = storedOf(k);
          const before = JSON.stringify(obj);
          expectCauses(validateObject(k, obj as KubeObject));
          expectCauses(validateObjectUpdate(k, obj as KubeObject, stored));
          expectCauses(validateObjectUpdate(k, stored, obj as KubeObject));
          expect(JSON.stringify(obj)).toBe(before);
          applyDefaults(k, obj as KubeObject);
          expectCauses(validateObject(k, obj as KubeObject));
        },
      ),
      runs,
    );
  });
});

describe('validation of names', () => {
  // Kinds whose names are DNS names; RBAC kinds and Events need only be URL path segments
  // (as in Kubernetes, where a ClusterRole may be called `system:controller:x` or `café`).
  const DNS_NAMED = KINDS.filter((k) => !['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'Event'].includes(k));
  const pathTraversal = fc.constantFrom('../x', 'a/b', '%2F', '..', '.', 'a%2Fb', '../../etc/passwd', 'x/..', '%2e%2e');
  const unicode = fc.oneof(
    fc.constantFrom('café', 'пример', '名前', 'a\u0000b', 'web\u200b', 'Ａ'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => /[^\x00-\x7f]/.test(s)),
  );

  function nameCauses(k: string, name: string): StatusCause[] {
    const obj = clone(storedOf(k)) as Json;
    obj.metadata.name = name;
    return validateObject(k, obj as KubeObject).filter((c) => c.field === 'metadata.name');
  }

  it('accepts every sample as it stands, so the refusals below are about the name', () => {
    for (const k of KINDS) expect(validateObject(k, storedOf(k))).toEqual([]);
  });

  it('refuses path traversal in the name of every kind, naming metadata.name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), pathTraversal, (k, name) => {
        expect(nameCauses(k, name).length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('refuses non-ASCII names of kinds named by DNS rules, naming metadata.name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DNS_NAMED), unicode, (k, name) => {
        expect(nameCauses(k, name).length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
});

describe('validation examples found by the properties', () => {
  const withField = (k: string, path: (string | number)[], value: unknown): KubeObject => {
    const obj = clone(storedOf(k)) as Json;
    setAt(obj, path, value);
    return asJson(obj) as KubeObject;
  };

  it('looks kinds up as data: a kind named like an Object.prototype member is an unknown kind', () => {
    const obj = storedOf('Pod');
    expect(() => validateObject('constructor', obj)).not.toThrow();
    expect(validateObjectUpdate('constructor', obj, obj)).toEqual([]);
  });

  it('reports a value with a `toString` member instead of throwing on it', () => {
    const causes = validateObject('Node', withField('Node', ['metadata', 'labels', 'zone'], { toString: 0 }));
    expect(causes.map((c) => c.field)).toEqual(['metadata.labels']);
  });

  it('reports a selector with wrongly typed parts instead of throwing on it', () => {
    const causes = validateObject('DaemonSet', withField('DaemonSet', ['spec', 'selector', 'matchLabels'], [{}]));
    expect(causes.length).toBeGreaterThan(0);
  });

  it('takes a ConfigMap key named like an Object.prototype member as an ordinary key', () => {
    expect(validateObject('ConfigMap', withField('ConfigMap', ['data', 'constructor'], 'x'))).toEqual([]);
  });
});
