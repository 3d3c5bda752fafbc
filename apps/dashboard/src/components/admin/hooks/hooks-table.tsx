'use client';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { Typography } from '@mui/material';
import type { HookRow } from './hook-rows';
import { OutcomeChip } from './outcome-chip';

const columns = (showNamespace: boolean): GridColDef<HookRow>[] => [
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 140 },
  ...(showNamespace ? [{ field: 'namespace', headerName: 'Namespace', width: 140 } as GridColDef<HookRow>] : []),
  { field: 'target', headerName: 'Target', flex: 1, minWidth: 160 },
  { field: 'path', headerName: 'Path', flex: 2, minWidth: 260, renderCell: (p) => <Typography variant="body2" sx={{ fontFamily: 'monospace', lineHeight: 'inherit' }}>{p.row.path}</Typography> },
  { field: 'lastTime', headerName: 'Last delivery', type: 'dateTime', width: 180 },
  { field: 'lastOutcome', headerName: 'Outcome', width: 120, renderCell: (p) => <OutcomeChip outcome={p.row.lastOutcome} /> },
  { field: 'lastImage', headerName: 'Image', flex: 1, minWidth: 140 },
];

/** The hooks; choosing one (click, or Space on its row) shows its deliveries. */
export function HooksTable({ rows, loading, showNamespace, selected, onSelect }: { rows: HookRow[]; loading: boolean; showNamespace: boolean; selected?: string; onSelect(id: string | undefined): void }) {
  const model: GridRowSelectionModel = { type: 'include', ids: new Set(selected ? [selected] : []) };
  return (
    <DataGrid
      rows={rows}
      columns={columns(showNamespace)}
      loading={loading}
      density="compact"
      rowSelectionModel={model}
      onRowSelectionModelChange={(m) => onSelect([...m.ids].map(String)[0])}
      autoHeight
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      pageSizeOptions={[25, 100]}
      aria-label="Deploy hooks"
      localeText={{ noRowsLabel: 'No deploy hooks in these namespaces' }}
    />
  );
}
