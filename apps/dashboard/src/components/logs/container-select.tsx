'use client';
import { TextField } from '@mui/material';

/** Which of the pod's containers to read (a native select: labelled and keyboard-friendly as is). */
export function ContainerSelect({ containers, value, onChange }: { containers: string[]; value: string; onChange(c: string): void }) {
  return (
    <TextField select label="Container" size="small" value={value} onChange={(e) => onChange(e.target.value)} slotProps={{ select: { native: true } }} sx={{ minWidth: 180 }}>
      {containers.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </TextField>
  );
}
