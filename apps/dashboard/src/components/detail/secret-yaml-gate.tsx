'use client';
import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import type { DetailTabProps } from './tabs';
import { YamlTab } from './yaml-tab';

/** The YAML tab, except that a Secret's YAML (its values, base64) is shown only once asked for. */
export function SecretAwareYamlTab(props: DetailTabProps) {
  const [revealed, setRevealed] = useState(false);
  if (props.kind.kind !== 'Secret' || revealed) return <YamlTab {...props} />;
  return (
    <Alert
      severity="info"
      action={
        <Button color="inherit" onClick={() => setRevealed(true)}>
          Reveal values
        </Button>
      }
    >
      This Secret’s YAML holds its values. They stay hidden until you reveal them.
    </Alert>
  );
}
