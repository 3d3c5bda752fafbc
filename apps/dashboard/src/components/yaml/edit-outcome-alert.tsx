'use client';
import { Alert, Button } from '@mui/material';
import { ApiError } from '@/lib/api';
import { ApiErrorAlert } from './api-error-alert';
import { ParseProblemsAlert } from './parse-problems-alert';
import type { EditOutcome } from './use-object-editor';

/** What a Dry run or Apply came to; a Conflict offers to reload the object as it is now. */
export function EditOutcomeAlert({ outcome, onReload }: { outcome: EditOutcome; onReload(): void }) {
  switch (outcome.kind) {
    case 'saved':
      return (
        <Alert severity="success" role="alert">
          {outcome.dryRun ? 'Dry run passed: the server would accept this change (nothing was saved).' : 'Applied: the object is saved.'}
        </Alert>
      );
    case 'unparsable':
      return <ParseProblemsAlert problems={outcome.problems} />;
    case 'refused': {
      const conflict = outcome.error instanceof ApiError && outcome.error.status === 409;
      const reload = conflict ? (
        <Button color="inherit" size="small" onClick={onReload}>
          Reload
        </Button>
      ) : undefined;
      return <ApiErrorAlert error={outcome.error} action={reload} />;
    }
  }
}
