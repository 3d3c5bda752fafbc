'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import CodeMirror, { EditorView, ExternalChange, type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { Box, Typography } from '@mui/material';
import { useThemeMode } from '@/lib/theme';
import { lineMarks, setMarkedLines } from './line-marks';
import { textChanges } from './text-change';

interface Props {
  value: string;
  onChange?(text: string): void;
  readOnly?: boolean;
  /** Lines (1-based) to mark as wrong; a new array sets the marks again. */
  markedLines?: number[];
  label?: string;
  minHeight?: string;
}

const NONE: number[] = [];

/** A YAML editor (CodeMirror) whose text area is labelled, with wrong lines marked. */
export function YamlEditor({ value, onChange, readOnly = false, markedLines = NONE, label = 'YAML', minHeight = '320px' }: Props) {
  const { mode } = useThemeMode();
  const ref = useRef<ReactCodeMirrorRef>(null);
  // CodeMirror gets the first text only; later texts change just what differs (see textChanges).
  const [initial] = useState(value);
  const sync = (view: EditorView | undefined) => {
    const current = view?.state.doc.toString();
    if (view && current !== value) view.dispatch({ changes: textChanges(current!, value), annotations: ExternalChange.of(true) });
  };
  useEffect(() => sync(ref.current?.view));
  const extensions = useMemo(() => [yaml(), lineMarks(), EditorView.contentAttributes.of({ 'aria-label': label })], [label]);
  // Set when the marks are new; in between, the marks move with the edits.
  useEffect(() => {
    ref.current?.view?.dispatch({ effects: setMarkedLines.of(markedLines) });
  }, [markedLines]);
  return (
    <Box>
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
        <CodeMirror
          ref={ref}
          value={initial}
          onChange={onChange}
          onCreateEditor={(view) => {
            sync(view);
            view.dispatch({ effects: setMarkedLines.of(markedLines) });
          }}
          extensions={extensions}
          theme={mode}
          readOnly={readOnly}
          minHeight={minHeight}
          maxHeight="70vh"
        />
      </Box>
      {!readOnly && (
        <Typography variant="caption" color="text.secondary">
          Tab indents; press Esc, then Tab, to leave the editor.
        </Typography>
      )}
    </Box>
  );
}
