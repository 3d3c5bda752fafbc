'use client';
import { Alert, AlertTitle, List, ListItem, ListItemText } from '@mui/material';
import type { ParseProblem } from './manifest-documents';

/** YAML that does not parse: each problem at its line (the editor marks the same lines). */
export function ParseProblemsAlert({ problems }: { problems: ParseProblem[] }) {
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>The YAML does not parse</AlertTitle>
      <List dense disablePadding>
        {problems.map((p, i) => (
          <ListItem key={i} disableGutters>
            <ListItemText primary={`Line ${p.line}: ${p.message}`} />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
