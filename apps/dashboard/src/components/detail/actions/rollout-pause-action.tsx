'use client';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import type { ActionProps } from './action-props';
import { referenceOf } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { workloadMutations } from './workload-mutations';

/** `kubectl rollout pause|resume`: Pause while the Deployment rolls out changes, Resume while it is paused. */
export function RolloutPauseAction({ kind, object, onDone }: ActionProps) {
  const paused = (object.spec as { paused?: boolean } | undefined)?.paused === true;
  const ref = referenceOf(kind, object);
  return paused ? (
    <ConfirmedAction
      label="Resume"
      icon={<PlayArrowIcon />}
      title={`Resume ${kind.kind} ${ref.name}`}
      question="Changes to its template made while it was paused are rolled out."
      run={async () => {
        await workloadMutations.resume(ref);
        return `${kind.kind} ${ref.name} resumed`;
      }}
      onDone={onDone}
    />
  ) : (
    <ConfirmedAction
      label="Pause"
      icon={<PauseIcon />}
      title={`Pause ${kind.kind} ${ref.name}`}
      question="Changes to its template are not rolled out until it is resumed."
      run={async () => {
        await workloadMutations.pause(ref);
        return `${kind.kind} ${ref.name} paused`;
      }}
      onDone={onDone}
    />
  );
}
