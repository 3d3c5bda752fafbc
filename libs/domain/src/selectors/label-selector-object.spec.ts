import { Errors } from '../errors/status-error';
import { matches, selectorToString } from './label-requirement';
import { labelSelectorAsRequirements, labelSelectorFromSet, validateLabels } from './label-selector-object';

describe('labelSelectorAsRequirements', () => {
  it('turns matchLabels and matchExpressions into requirements sorted by key', () => {
    const result = labelSelectorAsRequirements({
      matchLabels: { tier: 'web', app: 'shop' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['qa', 'prod'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
        { key: 'canary', operator: 'Exists' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(selectorToString(result.requirements)).toBe('app=shop,canary,env in (prod,qa),!legacy,tier=web,zone notin (b)');
    expect(matches(result.requirements, { app: 'shop', tier: 'web', env: 'qa', canary: '' })).toBe(true);
    expect(matches(result.requirements, { app: 'shop', tier: 'web', env: 'qa', canary: '', legacy: 'x' })).toBe(false);
  });

  it('makes an absent selector match nothing and an empty one match everything', () => {
    const absent = labelSelectorAsRequirements(undefined);
    const empty = labelSelectorAsRequirements({});
    expect(absent).toEqual({ ok: true, requirements: null });
    expect(empty).toEqual({ ok: true, requirements: [] });
    if (absent.ok) expect(matches(absent.requirements, { a: 'b' })).toBe(false);
    if (empty.ok) expect(matches(empty.requirements, { a: 'b' })).toBe(true);
  });

  it('reports invalid parts as causes naming the field, ready for a 422', () => {
    const result = labelSelectorAsRequirements(
      {
        matchLabels: { 'bad key': 'ok' },
        matchExpressions: [
          { key: 'a', operator: 'Like', values: ['x'] },
          { key: 'b', operator: 'In' },
          { key: 'c', operator: 'Exists', values: ['x'] },
          { key: 'd', operator: 'In', values: ['no way'] },
        ],
      },
      'spec.selector',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.causes.map((c) => c.field)).toEqual([
      'spec.selector.matchLabels',
      'spec.selector.matchExpressions[0].operator',
      'spec.selector.matchExpressions[1].values',
      'spec.selector.matchExpressions[2].values',
      'spec.selector.matchExpressions[3].values[0]',
    ]);
    expect(result.causes[1]).toEqual({
      reason: 'FieldValueInvalid',
      field: 'spec.selector.matchExpressions[0].operator',
      message: 'Invalid value: "Like": not a valid selector operator',
    });
    expect(result.causes[2].message).toBe("Required value: must be specified when `operator` is 'In' or 'NotIn'");
    expect(result.causes[3].message).toBe("Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    const err = Errors.invalid('apps', 'Deployment', 'web', result.causes);
    expect(err.code).toBe(422);
    expect(err.message).toContain('spec.selector.matchExpressions[0].operator: Invalid value: "Like": not a valid selector operator');
  });
});

describe('validateLabels', () => {
  it('reports a bad key and a bad value separately under the map path', () => {
    const errors = validateLabels({ 'a/b/c': 'v', ok: '-bad' }, 'metadata.labels');
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.field === 'metadata.labels')).toBe(true);
    expect(errors[0].badValue).toBe('a/b/c');
    expect(errors[1].badValue).toBe('-bad');
  });
});

describe('labelSelectorFromSet', () => {
  it('selects exactly a label set, as a ReplicationController selector does', () => {
    const reqs = labelSelectorFromSet({ b: '2', a: '1' });
    expect(selectorToString(reqs)).toBe('a=1,b=2');
    expect(matches(reqs, { a: '1', b: '2', c: '3' })).toBe(true);
    expect(matches(reqs, { a: '1' })).toBe(false);
  });
});
