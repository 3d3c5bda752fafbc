'use client';
import { memo } from 'react';
import { Box } from '@mui/material';

/** One line of a log, with each match of the search marked. */
export const LogLineText = memo(function LogLineText({ text, search }: { text: string; search: string }) {
  if (!search) return <Box component="div">{text || '\u00a0'}</Box>;
  const parts: (string | { match: string })[] = [];
  const lower = text.toLowerCase();
  const wanted = search.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push({ match: text.slice(at, at + wanted.length) });
    from = at + wanted.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return (
    <Box component="div">
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.match}</mark>))}
    </Box>
  );
});
