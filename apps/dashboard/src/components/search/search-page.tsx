'use client';
import { useSearchParams } from 'next/navigation';
import { Alert, LinearProgress, Stack, Typography } from '@mui/material';
import { useConsole } from '@/lib/console-context';
import { parseSearchQuery } from './search-query';
import { SearchGroup } from './search-group';
import { useSearch } from './use-search';

/** `/search/?q=`: workloads, pods, services, config and nodes by a name fragment or a label selector, grouped by kind. */
export function SearchPage() {
  const q = useSearchParams().get('q') ?? '';
  const { namespaces } = useConsole();
  const query = parseSearchQuery(q);
  const { groups, loading } = useSearch(query, namespaces);
  const found = groups.filter((g) => g.items.length || g.error);
  const where = namespaces.length ? `in ${namespaces.join(', ')}` : 'in all namespaces';
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Search
      </Typography>
      {!q.trim() ? (
        <Typography color="text.secondary">Type a name, or a label selector such as app=web, in the search box above.</Typography>
      ) : (
        <Typography color="text.secondary" role="status">
          {query.labelSelector ? `Labels matching ${query.labelSelector}` : `Names containing “${q.trim()}”`} {where}
          {!loading && `: ${groups.reduce((n, g) => n + g.items.length, 0)} found`}
        </Typography>
      )}
      {loading && <LinearProgress aria-label="Searching" />}
      {!loading && q.trim() && found.length === 0 && <Alert severity="info">Nothing found.</Alert>}
      {found.map((g) => (
        <SearchGroup key={g.kind.kind} group={g} />
      ))}
    </Stack>
  );
}
