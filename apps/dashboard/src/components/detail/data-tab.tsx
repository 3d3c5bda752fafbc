'use client';
import { useState } from 'react';
import { IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import type { DetailTabProps } from './tabs';

/** base64 → text (UTF-8), as `kubectl get secret -o jsonpath | base64 -d` shows it. */
function decode(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return '(not valid base64)';
  }
}

/** A ConfigMap's or Secret's keys; a Secret's values stay hidden until revealed, one by one. */
export function DataTab({ kind, object }: DetailTabProps) {
  const secret = kind.kind === 'Secret';
  const data = ((object as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const keys = Object.keys(data).sort();
  if (!keys.length) return <Typography color="text.secondary">No data.</Typography>;
  return (
    <Paper>
      <Table size="small" aria-label="Data">
        <TableHead>
          <TableRow>
            <TableCell>KEY</TableCell>
            <TableCell>VALUE</TableCell>
            {secret && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((k) => (
            <TableRow key={k}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{k}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {!secret ? data[k] : shown[k] ? decode(data[k]) : '••••••••'}
              </TableCell>
              {secret && (
                <TableCell padding="checkbox">
                  <Tooltip title={shown[k] ? `Hide ${k}` : `Reveal ${k}`}>
                    <IconButton aria-label={shown[k] ? `Hide ${k}` : `Reveal ${k}`} onClick={() => setShown((s) => ({ ...s, [k]: !s[k] }))}>
                      {shown[k] ? <VisibilityOffIcon /> : <VisibilityIcon />}
                    </IconButton>
                  </Tooltip>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
