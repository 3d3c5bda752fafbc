import fc from 'fast-check';
import { returnsOrRejects } from '../testing/rejection';
import {
  matches,
  requiresExactMatch,
  selectorToString,
  sortStrings,
  type LabelOperator,
  type Labels,
} from './label-requirement';
import { parseLabelSelector } from './label-selector';
import { labelSelectorAsRequirements, labelSelectorFromSet, type LabelSelector } from './label-selector-object';

const runs = { numRuns: 500 };

// Few keys and values, so selectors and label sets often talk about the same ones; keys
// named like Object.prototype members must read as the ordinary keys they are.
const key = fc.constantFrom('app', 'tier', 'in', 'notin', 'example.com/zone', 'a.b_c-d', 'X9', 'constructor', 'toString');
const value = fc.constantFrom('', 'web', 'db', 'in', 'notin', 'prod', '7', '42', '007');
const integer = fc.constantFrom('0', '7', '42', '+5', '-3');
const labelSet: fc.Arbitrary<Labels> = fc.dictionary(key, fc.oneof(value, integer), { maxKeys: 5, noNullPrototype: true });

/** A requirement as it is written, before parsing normalizes it. */
interface Written {
  key: string;
  operator: LabelOperator;
  values: string[];
}

const written: fc.Arbitrary<Written> = fc.oneof(
  fc.record({ key, operator: fc.constantFrom<LabelOperator>('=', '==', '!='), values: fc.tuple(value) }),
  fc.record({ key, operator: fc.constantFrom<LabelOperator>('in', 'notin'), values: fc.array(value, { minLength: 1, maxLength: 4 }) }),
  fc.record({ key, operator: fc.constantFrom<LabelOperator>('exists', '!'), values: fc.constant<string[]>([]) }),
  fc.record({ key, operator: fc.constantFrom<LabelOperator>('gt', 'lt'), values: fc.tuple(fc.constantFrom('0', '7', '42')) }),
);

const space = fc.constantFrom('', ' ', '  ', '\t');

/**
 * A value set as written: the empty value at most once and first, as in `(,a)`;
 * Go's grammar refuses some spellings of repeated empty members, such as `(a,,)`.
 */
function writeSet(values: readonly string[], sp: string): string {
  const members = values.filter((v) => v !== '');
  if (members.length < values.length) members.unshift('');
  return `(${sp}${members.join(`${sp},${sp}`)}${sp})`;
}

/** The text of a requirement, with optional blanks wherever the syntax allows them. */
function writeRequirement(r: Written, sp: string): string {
  const set = writeSet(r.values, sp);
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${sp}${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} ${set}`;
    case 'gt':
      return `${r.key}${sp}>${sp}${r.values[0]}`;
    case 'lt':
      return `${r.key}${sp}<${sp}${r.values[0]}`;
    default:
      return `${r.key}${sp}${r.operator}${sp}${r.values[0]}`;
  }
}

function writeSelector(reqs: Written[], sp: string): string {
  return `${sp}${reqs.map((r) => writeRequirement(r, sp)).join(`${sp},${sp}`)}${sp}`;
}

/** Kubernetes' set-based semantics, spelled out independently of the implementation. */
function modelMatches(r: Written, labels: Labels): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, r.key);
  const actual = present ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return present && r.values.some((v) => v === actual);
    case 'notin':
    case '!=':
      return !present || r.values.every((v) => v !== actual);
    case 'exists':
      return present;
    case '!':
      return !present;
    case 'gt':
    case 'lt': {
      if (!present || !/^[+-]?[0-9]+$/.test(actual as string)) return false;
      const have = BigInt(actual as string);
      const bound = BigInt(r.values[0]);
      return r.operator === 'gt' ? have > bound : have < bound;
    }
  }
}

describe('label selector properties', () => {
  it('matches a label set exactly when every written requirement holds under set-based semantics', () => {
    fc.assert(
      fc.property(fc.array(written, { maxLength: 4 }), space, labelSet, (reqs, sp, labels) => {
        const parsed = parseLabelSelector(writeSelector(reqs, sp));
        expect(matches(parsed, labels)).toBe(reqs.every((r) => modelMatches(r, labels)));
      }),
      runs,
    );
  });

  it('parses to the written requirements, sorted by key, with set values sorted and de-duplicated', () => {
    fc.assert(
      fc.property(fc.array(written, { maxLength: 4 }), space, (reqs, sp) => {
        const parsed = parseLabelSelector(writeSelector(reqs, sp));
        const expected = reqs
          .map((r) => ({ ...r, values: r.operator === 'in' || r.operator === 'notin' ? sortStrings(new Set(r.values)) : r.values }))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        expect(parsed).toEqual(expected);
      }),
      runs,
    );
  });

  it('reads back its own string form unchanged', () => {
    fc.assert(
      fc.property(fc.array(written, { maxLength: 4 }), space, (reqs, sp) => {
        const parsed = parseLabelSelector(writeSelector(reqs, sp));
        const text = selectorToString(parsed);
        expect(parseLabelSelector(text)).toEqual(parsed);
        expect(selectorToString(parseLabelSelector(text))).toBe(text);
      }),
      runs,
    );
  });

  it('only ever pins a key to a value that every matching label set has', () => {
    fc.assert(
      fc.property(fc.array(written, { maxLength: 4 }), labelSet, key, (reqs, labels, k) => {
        const parsed = parseLabelSelector(writeSelector(reqs, ''));
        const pinned = requiresExactMatch(parsed, k);
        if (pinned !== undefined && matches(parsed, labels)) expect(labels[k]).toBe(pinned);
      }),
      runs,
    );
  });

  const token = fc.constantFrom('a', 'b/c', '=', '==', '!=', '!', 'in', 'notin', '(', ')', ',', ' ', '>', '<', '-1', '_', '.', 'é', '\u0000', '\n');

  it('either parses any text or refuses it with a 400, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(token, { maxLength: 12 }).map((t) => t.join('')), fc.string({ unit: 'binary' })), (text) => {
        returnsOrRejects(400, () => parseLabelSelector(text));
      }),
      runs,
    );
  });

  it('lets the selector built from a label set match that set and any superset of it', () => {
    fc.assert(
      fc.property(labelSet, labelSet, (own, extra) => {
        const selector = labelSelectorFromSet(own);
        expect(matches(selector, own)).toBe(true);
        expect(matches(selector, { ...extra, ...own })).toBe(true);
      }),
      runs,
    );
  });
});

describe('structured label selector properties', () => {
  const structuredOperator = fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist');
  const expression = fc.record({ key, operator: structuredOperator, values: fc.array(value, { maxLength: 3 }) }).map((e) =>
    e.operator === 'Exists' || e.operator === 'DoesNotExist' ? { key: e.key, operator: e.operator } : e,
  );
  const selector: fc.Arbitrary<LabelSelector> = fc.record(
    { matchLabels: fc.dictionary(key, value, { maxKeys: 3, noNullPrototype: true }), matchExpressions: fc.array(expression, { maxLength: 3 }) },
    { requiredKeys: [] },
  );

  const OPERATOR: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

  it('matches as matchLabels equalities ANDed with matchExpressions in set-based semantics', () => {
    fc.assert(
      fc.property(selector, labelSet, (sel, labels) => {
        const result = labelSelectorAsRequirements(sel);
        const emptySet = (sel.matchExpressions ?? []).some((e) => (e.operator === 'In' || e.operator === 'NotIn') && !e.values?.length);
        expect(result.ok).toBe(!emptySet);
        if (!result.ok) return;
        const model: Written[] = [
          ...Object.entries(sel.matchLabels ?? {}).map(([k, v]) => ({ key: k, operator: '=' as const, values: [v] })),
          ...(sel.matchExpressions ?? []).map((e) => ({ key: e.key, operator: OPERATOR[e.operator], values: e.values ?? [] })),
        ];
        expect(matches(result.requirements, labels)).toBe(model.every((r) => modelMatches(r, labels)));
      }),
      runs,
    );
  });

  it('turns any selector-shaped JSON into requirements or causes, never an exception', () => {
    const junk = fc.jsonValue({ maxDepth: 2 });
    const shaped = fc.record(
      {
        matchLabels: fc.oneof(junk, fc.dictionary(fc.string(), fc.string(), { maxKeys: 3, noNullPrototype: true })),
        matchExpressions: fc.oneof(junk, fc.array(fc.record({ key: fc.string(), operator: fc.oneof(structuredOperator, fc.string()), values: junk }))),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (sel) => {
        const result = labelSelectorAsRequirements(JSON.parse(JSON.stringify(sel)) as LabelSelector);
        if (!result.ok) expect(result.causes.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
});

describe('label selector examples found by the properties', () => {
  it('answers wrongly typed parts of a stored selector with causes instead of throwing', () => {
    for (const sel of [{ matchExpressions: 0 }, { matchLabels: [false] }, { matchExpressions: [{ key: 'a', operator: 'In', values: 'x' }] }]) {
      const result = labelSelectorAsRequirements(sel as unknown as LabelSelector);
      expect(result.ok).toBe(false);
    }
  });
});
