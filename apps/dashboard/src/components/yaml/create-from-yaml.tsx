'use client';
import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { useConsole } from '@/lib/console-context';
import { CreateResults } from './create-results';
import { NamespaceField } from './namespace-field';
import { ParseProblemsAlert } from './parse-problems-alert';
import { UploadButton } from './upload-button';
import { useManifestCreate } from './use-manifest-create';
import { YamlEditor } from './yaml-editor';

/** Paste or upload a manifest (one or many documents), try it with a dry run, then create it. */
export function CreateFromYaml() {
  const { namespaces } = useConsole();
  const [text, setText] = useState('');
  const [namespace, setNamespace] = useState(() => namespaces[0] ?? 'default');
  const { run, results, problems, markedLines, busy } = useManifestCreate();
  const blank = !text.trim() || !namespace.trim();
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Create from YAML
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Paste a manifest (YAML or JSON, several documents separated by ---) or upload a file. A dry run asks the server to check everything without saving anything.
      </Typography>
      <YamlEditor value={text} onChange={setText} markedLines={markedLines} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        <NamespaceField value={namespace} onChange={setNamespace} />
        <UploadButton onText={setText} />
        <Button variant="outlined" disabled={busy || blank} onClick={() => void run(text, namespace.trim(), true)}>
          Dry run
        </Button>
        <Button variant="contained" disabled={busy || blank} onClick={() => void run(text, namespace.trim(), false)}>
          Create
        </Button>
      </Stack>
      {problems.length > 0 && <ParseProblemsAlert problems={problems} />}
      <CreateResults results={results} />
    </Stack>
  );
}
