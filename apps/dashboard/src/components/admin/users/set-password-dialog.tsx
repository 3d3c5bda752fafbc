'use client';
import { useState } from 'react';
import { TextField } from '@mui/material';
import { gql } from '@/lib/api';
import { fieldError, formError } from '../api-errors';
import { FormDialog } from '../form-dialog';
import { useAction } from '../use-action';
import { SET_PASSWORD } from './user-queries';

/** A new password for `user` (one's own, or anyone's as a cluster admin); the user's sessions end. */
export function SetPasswordDialog({ user, onClose, onDone }: { user: string; onClose(): void; onDone(): void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useAction(() => gql(SET_PASSWORD, { name: user, password }));
  const submit = async () => {
    setMismatch(password !== repeat);
    if (password === repeat && (await change.run()).ok) onDone();
  };
  return (
    <FormDialog open title={`Change the password of ${user}`} submitLabel="Change password" busy={change.busy} error={formError(change.error, ['password'])} onClose={onClose} onSubmit={submit}>
      <TextField label="New password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus autoComplete="new-password" error={!!fieldError(change.error, 'password')} helperText={fieldError(change.error, 'password') ?? 'At least 12 characters; the user’s dashboard sessions end'} />
      <TextField label="Repeat the password" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" error={mismatch} helperText={mismatch ? 'The passwords differ' : ' '} />
    </FormDialog>
  );
}
