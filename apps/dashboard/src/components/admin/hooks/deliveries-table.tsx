'use client';
import { Alert, Box, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { dateOrNull } from '../dates';
import type { HookRow } from './hook-rows';
import { OutcomeChip } from './outcome-chip';
import { useDeliveries, type Delivery } from './use-deliveries';

const columns: GridColDef<Delivery>[] = [
  { field: 'receivedAt', headerName: 'Received', type: 'dateTime', width: 180, valueGetter: (_v, row) => dateOrNull(row.receivedAt) },
  { field: 'deliveryId', headerName: 'Delivery', flex: 1, minWidth: 140 },
  { field: 'eventType', headerName: 'Event', width: 140 },
  { field: 'image', headerName: 'Image', flex: 1, minWidth: 160 },
  { field: 'outcome', headerName: 'Outcome', width: 120, renderCell: (p) => <OutcomeChip outcome={p.row.outcome} /> },
  { field: 'code', headerName: 'Code', type: 'number', width: 80 },
  { field: 'sourceIP', headerName: 'From', width: 130 },
  { field: 'message', headerName: 'Message', flex: 2, minWidth: 200 },
];

/** The kept deliveries of one hook, newest first. */
export function DeliveriesTable({ hook }: { hook: HookRow }) {
  const { items, loading, error } = useDeliveries(hook.namespace, hook.name, hook.resourceVersion);
  const titleId = `deliveries-${hook.id}`;
  return (
    <Box component="section" aria-labelledby={titleId} sx={{ mt: 3 }}>
      <Typography id={titleId} variant="h6" component="h2" sx={{ mb: 1 }}>
        Deliveries of {hook.namespace}/{hook.name}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
        </Alert>
      )}
      <DataGrid
        rows={items}
        columns={columns}
        getRowId={(d) => d.deliveryId}
        loading={loading}
        density="compact"
        disableRowSelectionOnClick
        autoHeight
        initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
        pageSizeOptions={[25, 100]}
        aria-label={`Deliveries of ${hook.name}`}
        localeText={{ noRowsLabel: 'No deliveries yet' }}
      />
    </Box>
  );
}
