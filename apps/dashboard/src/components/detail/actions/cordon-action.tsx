'use client';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import type { ActionProps } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { nodeMutations } from './node-mutations';

/** `kubectl cordon|uncordon`: Cordon a schedulable node, Uncordon an unschedulable one. */
export function CordonAction({ object, onDone }: ActionProps) {
  const node = object.metadata.name ?? '';
  const unschedulable = (object.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  return unschedulable ? (
    <ConfirmedAction
      label="Uncordon"
      icon={<CheckCircleOutlineIcon />}
      title={`Uncordon node ${node}`}
      question="New pods may be scheduled on it again."
      run={async () => {
        await nodeMutations.uncordon(node);
        return `Node ${node} uncordoned`;
      }}
      onDone={onDone}
    />
  ) : (
    <ConfirmedAction
      label="Cordon"
      icon={<BlockIcon />}
      title={`Cordon node ${node}`}
      question="No new pods are scheduled on it; those running stay."
      run={async () => {
        await nodeMutations.cordon(node);
        return `Node ${node} cordoned`;
      }}
      onDone={onDone}
    />
  );
}
