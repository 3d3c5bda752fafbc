'use client';
import { useMemo, useState } from 'react';
import { Button, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { DetailTabProps } from '@/components/detail/tabs';
import { ApiErrorAlert } from '@/components/yaml/api-error-alert';
import { ContainerSelect } from './container-select';
import { downloadText } from './download-text';
import { LogPhaseChip } from './log-phase-chip';
import { LogView } from './log-view';
import { defaultContainer, podContainers } from './pod-containers';
import { useLogStream } from './use-log-stream';

/** A pod's log, followed live: pick the container or its previous instance, search, download what is shown. */
export function LogsTab({ object: pod }: DetailTabProps) {
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name!;
  const containers = useMemo(() => podContainers(pod), [pod]);
  const [picked, setPicked] = useState<string>();
  const container = picked ?? defaultContainer(pod);
  const [previous, setPrevious] = useState(false);
  const [search, setSearch] = useState('');
  const { lines, phase, error, reconnect } = useLogStream(namespace, name, container, previous);
  const shown = useMemo(() => (search ? lines.filter((l) => l.text.toLowerCase().includes(search.toLowerCase())) : lines), [lines, search]);
  const download = () => downloadText(`${name}-${container}${previous ? '-previous' : ''}.log`, shown.map((l) => `${l.text}\n`).join(''));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <ContainerSelect containers={containers} value={container ?? ''} onChange={setPicked} />
        <FormControlLabel control={<Checkbox checked={previous} onChange={(e) => setPrevious(e.target.checked)} />} label="Previous instance" />
        <TextField label="Search logs" type="search" size="small" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download} disabled={shown.length === 0}>
          Download
        </Button>
        <LogPhaseChip phase={phase} />
        {phase === 'ended' && (
          <Button size="small" onClick={reconnect}>
            Reconnect
          </Button>
        )}
        <Typography variant="body2" color="text.secondary">
          {search ? `${shown.length} of ${lines.length} lines match` : `${lines.length} lines`}
        </Typography>
      </Stack>
      {error && <ApiErrorAlert error={error} />}
      <LogView lines={shown} search={search} />
    </Stack>
  );
}
