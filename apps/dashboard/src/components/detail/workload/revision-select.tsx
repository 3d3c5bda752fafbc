'use client';
import { MenuItem, TextField } from '@mui/material';
import type { RolloutRevision } from './use-rollout-history';

/** A labelled choice of one revision. */
export function RevisionSelect({ label, revisions, value, onChange }: { label: string; revisions: RolloutRevision[]; value?: number; onChange(revision: number): void }) {
  return (
    <TextField select size="small" label={label} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} sx={{ minWidth: 180 }}>
      {revisions.map((r) => (
        <MenuItem key={r.revision} value={r.revision}>
          {r.revision}
        </MenuItem>
      ))}
    </TextField>
  );
}
