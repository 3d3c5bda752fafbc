'use client';
import { Paper, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';

const rounded = (v: number) => `${Math.round(v * 10) / 10}`;

/** One resource's usage over time as a line, the latest value in its heading. */
export function UsageChart({ title, unit, times, values }: { title: string; unit: string; times: Date[]; values: number[] }) {
  const latest = values[values.length - 1];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="figure" aria-label={title}>
      <Typography variant="subtitle1" component="h2">
        {title}
        {latest !== undefined && (
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {rounded(latest)} {unit}
          </Typography>
        )}
      </Typography>
      <LineChart
        height={240}
        skipAnimation
        xAxis={[{ data: times, scaleType: 'time', valueFormatter: (d: Date) => d.toLocaleTimeString() }]}
        yAxis={[{ min: 0, label: unit }]}
        series={[{ data: values, label: title, showMark: values.length < 30, valueFormatter: (v) => (v === null ? '' : `${rounded(v)} ${unit}`) }]}
        hideLegend
      />
    </Paper>
  );
}
