'use client';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import type { ActionProps } from './action-props';
import { referenceOf } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { workloadMutations } from './workload-mutations';

/** `kubectl rollout restart`: every pod is replaced through a rollout. */
export function RestartAction({ kind, object, onDone }: ActionProps) {
  const ref = referenceOf(kind, object);
  return (
    <ConfirmedAction
      label="Restart"
      icon={<RestartAltIcon />}
      title={`Restart ${kind.kind} ${ref.name}`}
      question="Every pod is replaced by a new one, as a rollout does."
      run={async () => {
        await workloadMutations.restart(ref);
        return `${kind.kind} ${ref.name} restarted`;
      }}
      onDone={onDone}
    />
  );
}
