'use client';
import Link from 'next/link';
import { Alert, Chip, List, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { detailHref } from '@/lib/kinds';
import type { SearchGroup as Group } from './use-search';

/** The matches of one kind, each a link to its detail page. */
export function SearchGroup({ group }: { group: Group }) {
  const { kind, items, error } = group;
  const headingId = `search-${kind.slug}`;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="subtitle1" component="h2">
        {kind.title} ({items.length})
      </Typography>
      {error && <Alert severity="warning">{error.message}</Alert>}
      <List dense>
        {items.map((o) => (
          <ListItemButton key={`${o.namespace ?? ''}/${o.name}`} component={Link} href={detailHref(kind, o.namespace, o.name)}>
            <ListItemText
              primary={o.name}
              secondary={
                <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                  {o.namespace && <span>{o.namespace}</span>}
                  {Object.entries(o.labels).map(([k, v]) => (
                    <Chip key={k} component="span" size="small" variant="outlined" label={`${k}=${v}`} />
                  ))}
                </Stack>
              }
            />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
