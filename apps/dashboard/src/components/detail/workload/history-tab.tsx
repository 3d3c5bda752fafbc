'use client';
import { useMemo, useState } from 'react';
import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import YAML from 'yaml';
import { ActionSnackbar } from '../actions/action-snackbar';
import { useMay } from '../actions/use-may';
import type { DetailTabProps } from '../tabs';
import { RevisionSelect } from './revision-select';
import { RevisionsTable } from './revisions-table';
import { templateOfSource, useRevisionSources } from './revision-sources';
import { TemplateDiff } from './template-diff';
import { useRolloutHistory } from './use-rollout-history';

/**
 * A workload's rollout history: the revisions (live: read again whenever a ReplicaSet or
 * ControllerRevision of it changes), two of their pod templates side by side, and a roll
 * back to any earlier one.
 */
export function HistoryTab({ kind, object }: DetailTabProps) {
  const { sources, error: sourcesError } = useRevisionSources(kind, object);
  const version = useMemo(() => sources.map((s) => s.metadata.resourceVersion).sort().join(','), [sources]);
  const { revisions, error } = useRolloutHistory(kind, object, version);
  const may = useMay(kind, object.metadata.namespace);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const [done, setDone] = useState<string>();
  const numbers = (revisions ?? []).map((r) => r.revision);
  const current = numbers.length ? Math.max(...numbers) : undefined;
  // Previous → current, unless both picked revisions still exist (a rollback renumbers one).
  const stillPicked = [picked.from, picked.to].every((n) => n !== undefined && numbers.includes(n));
  const to = stillPicked ? picked.to : current;
  const from = stillPicked ? picked.from : (numbers.filter((n) => n !== current).pop() ?? current);
  const yamlOf = (revision?: number) => {
    const source = sources.find((s) => s.metadata.name === revisions?.find((r) => r.revision === revision)?.source);
    const template = templateOfSource(source);
    return template ? YAML.stringify({ metadata: template.metadata, spec: template.spec }) : '';
  };
  return (
    <Stack spacing={2}>
      {(error ?? sourcesError) && <Alert severity="error">{(error ?? sourcesError)!.message}</Alert>}
      {!revisions && !error && <CircularProgress size={24} aria-label="Loading history" />}
      {revisions && revisions.length === 0 && <Alert severity="info">No revisions yet.</Alert>}
      {revisions && revisions.length > 0 && (
        <>
          <RevisionsTable kind={kind} workload={object} revisions={revisions} current={current} mayRollBack={may('patch')} onDone={setDone} />
          <Typography variant="subtitle1" component="h2">
            Pod template changes
          </Typography>
          <Stack direction="row" spacing={2}>
            <RevisionSelect label="From revision" revisions={revisions} value={from} onChange={(n) => setPicked({ from: n, to })} />
            <RevisionSelect label="To revision" revisions={revisions} value={to} onChange={(n) => setPicked({ from, to: n })} />
          </Stack>
          <TemplateDiff from={yamlOf(from)} to={yamlOf(to)} fromLabel={`Revision ${from}`} toLabel={`Revision ${to}`} label={`Pod template of revision ${from} and revision ${to}`} />
        </>
      )}
      <ActionSnackbar message={done} onClose={() => setDone(undefined)} />
    </Stack>
  );
}
