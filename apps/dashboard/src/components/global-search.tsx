'use client';
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { InputBase, Paper } from '@mui/material';

/** Search by name or label across the main kinds: opens the search page with the query in the URL. */
export function GlobalSearch() {
  const [q, setQ] = useState('');
  const router = useRouter();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) router.push(`/search/?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <Paper component="form" onSubmit={submit} sx={{ px: 1, width: 240 }}>
      <InputBase placeholder="Search name or label=value" value={q} onChange={(e) => setQ(e.target.value)} inputProps={{ 'aria-label': 'Search' }} fullWidth />
    </Paper>
  );
}
