'use client';
import { Chip } from '@mui/material';
import type { LogPhase } from './use-log-stream';

const LABELS: Record<LogPhase, { label: string; color: 'default' | 'success' }> = {
  connecting: { label: 'Connecting…', color: 'default' },
  following: { label: 'Following', color: 'success' },
  ended: { label: 'Stream ended', color: 'default' },
};

/** Whether new lines still arrive. */
export function LogPhaseChip({ phase }: { phase: LogPhase }) {
  const { label, color } = LABELS[phase];
  return <Chip size="small" variant="outlined" label={label} color={color} />;
}
