import { fitErrorMessage } from './fit-error';

describe('fitErrorMessage', () => {
  it('words one reason as kube-scheduler does', () => {
    expect(fitErrorMessage(3, { 'Insufficient cpu': 3 })).toBe('0/3 nodes are available: 3 Insufficient cpu.');
  });

  it('sorts "<count> <reason>" entries as whole strings', () => {
    expect(
      fitErrorMessage(5, {
        "node(s) didn't match Pod's node affinity/selector": 2,
        'Insufficient memory': 2,
        'node(s) were unschedulable': 1,
      }),
    ).toBe("0/5 nodes are available: 1 node(s) were unschedulable, 2 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector.");
  });

  it('sorts in byte order, as Go sort.Strings does ("10 …" before "9 …")', () => {
    expect(fitErrorMessage(19, { 'Insufficient cpu': 9, 'Too many pods': 10 })).toBe('0/19 nodes are available: 10 Too many pods, 9 Insufficient cpu.');
  });

  it('says so when there are no nodes at all', () => {
    expect(fitErrorMessage(0, {})).toBe('no nodes available to schedule pods');
  });
});
