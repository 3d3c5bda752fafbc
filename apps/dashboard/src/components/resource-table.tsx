'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { Link as MuiLink } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { toTable } from '@skiff/domain/tables';
import { detailHref, type DashboardKind } from '@/lib/kinds';
import { StatusIcon } from './status-icon';

/** How a full-page list grid looks and pages (kind lists, role bindings). */
export const LIST_GRID = {
  density: 'compact',
  disableRowSelectionOnClick: true,
  initialState: { pagination: { paginationModel: { pageSize: 100 } } },
  pageSizeOptions: [25, 100, 500],
  sx: { height: 'calc(100vh - 200px)', minHeight: 360 },
} as const;

interface Row {
  id: string;
  object: KubeObject;
  [column: string]: unknown;
}

/**
 * A kind's objects with the columns `kubectl get` shows — the same printers the API's
 * Table output uses (libs/domain/src/tables) — sortable, filterable and virtualized
 * (thousands of rows scroll without rendering them all).
 */
export function ResourceTable({ kind, items, loading, showNamespace }: { kind: DashboardKind; items: KubeObject[]; loading: boolean; showNamespace: boolean }) {
  const { columns, rows } = useMemo(() => {
    const table = toTable(kind.kind, items, { now: new Date(), includeObject: 'None', listMeta: {} });
    const defs = table.columnDefinitions.filter((c) => c.priority === 0);
    const columns: GridColDef<Row>[] = [
      { field: '__status', headerName: '', width: 44, sortable: false, filterable: false, renderCell: (p) => <StatusIcon object={p.row.object} /> },
      ...(showNamespace && kind.namespaced ? [{ field: '__namespace', headerName: 'NAMESPACE', width: 150 } as GridColDef<Row>] : []),
      ...defs.map((c, i): GridColDef<Row> => ({
        field: `c${i}`,
        headerName: c.name.toUpperCase(),
        flex: c.name === 'Name' ? 2 : 1,
        minWidth: 90,
        type: c.type === 'integer' || c.type === 'number' ? 'number' : 'string',
        ...(c.name === 'Name'
          ? {
              renderCell: (p) => (
                <MuiLink component={Link} href={detailHref(kind, p.row.object.metadata.namespace, p.row.object.metadata.name!)}>
                  {String(p.value)}
                </MuiLink>
              ),
            }
          : {}),
      })),
    ];
    const rows: Row[] = table.rows.map((r, i) => {
      const object = items[i];
      const row: Row = { id: `${object.metadata.namespace ?? ''}/${object.metadata.name}`, object, __namespace: object.metadata.namespace };
      r.cells.forEach((cell, j) => {
        const def = table.columnDefinitions[j];
        if (def && def.priority === 0) row[`c${defs.indexOf(def)}`] = cell;
      });
      return row;
    });
    return { columns, rows };
  }, [kind, items, showNamespace]);
  return (
    <DataGrid
      rows={rows}
      columns={columns}
      loading={loading}
      {...LIST_GRID}
      aria-label={`${kind.title} list`}
    />
  );
}
