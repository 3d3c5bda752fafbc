'use client';
import { useMemo } from 'react';
import { Alert, Skeleton, Stack, Typography } from '@mui/material';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { formatCores, formatGiB, nodeResources } from './node-resources';
import { NodeResourceChart } from './node-resource-chart';
import { useNodeMetrics } from './use-node-metrics';
import { WidgetCard } from './widget-card';

const NODES = kindByName('Node');
const PODS = kindByName('Pod');
const GIB = 1024 ** 3;

/** CPU and memory of every node: capacity, what its pods request (all namespaces), and what it uses. */
export function NodeCapacity() {
  const nodes = useLiveList(NODES, []);
  const pods = useLiveList(PODS, []);
  const metrics = useNodeMetrics();
  const figures = useMemo(() => nodeResources(nodes.items, pods.items, metrics), [nodes.items, pods.items, metrics]);
  const error = nodes.error ?? pods.error;
  return (
    <WidgetCard title="Node capacity">
      {error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : nodes.loading || pods.loading ? (
        <Skeleton variant="rectangular" height={500} aria-label="Loading node capacity" />
      ) : !figures.cpu.length ? (
        <Typography color="text.secondary">No nodes have joined yet.</Typography>
      ) : (
        <Stack spacing={2}>
          {!metrics && <Typography color="text.secondary">No usage yet: node agents report it about every 15 seconds.</Typography>}
          <NodeResourceChart caption="CPU by node" rows={figures.cpu} format={formatCores} unit="cores" />
          <NodeResourceChart caption="Memory by node" rows={figures.memory} scale={(v) => v / GIB} format={formatGiB} unit="GiB" />
        </Stack>
      )}
    </WidgetCard>
  );
}
