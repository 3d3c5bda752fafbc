'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import { Alert, Link as MuiLink, Skeleton } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useConsole } from '@/lib/console-context';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { recentWarnings, type WarningRow } from './warning-events';
import { WidgetCard } from './widget-card';

const EVENTS = kindByName('Event');

const columns: GridColDef<WarningRow>[] = [
  { field: 'time', headerName: 'Last seen', type: 'dateTime', width: 180 },
  {
    field: 'object',
    headerName: 'Object',
    flex: 1,
    minWidth: 200,
    renderCell: (p) =>
      p.row.href ? (
        <MuiLink component={Link} href={p.row.href}>
          {p.row.object}
        </MuiLink>
      ) : (
        p.row.object
      ),
  },
  { field: 'reason', headerName: 'Reason', width: 160 },
  { field: 'message', headerName: 'Message', flex: 2, minWidth: 240 },
  { field: 'count', headerName: 'Count', type: 'number', width: 80 },
];

/** The 20 newest Warning events of the picked namespaces, live, linking to their objects. */
export function WarningEventsTable() {
  const { namespaces } = useConsole();
  const { items, loading, error } = useLiveList(EVENTS, namespaces);
  const rows = useMemo(() => recentWarnings(items), [items]);
  return (
    <WidgetCard title="Recent warnings">
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error.message}
        </Alert>
      )}
      {loading ? (
        <Skeleton variant="rectangular" height={240} aria-label="Loading warnings" />
      ) : (
        <DataGrid rows={rows} columns={columns} density="compact" disableRowSelectionOnClick hideFooter autoHeight aria-label="Recent warning events" localeText={{ noRowsLabel: 'No warnings' }} />
      )}
    </WidgetCard>
  );
}
