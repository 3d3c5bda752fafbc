'use client';
import { Chip } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { dateOrNull } from '../dates';
import type { AuditEvent } from './audit-queries';

/** `deployments.apps/scale`, `pods`, `rolebindings.rbac.authorization.k8s.io` */
const resourceName = (e: AuditEvent) => `${e.resource}${e.group ? `.${e.group}` : ''}${e.subresource ? `/${e.subresource}` : ''}`;

const columns: GridColDef<AuditEvent>[] = [
  { field: 'at', headerName: 'Time', type: 'dateTime', width: 180, valueGetter: (_v, row) => dateOrNull(row.at) },
  { field: 'user', headerName: 'User', width: 160, valueGetter: (_v, row) => (row.impersonatedUser ? `${row.user} as ${row.impersonatedUser}` : row.user) },
  { field: 'source', headerName: 'Source', width: 100 },
  { field: 'verb', headerName: 'Verb', width: 90 },
  { field: 'resource', headerName: 'Resource', flex: 1, minWidth: 180, valueGetter: (_v, row) => resourceName(row) },
  { field: 'namespace', headerName: 'Namespace', width: 130 },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 140 },
  { field: 'code', headerName: 'Outcome', width: 100, renderCell: (p) => <Chip size="small" variant="outlined" label={p.row.code} color={p.row.code < 400 ? 'success' : 'error'} /> },
  { field: 'message', headerName: 'Message', flex: 2, minWidth: 200 },
];

/** One page of the audit log, newest first. */
export function AuditTable({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  return <DataGrid rows={events} columns={columns} loading={loading} density="compact" disableRowSelectionOnClick hideFooter sx={{ height: 'calc(100vh - 300px)', minHeight: 360 }} aria-label="Audit log" localeText={{ noRowsLabel: 'No audit entries match' }} />;
}
