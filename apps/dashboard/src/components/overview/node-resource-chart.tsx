'use client';
import { useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartFigure } from './chart-figure';
import { resourceSummary, type ResourceFigures } from './node-resources';

interface NodeResourceChartProps {
  caption: string;
  rows: ResourceFigures[];
  /** Chart values from the figures (cores stay cores, bytes become GiB). */
  scale?: (v: number) => number;
  format(v: number | null): string;
  unit: string;
}

/** Capacity, requested and used of one resource, a group of bars per node. */
export function NodeResourceChart({ caption, rows, scale = (v) => v, format, unit }: NodeResourceChartProps) {
  const { palette } = useTheme();
  const dataset = rows.map((r) => ({ node: r.node, capacity: scale(r.capacity), requested: scale(r.requested), used: r.used === null ? null : scale(r.used) }));
  const valueFormatter = (v: number | null) => (v === null ? 'no usage yet' : `${Number(v.toFixed(2))} ${unit}`);
  return (
    <ChartFigure caption={caption} summary={resourceSummary(rows, format)}>
      <BarChart
        title={caption}
        height={240}
        dataset={dataset}
        xAxis={[{ scaleType: 'band', dataKey: 'node' }]}
        yAxis={[{ label: unit }]}
        series={[
          { dataKey: 'capacity', label: 'Capacity', color: palette.grey[400], valueFormatter },
          { dataKey: 'requested', label: 'Requested', color: palette.primary.main, valueFormatter },
          { dataKey: 'used', label: 'Used', color: palette.secondary.main, valueFormatter },
        ]}
      />
    </ChartFigure>
  );
}
