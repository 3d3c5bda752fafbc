'use client';
import { Alert, AlertTitle, Box } from '@mui/material';
import { ApiError } from '@/lib/api';

/** The server's refusal as it said it: its reason, message, and each field it names. */
export function ActionErrorAlert({ error }: { error: unknown }) {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const causes = apiError?.causes.filter((c) => c.field || c.message) ?? [];
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{apiError?.reason ?? 'Failed'}</AlertTitle>
      {message}
      {causes.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {causes.map((c, i) => (
            <li key={i}>
              {c.field && <code>{c.field}</code>}
              {c.field && c.message ? ': ' : ''}
              {c.message}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}
