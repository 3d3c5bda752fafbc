'use client';
import { Autocomplete, TextField } from '@mui/material';
import { useConsole } from '@/lib/console-context';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';

const NAMESPACES = kindByName('Namespace');

/** Several namespaces, or none for all. */
export function NamespacePicker() {
  const { namespaces, setNamespaces } = useConsole();
  const { items } = useLiveList(NAMESPACES, []);
  const options = items.map((n) => n.metadata.name!).sort();
  return (
    <Autocomplete
      multiple
      size="small"
      options={options}
      value={namespaces}
      onChange={(_e, v) => setNamespaces(v)}
      limitTags={2}
      sx={{ minWidth: 260, bgcolor: 'background.paper', borderRadius: 1 }}
      renderInput={(params) => <TextField {...params} placeholder={namespaces.length ? '' : 'All namespaces'} aria-label="Namespaces" />}
    />
  );
}
