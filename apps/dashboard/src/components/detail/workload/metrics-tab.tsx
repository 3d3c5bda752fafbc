'use client';
import { Alert, Stack } from '@mui/material';
import type { DetailTabProps } from '../tabs';
import { UsageChart } from './usage-chart';
import { useUsageSamples } from './use-usage-samples';

/** CPU and memory usage of a pod or node, sampled every 10 s while the tab is open. */
export function MetricsTab({ object }: DetailTabProps) {
  const { samples, missing, error } = useUsageSamples(object);
  const times = samples.map((s) => s.time);
  return (
    <Stack spacing={2}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {samples.length === 0 && missing && <Alert severity="info">No metrics yet: the node&apos;s agent has not reported usage for it.</Alert>}
      {samples.length > 0 && (
        <>
          <UsageChart title="CPU" unit="millicores" times={times} values={samples.map((s) => s.cpuMillicores)} />
          <UsageChart title="Memory" unit="MiB" times={times} values={samples.map((s) => s.memoryMiB)} />
        </>
      )}
    </Stack>
  );
}
