'use client';
import { DialogContentText } from '@mui/material';
import { gql } from '@/lib/api';
import { FormDialog } from '../form-dialog';
import { useAction } from '../use-action';
import { REVOKE_ROLE } from './binding-queries';
import type { BindingRow } from './binding-rows';

/** Asks before deleting a binding (kubectl delete rolebinding|clusterrolebinding). */
export function RevokeRoleDialog({ binding, onClose, onRevoked }: { binding: BindingRow; onClose(): void; onRevoked(): void }) {
  const revoke = useAction(() => gql(REVOKE_ROLE, { bindingName: binding.name, namespace: binding.namespace || null }));
  const submit = async () => {
    if ((await revoke.run()).ok) onRevoked();
  };
  const where = binding.namespace ? `in namespace ${binding.namespace}` : 'cluster-wide';
  return (
    <FormDialog open title={`Revoke ${binding.name}?`} submitLabel="Revoke" destructive busy={revoke.busy} error={revoke.error?.message} onClose={onClose} onSubmit={submit}>
      <DialogContentText>
        {binding.subjects || 'No one'} lose {binding.role} {where}, unless another binding grants it.
      </DialogContentText>
    </FormDialog>
  );
}
