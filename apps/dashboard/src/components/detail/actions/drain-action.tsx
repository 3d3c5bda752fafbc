'use client';
import { useState } from 'react';
import { Checkbox, FormControlLabel, FormGroup } from '@mui/material';
import ExitToAppIcon from '@mui/icons-material/ExitToApp';
import type { ActionProps } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { nodeMutations, type DrainOptions } from './node-mutations';

const NONE: DrainOptions = { ignoreDaemonSets: false, deleteEmptyDirData: false, force: false };
const OPTIONS: { key: keyof DrainOptions; label: string }[] = [
  { key: 'ignoreDaemonSets', label: 'Ignore DaemonSets' },
  { key: 'deleteEmptyDirData', label: 'Delete emptyDir data' },
  { key: 'force', label: 'Force' },
];

/** `kubectl drain`: cordons the node and evicts its pods; the options are kubectl's flags. */
export function DrainAction({ object, onDone }: ActionProps) {
  const node = object.metadata.name ?? '';
  const [options, setOptions] = useState<DrainOptions>(NONE);
  return (
    <ConfirmedAction
      label="Drain"
      icon={<ExitToAppIcon />}
      destructive
      title={`Drain node ${node}`}
      question="The node is cordoned and its pods are evicted; their controllers make them again elsewhere."
      onOpen={() => setOptions(NONE)}
      run={async () => {
        const r = await nodeMutations.drain(node, options);
        const warnings = r.warnings.length ? ` (${r.warnings.join('; ')})` : '';
        return `Node ${node} drained: ${r.evicted.length} pod${r.evicted.length === 1 ? '' : 's'} evicted${warnings}`;
      }}
      onDone={onDone}
    >
      <FormGroup>
        {OPTIONS.map((o) => (
          <FormControlLabel key={o.key} label={o.label} control={<Checkbox checked={options[o.key]} onChange={(e) => setOptions({ ...options, [o.key]: e.target.checked })} />} />
        ))}
      </FormGroup>
    </ConfirmedAction>
  );
}
