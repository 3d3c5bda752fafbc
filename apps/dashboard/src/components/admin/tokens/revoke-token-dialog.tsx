'use client';
import { DialogContentText } from '@mui/material';
import { gql } from '@/lib/api';
import { FormDialog } from '../form-dialog';
import { useAction } from '../use-action';
import { REVOKE_TOKEN, type ApiToken } from './token-queries';

/** Asks before revoking a token: whatever uses it is refused from then on. */
export function RevokeTokenDialog({ token, onClose, onRevoked }: { token: ApiToken; onClose(): void; onRevoked(): void }) {
  const revoke = useAction(() => gql(REVOKE_TOKEN, { id: token.id }));
  const submit = async () => {
    if ((await revoke.run()).ok) onRevoked();
  };
  return (
    <FormDialog open title={`Revoke token ${token.name}?`} submitLabel="Revoke" destructive busy={revoke.busy} error={revoke.error?.message} onClose={onClose} onSubmit={submit}>
      <DialogContentText>
        Requests with this token of {token.user} are refused from now on. This cannot be undone: make a new token instead.
      </DialogContentText>
    </FormDialog>
  );
}
