'use client';
import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useConsole } from '@/lib/console-context';
import { PageHeader } from '../page-header';
import { useGqlQuery } from '../use-gql-query';
import { CreateUserDialog } from './create-user-dialog';
import { USERS, type UserAccount } from './user-queries';
import { UsersTable } from './users-table';

/** Every account, for a cluster admin: create, change passwords, delete. */
export function UsersAdmin() {
  const { session, logout } = useConsole();
  const { data, error, loading, reload } = useGqlQuery<{ users: UserAccount[] }>(USERS);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Users">
        <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setCreating(true)}>
          Create user
        </Button>
      </PageHeader>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
        </Alert>
      )}
      <UsersTable users={data?.users ?? []} loading={loading} self={session?.user} onChanged={reload} onOwnPasswordChanged={() => void logout()} />
      {creating && (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
    </>
  );
}
