'use client';
import { Alert, Stack, Typography } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';
import { ResourceTable } from '@/components/resource-table';

/** A heading and a live list of related objects with kubectl's columns. */
export function RelatedTable({ kind, items, loading, error, showNamespace = false }: { kind: DashboardKind; items: KubeObject[]; loading: boolean; error?: Error; showNamespace?: boolean }) {
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component="h2">
        {kind.title} ({items.length})
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      <ResourceTable kind={kind} items={items} loading={loading} showNamespace={showNamespace} />
    </Stack>
  );
}
