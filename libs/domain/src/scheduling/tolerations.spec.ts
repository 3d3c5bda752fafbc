import type { Taint } from '../kinds/node';
import { findUntoleratedTaint, toleratesTaint, tolerationsTolerateTaint } from './tolerations';

const dedicated: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

describe('toleratesTaint', () => {
  it('Equal (also the default operator) compares key and value', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, dedicated)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', value: 'gpu' }, dedicated)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'db' }, dedicated)).toBe(false);
    expect(toleratesTaint({ key: 'other', operator: 'Equal', value: 'gpu' }, dedicated)).toBe(false);
  });

  it('Equal with no value matches a taint with no value', () => {
    const t: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
    expect(toleratesTaint({ key: t.key, operator: 'Equal' }, t)).toBe(true);
  });

  it('Exists ignores the value', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists' }, dedicated)).toBe(true);
  });

  it('an empty key with Exists tolerates every taint', () => {
    expect(toleratesTaint({ operator: 'Exists' }, dedicated)).toBe(true);
    expect(toleratesTaint({ operator: 'Exists' }, { key: 'x', effect: 'NoExecute' })).toBe(true);
    expect(toleratesTaint({ operator: 'Exists', effect: 'NoExecute' }, dedicated)).toBe(false);
  });

  it('matches the effect when the toleration names one, any effect when it does not', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, dedicated)).toBe(false);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, dedicated)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists' }, { ...dedicated, effect: 'NoExecute' })).toBe(true);
  });

  it('an unknown operator tolerates nothing', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Gt', value: 'gpu' }, dedicated)).toBe(false);
  });
});

describe('findUntoleratedTaint', () => {
  const effects = new Set(['NoSchedule', 'NoExecute']);
  const taints: Taint[] = [
    { key: 'soft', effect: 'PreferNoSchedule' },
    { key: 'a', value: '1', effect: 'NoSchedule' },
    { key: 'b', effect: 'NoExecute' },
  ];

  it('returns the first untolerated taint among the given effects, in the node order', () => {
    expect(findUntoleratedTaint(taints, [], effects)).toBe(taints[1]);
    expect(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }], effects)).toBe(taints[2]);
    expect(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }], effects)).toBeUndefined();
  });

  it('checks every toleration', () => {
    expect(tolerationsTolerateTaint([{ key: 'x', operator: 'Exists' }, { key: 'a', value: '1' }], taints[1])).toBe(true);
  });
});
