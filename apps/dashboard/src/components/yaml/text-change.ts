import { diffLines } from 'diff';

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * The line-by-line changes that turn `from` into `to` (positions in `from`, in order, as
 * CodeMirror takes them): a live object's new revision then rewrites only the lines that
 * changed, and a cursor on any other line — even between two changed ones — stays there.
 */
export function textChanges(from: string, to: string): TextChange[] {
  const changes: TextChange[] = [];
  let pos = 0;
  for (const part of diffLines(from, to)) {
    if (part.added) {
      const last = changes[changes.length - 1];
      // A removal just before becomes a replacement.
      if (last && last.to === pos && last.insert === '') last.insert = part.value;
      else changes.push({ from: pos, to: pos, insert: part.value });
    } else if (part.removed) {
      changes.push({ from: pos, to: pos + part.value.length, insert: '' });
      pos += part.value.length;
    } else {
      pos += part.value.length;
    }
  }
  return changes;
}
