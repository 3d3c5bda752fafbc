'use client';
import { Typography } from '@mui/material';

export default function Page() {
  return <Typography variant="h5" component="h1">hooks</Typography>;
}
