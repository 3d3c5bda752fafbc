'use client';
import { useEffect, useRef } from 'react';
import { Box } from '@mui/material';
import { MergeView } from '@codemirror/merge';
import { yaml } from '@codemirror/lang-yaml';
import { EditorState, EditorView, getDefaultExtensions } from '@uiw/react-codemirror';
import { useThemeMode } from '@/lib/theme';

/**
 * Two YAML documents side by side with their differences marked (CodeMirror's merge view),
 * read-only but focusable, so the keyboard can move through both sides.
 */
export function TemplateDiff({ from, to, fromLabel, toLabel, label }: { from: string; to: string; fromLabel: string; toLabel: string; label: string }) {
  const parent = useRef<HTMLDivElement>(null);
  const { mode } = useThemeMode();
  useEffect(() => {
    const side = (doc: string, name: string) => ({
      doc,
      extensions: [getDefaultExtensions({ theme: mode, basicSetup: { highlightActiveLine: false, foldGutter: false } }), yaml(), EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-label': name })],
    });
    const view = new MergeView({ a: side(from, fromLabel), b: side(to, toLabel), parent: parent.current!, gutter: true });
    return () => view.destroy();
  }, [from, to, fromLabel, toLabel, mode]);
  return <Box ref={parent} role="group" aria-label={label} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, '& .cm-mergeView': { maxHeight: 640 } }} />;
}
