'use client';
import { useState } from 'react';
import { TextField } from '@mui/material';
import LinearScaleIcon from '@mui/icons-material/LinearScale';
import type { ActionProps } from './action-props';
import { referenceOf } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { workloadMutations } from './workload-mutations';

/** `kubectl scale --replicas`: the number is checked by the server, which names the field when it refuses. */
export function ScaleAction({ kind, object, onDone }: ActionProps) {
  const current = (object.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const [replicas, setReplicas] = useState(String(current));
  const wanted = Number(replicas);
  const ref = referenceOf(kind, object);
  return (
    <ConfirmedAction
      label="Scale"
      icon={<LinearScaleIcon />}
      title={`Scale ${kind.kind} ${ref.name}`}
      onOpen={() => setReplicas(String(current))}
      confirmDisabled={replicas.trim() === '' || !Number.isInteger(wanted)}
      run={async () => {
        await workloadMutations.scale(ref, wanted);
        return `${kind.kind} ${ref.name} scaled to ${wanted} replicas`;
      }}
      onDone={onDone}
    >
      <TextField label="Replicas" type="number" value={replicas} onChange={(e) => setReplicas(e.target.value)} autoFocus helperText={`Now ${current}`} slotProps={{ htmlInput: { step: 1 } }} />
    </ConfirmedAction>
  );
}
