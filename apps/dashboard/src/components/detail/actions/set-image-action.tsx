'use client';
import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { allContainersOf } from '@skiff/domain/rollout/workload-template';
import type { ActionProps } from './action-props';
import { referenceOf } from './action-props';
import { ConfirmedAction } from './confirmed-action';
import { workloadMutations } from './workload-mutations';

/** `kubectl set image`: one container's (or init container's) image, which starts a rollout. */
export function SetImageAction({ kind, object, onDone }: ActionProps) {
  const { containers, initContainers } = allContainersOf(object);
  const all = [...containers, ...initContainers];
  const imageOf = (name: string) => all.find((c) => c.name === name)?.image ?? '';
  const first = all[0]?.name ?? '';
  const [container, setContainer] = useState(first);
  const [image, setImage] = useState(imageOf(first));
  const ref = referenceOf(kind, object);
  const choose = (name: string) => {
    setContainer(name);
    setImage(imageOf(name));
  };
  return (
    <ConfirmedAction
      label="Set image"
      icon={<EditIcon />}
      title={`Set image of ${kind.kind} ${ref.name}`}
      onOpen={() => choose(first)}
      confirmDisabled={!container || !image.trim()}
      run={async () => {
        await workloadMutations.setImage(ref, container, image.trim());
        return `${kind.kind} ${ref.name}: image set, ${container}=${image.trim()}`;
      }}
      onDone={onDone}
    >
      <TextField select label="Container" value={container} onChange={(e) => choose(e.target.value)}>
        {all.map((c) => (
          <MenuItem key={c.name} value={c.name}>
            {c.name}
            {initContainers.includes(c) ? ' (init)' : ''}
          </MenuItem>
        ))}
      </TextField>
      <TextField label="Image" value={image} onChange={(e) => setImage(e.target.value)} autoFocus />
    </ConfirmedAction>
  );
}
