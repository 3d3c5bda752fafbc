'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Alert, Box, Breadcrumbs, CircularProgress, Link as MuiLink, Tab, Tabs, Typography } from '@mui/material';
import { kindBySlug } from '@/lib/kinds';
import { useLiveObject } from '@/lib/use-live-list';
import { ObjectActions } from './actions/object-actions';
import { DETAIL_TABS } from './tabs';

/** One object: its tabs (summary, YAML, events, and per kind history, logs), live. */
export function ResourceDetailPage({ slug }: { slug: string }) {
  const params = useSearchParams();
  const kind = kindBySlug(slug);
  const name = params.get('name') ?? '';
  const namespace = params.get('namespace') ?? undefined;
  const { object, loading, error } = useLiveObject(kind, namespace, name);
  const [tab, setTab] = useState(0);
  if (!kind) return <Alert severity="error">No such kind: {slug}</Alert>;
  const tabs = DETAIL_TABS.filter((t) => t.kinds === 'all' || t.kinds.includes(kind.kind));
  const Current = tabs[Math.min(tab, tabs.length - 1)];
  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1 }}>
        <MuiLink component={Link} href={`/k/${kind.slug}/`}>
          {kind.title}
        </MuiLink>
        {namespace && <Typography color="text.secondary">{namespace}</Typography>}
        <Typography color="text.primary">{name}</Typography>
      </Breadcrumbs>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {kind.kind} {name}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {loading && <CircularProgress size={24} />}
      {!loading && !object && !error && <Alert severity="warning">{kind.kind} {name} does not exist (any more).</Alert>}
      {object && (
        <>
          <ObjectActions kind={kind} object={object} />
          <Tabs value={Math.min(tab, tabs.length - 1)} onChange={(_e, v) => setTab(v)} sx={{ mb: 2 }} aria-label="Object views">
            {tabs.map((t) => (
              <Tab key={t.title} label={t.title} />
            ))}
          </Tabs>
          <Current.Component kind={kind} object={object} />
        </>
      )}
    </Box>
  );
}
