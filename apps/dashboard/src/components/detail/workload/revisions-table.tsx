'use client';
import { Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';
import { RollbackAction } from './rollback-action';
import type { RolloutRevision } from './use-rollout-history';

/** `kubectl rollout history` as a table, the current revision marked, a roll back on each other one when allowed. */
export function RevisionsTable({ kind, workload, revisions, current, mayRollBack, onDone }: { kind: DashboardKind; workload: KubeObject; revisions: RolloutRevision[]; current?: number; mayRollBack: boolean; onDone(message: string): void }) {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Rollout history">
        <TableHead>
          <TableRow>
            <TableCell>REVISION</TableCell>
            <TableCell>IMAGES</TableCell>
            <TableCell>CHANGE-CAUSE</TableCell>
            <TableCell>CREATED</TableCell>
            <TableCell aria-label="Actions" />
          </TableRow>
        </TableHead>
        <TableBody>
          {revisions.map((r) => (
            <TableRow key={r.revision} selected={r.revision === current}>
              <TableCell>
                {r.revision}
                {r.revision === current && <Chip size="small" label="current" color="primary" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell>{r.images.map((i) => `${i.container}=${i.image}`).join(', ')}</TableCell>
              <TableCell>{r.changeCause ?? '<none>'}</TableCell>
              <TableCell>{r.createdAt ? new Date(r.createdAt).toLocaleString() : ''}</TableCell>
              <TableCell align="right">{mayRollBack && r.revision !== current && <RollbackAction kind={kind} workload={workload} revision={r} onDone={onDone} />}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
