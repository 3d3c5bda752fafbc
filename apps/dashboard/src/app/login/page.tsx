'use client';
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { session } from '@/lib/api';

export default function LoginPage() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.login(name, password);
      location.assign('/ui/overview/');
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 360 }} elevation={3}>
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">
            Skiff
          </Typography>
          <Typography color="text.secondary">Log in to the cluster console</Typography>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField label="User name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required autoComplete="username" />
          <TextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
          <Button type="submit" variant="contained" disabled={busy}>
            Log in
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
