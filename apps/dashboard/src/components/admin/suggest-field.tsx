'use client';
import { Autocomplete, TextField } from '@mui/material';

interface SuggestFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Offered, not required: any text is accepted. */
  options: readonly string[];
  error?: string;
  helperText?: string;
  required?: boolean;
}

/** A text field with suggestions (MUI Autocomplete, free text allowed). */
export function SuggestField({ label, value, onChange, options, error, helperText, required }: SuggestFieldProps) {
  return (
    <Autocomplete
      freeSolo
      options={options}
      inputValue={value}
      onInputChange={(_e, v) => onChange(v)}
      renderInput={(params) => <TextField {...params} label={label} required={required} error={!!error} helperText={error ?? helperText ?? ' '} />}
    />
  );
}
