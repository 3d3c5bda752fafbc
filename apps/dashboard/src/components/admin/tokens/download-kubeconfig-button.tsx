'use client';
import { Alert, Button, Snackbar } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { gql } from '@/lib/api';
import { useConsole } from '@/lib/console-context';
import { useAction } from '../use-action';
import { KUBECONFIG } from './token-queries';
import { saveFile } from './save-file';

/** A kubeconfig for kubectl with a new token of one's own (named `kubeconfig`), saved as skiff-<user>.kubeconfig. */
export function DownloadKubeconfigButton({ onIssued }: { onIssued(): void }) {
  const { session, namespaces } = useConsole();
  const download = useAction(() => gql<{ kubeconfig: string }>(KUBECONFIG, { namespace: namespaces[0] ?? null }));
  const click = async () => {
    const r = await download.run();
    if (!r.ok) return;
    saveFile(`skiff-${session?.user}.kubeconfig`, r.value.kubeconfig);
    onIssued();
  };
  return (
    <>
      <Button variant="outlined" startIcon={<DownloadIcon />} loading={download.busy} onClick={() => void click()}>
        Download kubeconfig
      </Button>
      <Snackbar open={!!download.error} onClose={download.reset} autoHideDuration={8000}>
        <Alert severity="error" onClose={download.reset}>
          {download.error?.message}
        </Alert>
      </Snackbar>
    </>
  );
}
