'use client';
import { Alert, Skeleton, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useConsole } from '@/lib/console-context';
import { ChartFigure } from './chart-figure';
import { useWorkloadHealth } from './use-workload-health';
import { WidgetCard } from './widget-card';
import { workloadSummary } from './workload-health';

const HEIGHT = 300;

/** Deployments, StatefulSets, DaemonSets, ReplicaSets and Pods of the picked namespaces: running, pending and failed, live. */
export function WorkloadStatusChart() {
  const { namespaces } = useConsole();
  const { rows, loading, error } = useWorkloadHealth(namespaces);
  const { palette } = useTheme();
  return (
    <WidgetCard title="Workloads">
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error.message}
        </Alert>
      )}
      {loading ? (
        <Skeleton variant="rectangular" height={HEIGHT} aria-label="Loading workloads" />
      ) : (
        <ChartFigure caption="Workload status" summary={workloadSummary(rows)}>
          <BarChart
            title="Workload status"
            height={HEIGHT}
            dataset={rows.map((r) => ({ ...r }))}
            xAxis={[{ scaleType: 'band', dataKey: 'kind' }]}
            yAxis={[{ tickMinStep: 1, label: 'Objects' }]}
            series={[
              { dataKey: 'running', label: 'Running', stack: 'health', color: palette.success.main },
              { dataKey: 'pending', label: 'Pending', stack: 'health', color: palette.warning.main },
              { dataKey: 'failed', label: 'Failed', stack: 'health', color: palette.error.main },
            ]}
          />
        </ChartFigure>
      )}
    </WidgetCard>
  );
}
