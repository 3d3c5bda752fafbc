'use client';
import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { gql } from '@/lib/api';
import { fieldError, formError } from '../api-errors';
import { FormDialog } from '../form-dialog';
import { useAction } from '../use-action';
import { CREATE_TOKEN, TOKEN_LIFETIMES, type IssuedToken } from './token-queries';

const FIELDS = ['name', 'expiresInSeconds'] as const;

/** A new bearer token of one's own: what it is for and how long it lives. */
export function CreateTokenDialog({ onClose, onIssued }: { onClose(): void; onIssued(token: IssuedToken): void }) {
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState(2);
  const create = useAction(() => gql<{ createToken: IssuedToken }>(CREATE_TOKEN, { name, expiresInSeconds: TOKEN_LIFETIMES[lifetime].seconds }));
  const submit = async () => {
    const r = await create.run();
    if (r.ok) onIssued(r.value.createToken);
  };
  return (
    <FormDialog open title="Create token" submitLabel="Create" busy={create.busy} error={formError(create.error, FIELDS)} onClose={onClose} onSubmit={submit}>
      <TextField label="Token name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus autoComplete="off" error={!!fieldError(create.error, 'name')} helperText={fieldError(create.error, 'name') ?? 'What it is for, e.g. ci'} />
      <TextField select label="Expires" value={lifetime} onChange={(e) => setLifetime(Number(e.target.value))} error={!!fieldError(create.error, 'expiresInSeconds')} helperText={fieldError(create.error, 'expiresInSeconds') ?? ' '}>
        {TOKEN_LIFETIMES.map((l, i) => (
          <MenuItem key={l.label} value={i}>
            {l.label}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}
