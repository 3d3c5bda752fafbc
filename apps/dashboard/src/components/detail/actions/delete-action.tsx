'use client';
import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { ActionProps } from './action-props';
import { referenceOf } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { workloadMutations, type PropagationPolicy } from './workload-mutations';

const POLICIES: { value: PropagationPolicy; help: string }[] = [
  { value: 'Background', help: 'Deleted now; what it owns is deleted afterwards.' },
  { value: 'Foreground', help: 'Deleted once what it owns is gone.' },
  { value: 'Orphan', help: 'Deleted now; what it owns is left running.' },
];

/** `kubectl delete --cascade`: the propagation policy says what becomes of the objects it owns. */
export function DeleteAction({ kind, object, onDone }: ActionProps) {
  const [policy, setPolicy] = useState<PropagationPolicy>('Background');
  const ref = referenceOf(kind, object);
  return (
    <ConfirmedAction
      label="Delete"
      icon={<DeleteIcon />}
      destructive
      title={`Delete ${kind.kind} ${ref.name}`}
      question={`${kind.kind} ${ref.name}${ref.namespace ? ` in namespace ${ref.namespace}` : ''} will be deleted.`}
      onOpen={() => setPolicy('Background')}
      run={async () => {
        const { removed } = await workloadMutations.delete(ref, policy);
        return `${kind.kind} ${ref.name} ${removed ? 'deleted' : 'is being deleted'}`;
      }}
      onDone={onDone}
    >
      <TextField select label="Propagation" value={policy} onChange={(e) => setPolicy(e.target.value as PropagationPolicy)} helperText={POLICIES.find((p) => p.value === policy)?.help}>
        {POLICIES.map((p) => (
          <MenuItem key={p.value} value={p.value}>
            {p.value}
          </MenuItem>
        ))}
      </TextField>
    </ConfirmedAction>
  );
}
