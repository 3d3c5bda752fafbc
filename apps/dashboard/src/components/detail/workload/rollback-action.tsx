'use client';
import UndoIcon from '@mui/icons-material/Undo';
import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';
import { referenceOf } from '../actions/action-props';
import { ConfirmedAction } from '../actions/confirmed-action';
import { workloadMutations } from '../actions/workload-mutations';
import type { RolloutRevision } from './use-rollout-history';

/** `kubectl rollout undo --to-revision`: the workload's template becomes that revision's again. */
export function RollbackAction({ kind, workload, revision, onDone }: { kind: DashboardKind; workload: KubeObject; revision: RolloutRevision; onDone(message: string): void }) {
  const ref = referenceOf(kind, workload);
  return (
    <ConfirmedAction
      label="Roll back"
      icon={<UndoIcon />}
      title={`Roll back ${kind.kind} ${ref.name}`}
      question={`Its pod template becomes revision ${revision.revision}'s again (${revision.images.map((i) => `${i.container}=${i.image}`).join(', ')}), which starts a rollout.`}
      run={async () => {
        const result = await workloadMutations.rollback(ref, revision.revision);
        return `${kind.kind} ${ref.name}: ${result.message}`;
      }}
      onDone={onDone}
    />
  );
}
