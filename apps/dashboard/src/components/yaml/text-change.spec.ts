import { textChange } from './text-change';

const apply = (from: string, c: ReturnType<typeof textChange>) => from.slice(0, c.from) + c.insert + from.slice(c.to);

describe('textChange', () => {
  it('changes only what differs between the texts', () => {
    const before = 'a: 1\nb: 2\nc: 3\n';
    const after = 'a: 1\nb: 20\nc: 3\n';
    const c = textChange(before, after);
    expect(c).toEqual({ from: 9, to: 9, insert: '0' });
    expect(apply(before, c)).toBe(after);
  });

  it('handles insertions, deletions, equal and empty texts', () => {
    for (const [a, b] of [['', 'x'], ['x', ''], ['same', 'same'], ['aaa', 'aa'], ['abcabc', 'abc'], ['ab', 'aXb']]) expect(apply(a, textChange(a, b))).toBe(b);
  });
});
