'use client';
import { useState } from 'react';
import { DataGrid, GridActionsCell, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import DeleteIcon from '@mui/icons-material/Delete';
import PasswordIcon from '@mui/icons-material/Password';
import { dateOrNull } from '../dates';
import { DeleteUserDialog } from './delete-user-dialog';
import { SetPasswordDialog } from './set-password-dialog';
import type { UserAccount } from './user-queries';

type Pending = { action: 'password' | 'delete'; user: string } | undefined;

/** The accounts, each with "change password" (one's own ends this session too) and, but for one's own, "delete". */
export function UsersTable({ users, loading, self, onChanged, onOwnPasswordChanged }: { users: UserAccount[]; loading: boolean; self?: string; onChanged(): void; onOwnPasswordChanged(): void }) {
  const [pending, setPending] = useState<Pending>();
  const columns: GridColDef<UserAccount>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 140 },
    { field: 'groups', headerName: 'Groups', flex: 1, minWidth: 160, valueGetter: (_v, row) => row.groups.join(', ') },
    { field: 'createdAt', headerName: 'Created', type: 'dateTime', width: 190, valueGetter: (_v, row) => dateOrNull(row.createdAt) },
    { field: 'lockedUntil', headerName: 'Locked until', type: 'dateTime', width: 190, valueGetter: (_v, row) => dateOrNull(row.lockedUntil) },
    {
      field: 'actions',
      type: 'actions',
      headerName: 'Actions',
      width: 110,
      renderCell: (p) => (
        <GridActionsCell {...p}>
          <GridActionsCellItem icon={<PasswordIcon />} label={`Change the password of ${p.row.name}`} onClick={() => setPending({ action: 'password', user: p.row.name })} />
          {p.row.name !== self && <GridActionsCellItem icon={<DeleteIcon />} label={`Delete ${p.row.name}`} onClick={() => setPending({ action: 'delete', user: p.row.name })} />}
        </GridActionsCell>
      ),
    },
  ];
  const done = () => {
    setPending(undefined);
    onChanged();
  };
  return (
    <>
      <DataGrid rows={users} columns={columns} getRowId={(u) => u.name} loading={loading} density="compact" disableRowSelectionOnClick autoHeight aria-label="Users" />
      {pending?.action === 'password' && <SetPasswordDialog user={pending.user} onClose={() => setPending(undefined)} onDone={pending.user === self ? onOwnPasswordChanged : done} />}
      {pending?.action === 'delete' && <DeleteUserDialog user={pending.user} onClose={() => setPending(undefined)} onDeleted={done} />}
    </>
  );
}
