'use client';
import { Chip, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { SpecSummary } from './spec-summary';
import type { DetailTabProps } from './tabs';

/** Metadata, the spec's main facts, and conditions. */
export function SummaryTab({ object }: DetailTabProps) {
  const m = object.metadata;
  const conditions = ((object.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined)?.conditions ?? []);
  return (
    <Stack spacing={2}>
      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2">
          Metadata
        </Typography>
        <Table size="small">
          <TableBody>
            <TableRow><TableCell>Name</TableCell><TableCell>{m.name}</TableCell></TableRow>
            {m.namespace && <TableRow><TableCell>Namespace</TableCell><TableCell>{m.namespace}</TableCell></TableRow>}
            <TableRow><TableCell>Created</TableCell><TableCell>{m.creationTimestamp}</TableCell></TableRow>
            <TableRow><TableCell>UID</TableCell><TableCell>{m.uid}</TableCell></TableRow>
            <TableRow>
              <TableCell>Labels</TableCell>
              <TableCell>{Object.entries(m.labels ?? {}).map(([k, v]) => <Chip key={k} size="small" label={`${k}=${v}`} sx={{ mr: 0.5, mb: 0.5 }} />)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
      <SpecSummary object={object} />
      {conditions.length > 0 && (
        <Paper sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2">
            Conditions
          </Typography>
          <Table size="small">
            <TableBody>
              {conditions.map((c) => (
                <TableRow key={c.type}>
                  <TableCell>{c.type}</TableCell>
                  <TableCell>{c.status}</TableCell>
                  <TableCell>{c.reason}</TableCell>
                  <TableCell>{c.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
