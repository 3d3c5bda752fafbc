'use client';
import { DialogContentText } from '@mui/material';
import { gql } from '@/lib/api';
import { FormDialog } from '../form-dialog';
import { useAction } from '../use-action';
import { DELETE_USER } from './user-queries';

/** Asks before deleting an account. */
export function DeleteUserDialog({ user, onClose, onDeleted }: { user: string; onClose(): void; onDeleted(): void }) {
  const remove = useAction(() => gql(DELETE_USER, { name: user }));
  const submit = async () => {
    if ((await remove.run()).ok) onDeleted();
  };
  return (
    <FormDialog open title={`Delete user ${user}?`} submitLabel="Delete" destructive busy={remove.busy} error={remove.error?.message} onClose={onClose} onSubmit={submit}>
      <DialogContentText>Its tokens and dashboard sessions stop working at once. Its role bindings stay until revoked.</DialogContentText>
    </FormDialog>
  );
}
