'use client';
import { useMemo, useState } from 'react';
import { Alert } from '@mui/material';
import { useConsole } from '@/lib/console-context';
import { useLiveList } from '@/lib/use-live-list';
import { DEPLOY_HOOKS } from '../admin-kinds';
import { PageHeader } from '../page-header';
import { DeliveriesTable } from './deliveries-table';
import { hookRows } from './hook-rows';
import { HooksTable } from './hooks-table';

/** DeployHooks of the picked namespaces, live, and the delivery log of the one chosen. */
export function HooksAdmin() {
  const { namespaces } = useConsole();
  const { items, loading, error } = useLiveList(DEPLOY_HOOKS, namespaces);
  const rows = useMemo(() => hookRows(items), [items]);
  const [selected, setSelected] = useState<string>();
  const hook = rows.find((r) => r.id === selected);
  return (
    <>
      <PageHeader title="Deploy webhooks" />
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
        </Alert>
      )}
      <HooksTable rows={rows} loading={loading} showNamespace={namespaces.length !== 1} selected={selected} onSelect={setSelected} />
      {hook && <DeliveriesTable hook={hook} />}
    </>
  );
}
