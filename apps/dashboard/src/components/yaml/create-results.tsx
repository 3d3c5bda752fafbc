'use client';
import { List, Typography } from '@mui/material';
import { CreateResultItem } from './create-result-item';
import type { CreateResult } from './use-manifest-create';

/** What creating (or a dry run) did to each object of the manifest, in order. */
export function CreateResults({ results }: { results: CreateResult[] }) {
  if (!results.length) return null;
  const failed = results.filter((r) => r.error).length;
  const verb = results[0].dryRun ? 'Dry run' : 'Create';
  return (
    <section aria-label="Results">
      <Typography variant="subtitle1" component="h2" role="status">
        {verb}: {results.length - failed} of {results.length} {results[0].dryRun ? 'would be created' : 'created'}
        {results[0].dryRun ? ' (nothing was saved)' : ''}
      </Typography>
      <List dense>
        {results.map((r, i) => (
          <CreateResultItem key={`${i}-${r.kind}-${r.name}`} result={r} />
        ))}
      </List>
    </section>
  );
}
