'use client';
import { Box, LinearProgress, Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { specFacts } from './spec-facts';

/** A rollout's progress: pods of the new template ready out of those wanted. */
function RolloutProgress({ object }: { object: KubeObject }) {
  const spec = (object.spec ?? {}) as { replicas?: number };
  const status = (object.status ?? {}) as { updatedReplicas?: number; availableReplicas?: number; replicas?: number };
  const want = spec.replicas ?? 1;
  const updated = Math.min(status.updatedReplicas ?? 0, want);
  const done = updated >= want && (status.availableReplicas ?? 0) >= want && (status.replicas ?? 0) <= want;
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {done ? 'Rollout complete' : `Rolling out: ${updated} of ${want} pods on the new template`}
      </Typography>
      <LinearProgress variant="determinate" value={want ? (100 * updated) / want : 100} aria-label="Rollout progress" />
    </Box>
  );
}

/** What the object is and how it is doing, in a few lines; a Deployment's rollout progress, live. */
export function SpecSummary({ object }: { object: KubeObject }) {
  const facts = specFacts(object);
  if (!facts.length) return null;
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2">
        Spec and status
      </Typography>
      <Table size="small">
        <TableBody>
          {facts.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell sx={{ width: 200 }}>{label}</TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {object.kind === 'Deployment' && <RolloutProgress object={object} />}
    </Paper>
  );
}
