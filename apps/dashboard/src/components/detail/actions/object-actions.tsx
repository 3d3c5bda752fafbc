'use client';
import { useState } from 'react';
import { Stack } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { IMAGE_KINDS, RESTARTABLE_KINDS, SCALABLE_KINDS } from '@skiff/domain/rollout/workload-kinds';
import { useConsole } from '@/lib/console-context';
import type { DashboardKind } from '@/lib/kinds';
import { ActionSnackbar } from './action-snackbar';
import { CordonAction } from './cordon-action';
import { DeleteAction } from './delete-action';
import { DrainAction } from './drain-action';
import { RestartAction } from './restart-action';
import { RolloutPauseAction } from './rollout-pause-action';
import { ScaleAction } from './scale-action';
import { SetImageAction } from './set-image-action';
import { useMay } from './use-may';

const among = (kinds: readonly string[], kind: string) => kinds.includes(kind);

/**
 * The actions a user may take on an object (buttons above its tabs): those the server
 * offers for its kind, each shown only when RBAC allows the requests kubectl would make
 * (the server refuses the others anyway).
 */
export function ObjectActions({ kind, object }: { kind: DashboardKind; object: KubeObject }) {
  const may = useMay(kind, object.metadata.namespace);
  const { can } = useConsole();
  const [done, setDone] = useState<string>();
  const props = { kind, object, onDone: setDone };
  const k = kind.kind;
  const node = k === 'Node';
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        {among(SCALABLE_KINDS, k) && may('patch', 'scale') && <ScaleAction {...props} />}
        {among(RESTARTABLE_KINDS, k) && may('patch') && <RestartAction {...props} />}
        {among(IMAGE_KINDS, k) && may('patch') && <SetImageAction {...props} />}
        {k === 'Deployment' && may('patch') && <RolloutPauseAction {...props} />}
        {node && may('patch') && <CordonAction {...props} />}
        {node && may('patch') && can('create', 'pods', '', undefined, 'eviction') && <DrainAction {...props} />}
        {may('delete') && <DeleteAction {...props} />}
      </Stack>
      <ActionSnackbar message={done} onClose={() => setDone(undefined)} />
    </>
  );
}
