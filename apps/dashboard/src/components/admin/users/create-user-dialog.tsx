'use client';
import { useState } from 'react';
import { TextField } from '@mui/material';
import { gql } from '@/lib/api';
import { fieldError, formError } from '../api-errors';
import { FormDialog } from '../form-dialog';
import { useAction } from '../use-action';
import { CREATE_USER } from './user-queries';

const FIELDS = ['name', 'password', 'groups'] as const;

/** "a, b ,c" → ["a", "b", "c"] */
const groupList = (text: string) =>
  text
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);

/** A new account: name, password and RBAC groups. It holds no rights until a binding grants some. */
export function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(name: string): void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [groups, setGroups] = useState('');
  const create = useAction(() => gql(CREATE_USER, { name, password, groups: groupList(groups) }));
  const submit = async () => {
    if ((await create.run()).ok) onCreated(name);
  };
  return (
    <FormDialog open title="Create user" submitLabel="Create" busy={create.busy} error={formError(create.error, FIELDS)} onClose={onClose} onSubmit={submit}>
      <TextField label="User name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus autoComplete="off" error={!!fieldError(create.error, 'name')} helperText={fieldError(create.error, 'name') ?? 'Lower-case letters, digits, ".", "_", "@" or "-"'} />
      <TextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" error={!!fieldError(create.error, 'password')} helperText={fieldError(create.error, 'password') ?? 'At least 12 characters'} />
      <TextField label="Groups" value={groups} onChange={(e) => setGroups(e.target.value)} error={!!fieldError(create.error, 'groups')} helperText={fieldError(create.error, 'groups') ?? 'Comma-separated, for role bindings; none may start with "system:"'} />
    </FormDialog>
  );
}
