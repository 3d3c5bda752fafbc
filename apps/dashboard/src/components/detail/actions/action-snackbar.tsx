'use client';
import { Alert, Snackbar } from '@mui/material';

/** What an action did, for a few seconds. */
export function ActionSnackbar({ message, onClose }: { message?: string; onClose(): void }) {
  return (
    <Snackbar open={!!message} autoHideDuration={8000} onClose={(_e, reason) => reason !== 'clickaway' && onClose()} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity="success" role="alert" variant="filled" onClose={onClose}>
        {message}
      </Alert>
    </Snackbar>
  );
}
