import { Chip } from '@mui/material';

const COLORS: Record<string, 'success' | 'default' | 'warning' | 'error' | 'info'> = {
  applied: 'success',
  unchanged: 'default',
  ignored: 'default',
  pending: 'info',
  rejected: 'warning',
  failed: 'error',
};

/** A delivery's outcome (applied, unchanged, ignored, pending, rejected, failed), coloured. */
export function OutcomeChip({ outcome }: { outcome: string }) {
  if (!outcome) return null;
  return <Chip size="small" label={outcome} color={COLORS[outcome] ?? 'default'} variant="outlined" />;
}
