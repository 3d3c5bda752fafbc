'use client';
import type { ReactNode } from 'react';
import { Alert, AlertTitle, List, ListItem, ListItemText } from '@mui/material';
import { ApiError } from '@/lib/api';

/** The server's refusal: its message, and each field it named with why (a Kubernetes Status' causes). */
export function ApiErrorAlert({ error, action }: { error: Error; action?: ReactNode }) {
  const causes = error instanceof ApiError ? error.causes : [];
  const reason = error instanceof ApiError ? error.reason : undefined;
  return (
    <Alert severity="error" action={action} role="alert">
      {reason && <AlertTitle>{reason}</AlertTitle>}
      {error.message}
      {causes.length > 0 && (
        <List dense disablePadding aria-label="Fields">
          {causes.map((c, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText primary={c.field ?? '(object)'} secondary={c.message} slotProps={{ primary: { sx: { fontFamily: 'monospace' } } }} />
            </ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}
