'use client';
import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import PasswordIcon from '@mui/icons-material/Password';
import { useConsole } from '@/lib/console-context';
import { PageHeader } from '../page-header';
import { SetPasswordDialog } from './set-password-dialog';

/** What a user who is not a cluster admin may do here: change its own password (which ends its sessions, this one too). */
export function OwnAccount() {
  const { session, logout } = useConsole();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <PageHeader title="Users">
        <Button variant="outlined" startIcon={<PasswordIcon />} onClick={() => setChanging(true)}>
          Change my password
        </Button>
      </PageHeader>
      <Alert severity="info">Only cluster admins (group system:masters) list, create and delete users. You are logged in as {session?.user}.</Alert>
      {changing && session && <SetPasswordDialog user={session.user} onClose={() => setChanging(false)} onDone={() => void logout()} />}
    </>
  );
}
