'use client';
import { useState } from 'react';
import { Alert, Button, FormControlLabel, Switch } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useConsole } from '@/lib/console-context';
import { PageHeader } from '../page-header';
import { useClusterAdmin } from '../use-cluster-admin';
import { useGqlQuery } from '../use-gql-query';
import { CreateTokenDialog } from './create-token-dialog';
import { DownloadKubeconfigButton } from './download-kubeconfig-button';
import { IssuedTokenDialog } from './issued-token-dialog';
import { TOKENS, type ApiToken, type IssuedToken } from './token-queries';
import { TokensTable } from './tokens-table';

/** One's API tokens (a cluster admin may show everyone's): create (shown once), revoke, download a kubeconfig. */
export function TokensAdmin() {
  const { session } = useConsole();
  const admin = useClusterAdmin();
  const [everyone, setEveryone] = useState(false);
  const { data, error, loading, reload } = useGqlQuery<{ tokens: ApiToken[] }>(TOKENS, { user: admin && everyone ? null : session?.user });
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedToken>();
  return (
    <>
      <PageHeader title="API tokens">
        {admin && <FormControlLabel control={<Switch checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />} label="Everyone’s tokens" />}
        <DownloadKubeconfigButton onIssued={reload} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          Create token
        </Button>
      </PageHeader>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
        </Alert>
      )}
      <TokensTable tokens={data?.tokens ?? []} loading={loading} onChanged={reload} />
      {creating && (
        <CreateTokenDialog
          onClose={() => setCreating(false)}
          onIssued={(t) => {
            setCreating(false);
            setIssued(t);
            reload();
          }}
        />
      )}
      {issued && <IssuedTokenDialog issued={issued} onClose={() => setIssued(undefined)} />}
    </>
  );
}
