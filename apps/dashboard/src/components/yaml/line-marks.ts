import { Decoration, EditorView, RangeSetBuilder, StateEffect, StateField, type DecorationSet, type Extension } from '@uiw/react-codemirror';

/** Replaces the marked lines (1-based). */
export const setMarkedLines = StateEffect.define<number[]>();

const marked = Decoration.line({ class: 'cm-marked-line', attributes: { 'data-marked': 'true' } });

const field = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    for (const e of tr.effects) {
      if (!e.is(setMarkedLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const lines = [...new Set(e.value)].filter((n) => n >= 1 && n <= tr.state.doc.lines).sort((a, b) => a - b);
      for (const n of lines) {
        const line = tr.state.doc.line(n);
        builder.add(line.from, line.from, marked);
      }
      return builder.finish();
    }
    // An edit moves the marks with the text it shifts.
    return set.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const style = EditorView.baseTheme({
  '.cm-marked-line': { backgroundColor: 'rgba(211, 47, 47, 0.18)', boxShadow: 'inset 3px 0 0 #d32f2f' },
});

/** Lines marked as wrong (a parse error, a field the server refused). */
export function lineMarks(): Extension {
  return [field, style];
}
