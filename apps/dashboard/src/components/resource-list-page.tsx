'use client';
import Link from 'next/link';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useConsole } from '@/lib/console-context';
import { apiGroupOf, kindBySlug } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { ResourceTable } from './resource-table';

/** A kind's list in the namespaces picked, live. */
export function ResourceListPage({ slug }: { slug: string }) {
  const kind = kindBySlug(slug);
  const { namespaces, can } = useConsole();
  const { items, loading, error } = useLiveList(kind, kind?.namespaced ? namespaces : []);
  if (!kind) return <Alert severity="error">No such kind: {slug}</Alert>;
  const mayCreate = can('create', kind.resource, apiGroupOf(kind), namespaces[0] ?? 'default');
  return (
    <Box>
      <Stack direction="row" sx={{ mb: 2, alignItems: "center" }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {kind.title}
        </Typography>
        {mayCreate && (
          <Button component={Link} href="/create/" startIcon={<AddIcon />} variant="outlined">
            Create from YAML
          </Button>
        )}
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
        </Alert>
      )}
      <ResourceTable kind={kind} items={items} loading={loading} showNamespace={!kind.namespaced ? false : namespaces.length !== 1} />
    </Box>
  );
}
