import { useId, type ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/**
 * A chart as a figure: named by its caption and described by `summary`, the figures in
 * words (the chart's SVG is hidden from screen readers).
 */
export function ChartFigure({ caption, summary, children }: { caption: string; summary: string; children: ReactNode }) {
  const captionId = useId();
  const summaryId = useId();
  return (
    <Box component="figure" aria-labelledby={captionId} aria-describedby={summaryId} sx={{ m: 0 }}>
      <Typography id={captionId} component="figcaption" variant="subtitle2" color="text.secondary">
        {caption}
      </Typography>
      {children}
      <span id={summaryId} hidden>
        {summary}
      </span>
    </Box>
  );
}
