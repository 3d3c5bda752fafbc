import { textChanges, type TextChange } from './text-change';

/** Applies changes given in the original's positions, last first. */
const apply = (from: string, cs: TextChange[]) => [...cs].reverse().reduce((t, c) => t.slice(0, c.from) + c.insert + t.slice(c.to), from);

describe('textChanges', () => {
  it('changes only the lines that differ, each on its own', () => {
    const before = 'resourceVersion: "5"\nspec:\n  replicas: 2\nstatus:\n  replicas: 1\n';
    const after = 'resourceVersion: "7"\nspec:\n  replicas: 2\nstatus:\n  replicas: 2\n';
    const cs = textChanges(before, after);
    expect(cs).toHaveLength(2);
    // The spec lines between the two changes are untouched: a cursor there stays put.
    const spec = before.indexOf('  replicas: 2');
    expect(cs.every((c) => c.to <= spec || c.from >= spec + '  replicas: 2\n'.length)).toBe(true);
    expect(apply(before, cs)).toBe(after);
  });

  it('handles insertions, deletions, equal and empty texts', () => {
    for (const [a, b] of [['', 'x\n'], ['x\n', ''], ['same\n', 'same\n'], ['a\nb\nc\n', 'a\nc\n'], ['a\nc\n', 'a\nb\nc\n'], ['a\nb', 'a\nB'], ['one', 'two']]) {
      expect(apply(a, textChanges(a, b))).toBe(b);
    }
  });
});
