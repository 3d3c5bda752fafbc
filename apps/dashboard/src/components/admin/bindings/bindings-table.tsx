'use client';
import { useState } from 'react';
import { DataGrid, GridActionsCell, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import RevokeIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import { useConsole } from '@/lib/console-context';
import { RBAC_GROUP } from '../admin-kinds';
import type { BindingRow } from './binding-rows';
import { RevokeRoleDialog } from './revoke-role-dialog';
import { LIST_GRID } from '@/components/resource-table';

/** Who holds which role where; "revoke" on the bindings RBAC lets the user delete. */
export function BindingsTable({ rows, loading }: { rows: BindingRow[]; loading: boolean }) {
  const { can } = useConsole();
  const [revoking, setRevoking] = useState<BindingRow>();
  const mayRevoke = (b: BindingRow) => can('delete', b.namespace ? 'rolebindings' : 'clusterrolebindings', RBAC_GROUP, b.namespace || undefined) === true;
  const columns: GridColDef<BindingRow>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 160 },
    { field: 'namespace', headerName: 'Namespace', width: 150, valueFormatter: (v: string) => v || 'cluster-wide' },
    { field: 'role', headerName: 'Role', flex: 1, minWidth: 150 },
    { field: 'subjects', headerName: 'Subjects', flex: 2, minWidth: 180 },
    { field: 'createdAt', headerName: 'Created', type: 'dateTime', width: 180 },
    {
      field: 'actions',
      type: 'actions',
      headerName: 'Actions',
      width: 80,
      renderCell: (p) => <GridActionsCell {...p}>{mayRevoke(p.row) && <GridActionsCellItem icon={<RevokeIcon />} label={`Revoke ${p.row.name}`} onClick={() => setRevoking(p.row)} />}</GridActionsCell>,
    },
  ];
  return (
    <>
      <DataGrid
        rows={rows}
        columns={columns}
        loading={loading}
        {...LIST_GRID}
        aria-label="Role bindings"
      />
      {revoking && <RevokeRoleDialog binding={revoking} onClose={() => setRevoking(undefined)} onRevoked={() => setRevoking(undefined)} />}
    </>
  );
}
