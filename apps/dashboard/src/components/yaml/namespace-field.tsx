'use client';
import { Autocomplete, TextField } from '@mui/material';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';

const NAMESPACES = kindByName('Namespace');

/** One namespace: picked from those that exist, or typed. */
export function NamespaceField({ value, onChange }: { value: string; onChange(ns: string): void }) {
  const { items } = useLiveList(NAMESPACES, []);
  const options = items.map((n) => n.metadata.name!).sort();
  return (
    <Autocomplete
      freeSolo
      size="small"
      options={options}
      value={value}
      onInputChange={(_e, v) => onChange(v)}
      sx={{ minWidth: 220 }}
      renderInput={(params) => <TextField {...params} label="Namespace" helperText="For objects that name none" />}
    />
  );
}
