'use client';
import { useLayoutEffect, useRef, useState } from 'react';
import { Box, Button } from '@mui/material';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { LogLineText } from './log-line-text';
import type { LogLine } from './use-log-stream';

/** How near the bottom (px) still counts as at the bottom. */
const SLACK = 24;

/** The log's lines, kept scrolled to the newest unless the user scrolled up to read. */
export function LogView({ lines, search }: { lines: LogLine[]; search: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  useLayoutEffect(() => {
    if (following && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, following]);
  const onScroll = () => {
    const el = box.current!;
    setFollowing(el.scrollTop + el.clientHeight >= el.scrollHeight - SLACK);
  };
  return (
    <Box sx={{ position: 'relative' }}>
      <Box
        ref={box}
        role="log"
        aria-label="Logs"
        tabIndex={0}
        onScroll={onScroll}
        sx={{ height: '60vh', overflow: 'auto', p: 1, fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all', bgcolor: 'action.hover', borderRadius: 1, '& mark': { bgcolor: 'warning.light', color: 'inherit' } }}
      >
        {lines.map((l) => (
          <LogLineText key={l.n} text={l.text} search={search} />
        ))}
      </Box>
      {!following && (
        <Button size="small" variant="contained" startIcon={<ArrowDownwardIcon />} onClick={() => setFollowing(true)} sx={{ position: 'absolute', right: 16, bottom: 16 }}>
          Follow
        </Button>
      )}
    </Box>
  );
}
