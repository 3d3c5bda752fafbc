import fc from 'fast-check';
import { returnsOrRejects } from '../testing/rejection';
import type { KubeObject } from '../meta/types';
import { fieldSelectorMatches, parseFieldSelectorForKind, selectableFields } from './field-labels';
import {
  escapeFieldValue,
  fieldRequirementsMatch,
  fieldRequiresExactMatch,
  fieldSelectorToString,
  parseFieldSelector,
  unescapeFieldValue,
  type FieldRequirement,
  type FieldSet,
} from './field-selector';
import { compareStrings } from './label-requirement';

const runs = { numRuns: 500 };

// The left side of a term cannot be escaped, so field names never hold `=`, `!`, `,` or `\`.
const field = fc.constantFrom('metadata.name', 'spec.nodeName', 'status.phase', 'a', 'x.y-z_1');
const value = fc.oneof(fc.constantFrom('', 'web', 'a,b', 'a=b', '\\', '!=', '=', 'Running'), fc.string({ unit: 'binary', maxLength: 6 }));
const requirement: fc.Arbitrary<FieldRequirement> = fc.record({ field, operator: fc.constantFrom<'=' | '!='>('=', '!='), value });
const fieldSet: fc.Arbitrary<FieldSet> = fc.dictionary(field, value, { maxKeys: 4, noNullPrototype: true });

describe('field selector properties', () => {
  it('reads back its own string form as the same requirements, in the order of their terms', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 4 }), (reqs) => {
        const term = (r: FieldRequirement) => fieldSelectorToString([r]);
        const sorted = [...reqs].sort((a, b) => compareStrings(term(a), term(b)));
        expect(parseFieldSelector(fieldSelectorToString(reqs))).toEqual(sorted);
      }),
      runs,
    );
  });

  it('treats == as = and unescapes what escaping wrote', () => {
    fc.assert(
      fc.property(field, value, (f, v) => {
        expect(parseFieldSelector(`${f}==${escapeFieldValue(v)}`)).toEqual([{ field: f, operator: '=', value: v }]);
        expect(unescapeFieldValue(escapeFieldValue(v))).toBe(v);
      }),
      runs,
    );
  });

  it('matches a field set when every term holds, reading a missing field as the empty string', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 4 }), fieldSet, (reqs, fields) => {
        const actual = (f: string) => (Object.prototype.hasOwnProperty.call(fields, f) ? fields[f] : '');
        const expected = reqs.every((r) => (r.operator === '=' ? actual(r.field) === r.value : actual(r.field) !== r.value));
        expect(fieldRequirementsMatch(reqs, fields)).toBe(expected);
        expect(fieldRequirementsMatch(parseFieldSelector(fieldSelectorToString(reqs)), fields)).toBe(expected);
      }),
      runs,
    );
  });

  it('only ever pins a field to the value every matching field set has', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 4 }), fieldSet, field, (reqs, fields, f) => {
        const pinned = fieldRequiresExactMatch(reqs, f);
        if (pinned !== undefined && fieldRequirementsMatch(reqs, fields)) expect(fields[f] ?? '').toBe(pinned);
      }),
      runs,
    );
  });

  const token = fc.constantFrom('a', 'metadata.name', '=', '==', '!=', '!', ',', '\\', '\\,', '\\=', '\\\\', 'x', ' ', 'é');
  const kind = fc.constantFrom('Pod', 'Node', 'Event', 'Secret', 'Service', 'ConfigMap', 'constructor', '__proto__');

  it('either parses any text or refuses it with a 400, never another error, for every kind', () => {
    fc.assert(
      fc.property(kind, fc.oneof(fc.array(token, { maxLength: 10 }).map((t) => t.join('')), fc.string({ unit: 'binary' })), (k, text) => {
        returnsOrRejects(400, () => parseFieldSelector(text));
        returnsOrRejects(400, () => parseFieldSelectorForKind(k, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('selects an object by its own field values and by nothing it does not have', () => {
    const pod = fc.record({
      metadata: fc.record({ name: fc.string(), namespace: fc.string() }),
      spec: fc.record({ nodeName: fc.string(), restartPolicy: fc.constantFrom('Always', 'Never') }, { requiredKeys: [] }),
      status: fc.record({ phase: fc.constantFrom('Pending', 'Running') }, { requiredKeys: [] }),
    });
    fc.assert(
      fc.property(pod, (obj) => {
        const fields = selectableFields('Pod', obj as unknown as KubeObject);
        const all = Object.entries(fields).map(([f, v]) => ({ field: f, operator: '=' as const, value: v }));
        expect(fieldSelectorMatches('Pod', parseFieldSelectorForKind('Pod', fieldSelectorToString(all)), obj as unknown as KubeObject)).toBe(true);
        const [first] = all;
        expect(fieldSelectorMatches('Pod', [{ ...first, operator: '!=' }], obj as unknown as KubeObject)).toBe(false);
      }),
      runs,
    );
  });
});
