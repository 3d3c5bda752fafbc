'use client';
import { useId } from 'react';
import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material';

interface ChoiceFieldProps<T extends string> {
  label: string;
  value: T;
  onChange(value: T): void;
  choices: { value: T; label: string; disabled?: boolean }[];
}

/** One of a few choices, as labelled radio buttons in a row (arrow keys move between them). */
export function ChoiceField<T extends string>({ label, value, onChange, choices }: ChoiceFieldProps<T>) {
  const labelId = useId();
  return (
    <FormControl>
      <FormLabel id={labelId}>{label}</FormLabel>
      <RadioGroup row aria-labelledby={labelId} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((c) => (
          <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} disabled={c.disabled} />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
