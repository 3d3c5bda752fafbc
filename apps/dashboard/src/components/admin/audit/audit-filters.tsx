'use client';
import { useState, type FormEvent } from 'react';
import { Box, Button, MenuItem, TextField } from '@mui/material';
import { fieldError } from '../api-errors';
import { AUDIT_OUTCOMES, AUDIT_SOURCES, AUDIT_VERBS, type AuditFilter, type AuditFilters as Filters } from './audit-queries';

interface AuditFiltersProps {
  initial: Filters;
  /** The query's error: a bad filter is named beside its field. */
  error?: Error;
  onApply(filters: Filters): void;
}

const TEXT: { field: AuditFilter; label: string }[] = [
  { field: 'user', label: 'User' },
  { field: 'resource', label: 'Resource' },
  { field: 'namespace', label: 'Namespace' },
];

const SELECT: { field: AuditFilter; label: string; options: string[] }[] = [
  { field: 'verb', label: 'Verb', options: AUDIT_VERBS },
  { field: 'source', label: 'Source', options: AUDIT_SOURCES },
  { field: 'outcome', label: 'Outcome', options: AUDIT_OUTCOMES },
];

/** The audit filters as a form: Apply (or Enter) puts them in the URL. */
export function AuditFilters({ initial, error, onApply }: AuditFiltersProps) {
  const [filters, setFilters] = useState<Filters>(initial);
  const set = (field: AuditFilter) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [field]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(filters);
  };
  const common = (field: AuditFilter) => ({ size: 'small' as const, value: filters[field] ?? '', onChange: set(field), error: !!fieldError(error, field), helperText: fieldError(error, field) });
  return (
    <Box component="form" role="search" aria-label="Audit filters" onSubmit={submit} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 2, alignItems: 'flex-start' }}>
      {TEXT.map((t) => (
        <TextField key={t.field} label={t.label} {...common(t.field)} sx={{ width: 160 }} />
      ))}
      {SELECT.map((s) => (
        <TextField key={s.field} select label={s.label} {...common(s.field)} sx={{ width: 140 }}>
          <MenuItem value="">Any</MenuItem>
          {s.options.map((o) => (
            <MenuItem key={o} value={o}>
              {o}
            </MenuItem>
          ))}
        </TextField>
      ))}
      <TextField label="Since" type="datetime-local" {...common('since')} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 220 }} />
      <Button type="submit" variant="contained">
        Apply
      </Button>
      <Button onClick={() => onApply({})}>Clear</Button>
    </Box>
  );
}
