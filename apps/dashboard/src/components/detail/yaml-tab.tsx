'use client';
import { apiGroupOf } from '@/lib/kinds';
import { Alert, Button, Stack } from '@mui/material';
import { useConsole } from '@/lib/console-context';
import { EditOutcomeAlert } from '@/components/yaml/edit-outcome-alert';
import { useObjectEditor } from '@/components/yaml/use-object-editor';
import { YamlEditor } from '@/components/yaml/yaml-editor';
import type { DetailTabProps } from './tabs';

/** The object as YAML, editable by those who may update it: Dry run, then Apply. */
export function YamlTab({ kind, object }: DetailTabProps) {
  const { can } = useConsole();
  const editor = useObjectEditor(kind, object);
  const mayUpdate = can('update', kind.resource, apiGroupOf(kind), object.metadata.namespace) === true;
  return (
    <Stack spacing={2}>
      {mayUpdate && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" disabled={editor.busy} onClick={() => void editor.submit(true)}>
            Dry run
          </Button>
          <Button variant="contained" disabled={editor.busy || !editor.dirty} onClick={() => void editor.submit(false)}>
            Apply
          </Button>
          {editor.dirty && (
            <Button onClick={editor.reload} disabled={editor.busy}>
              Discard changes
            </Button>
          )}
        </Stack>
      )}
      {editor.changedMeanwhile && editor.outcome?.kind !== 'refused' && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={editor.reload}>
              Reload
            </Button>
          }
        >
          The object changed on the server since you began editing.
        </Alert>
      )}
      {editor.outcome && <EditOutcomeAlert outcome={editor.outcome} onReload={editor.reload} />}
      <YamlEditor value={editor.text} onChange={editor.edit} readOnly={!mayUpdate} markedLines={editor.markedLines} />
    </Stack>
  );
}
