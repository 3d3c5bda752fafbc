'use client';
import { useState } from 'react';
import { DataGrid, GridActionsCell, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import BlockIcon from '@mui/icons-material/Block';
import { dateOrNull } from '../dates';
import { RevokeTokenDialog } from './revoke-token-dialog';
import type { ApiToken } from './token-queries';

const time = (field: keyof ApiToken, headerName: string): GridColDef<ApiToken> => ({ field, headerName, type: 'dateTime', width: 180, valueGetter: (_v, row) => dateOrNull(row[field]) });

/** Tokens as their owners may see them (never the token itself), newest first, each revocable until revoked. */
export function TokensTable({ tokens, loading, onChanged }: { tokens: ApiToken[]; loading: boolean; onChanged(): void }) {
  const [revoking, setRevoking] = useState<ApiToken>();
  const columns: GridColDef<ApiToken>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 120 },
    { field: 'user', headerName: 'User', flex: 1, minWidth: 120 },
    time('createdAt', 'Created'),
    time('expiresAt', 'Expires'),
    time('lastUsedAt', 'Last used'),
    time('revokedAt', 'Revoked'),
    {
      field: 'actions',
      type: 'actions',
      headerName: 'Actions',
      width: 80,
      renderCell: (p) => <GridActionsCell {...p}>{!p.row.revokedAt && <GridActionsCellItem icon={<BlockIcon />} label={`Revoke ${p.row.name}`} onClick={() => setRevoking(p.row)} />}</GridActionsCell>,
    },
  ];
  return (
    <>
      <DataGrid rows={tokens} columns={columns} loading={loading} density="compact" disableRowSelectionOnClick autoHeight aria-label="API tokens" initialState={{ pagination: { paginationModel: { pageSize: 25 } } }} pageSizeOptions={[25, 100]} />
      {revoking && (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => {
            setRevoking(undefined);
            onChanged();
          }}
        />
      )}
    </>
  );
}
