'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Box, Button, Chip, Collapse, ListItem, ListItemText, Link as MuiLink, Stack } from '@mui/material';
import { detailHref } from '@/lib/kinds';
import { ApiErrorAlert } from './api-error-alert';
import { objectYaml } from './object-yaml';
import type { CreateResult } from './use-manifest-create';
import { YamlEditor } from './yaml-editor';

/** One object of the manifest: created (a link to it), would be created (what the server would store), or why not. */
export function CreateResultItem({ result }: { result: CreateResult }) {
  const [open, setOpen] = useState(false);
  const title = `${result.kind} ${result.namespace ? `${result.namespace}/` : ''}${result.name}`;
  const dk = result.resource?.dashboardKind;
  const href = !result.dryRun && !result.error && dk ? detailHref(dk, result.namespace, result.name) : undefined;
  const status = result.error ? 'failed' : result.dryRun ? 'would be created' : 'created';
  return (
    <ListItem disableGutters sx={{ display: 'block' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <ListItemText
          primary={
            href ? (
              <MuiLink component={Link} href={href}>
                {title}
              </MuiLink>
            ) : (
              title
            )
          }
          sx={{ flexGrow: 0 }}
        />
        <Chip size="small" label={status} color={result.error ? 'error' : 'success'} variant="outlined" />
        {result.dryRun && result.object && (
          <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide YAML' : 'Show YAML'}
          </Button>
        )}
      </Stack>
      {result.error && <ApiErrorAlert error={result.error} />}
      {result.object && (
        <Collapse in={open} unmountOnExit>
          <Box sx={{ mt: 1 }}>
            <YamlEditor value={objectYaml(result.object)} readOnly label={`${title} as the server would create it`} minHeight="120px" />
          </Box>
        </Collapse>
      )}
    </ListItem>
  );
}
