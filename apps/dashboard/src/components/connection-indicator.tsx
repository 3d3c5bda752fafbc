'use client';
import { useEffect, useState } from 'react';
import { Chip } from '@mui/material';
import { connectionState, onConnectionState, type ConnectionState } from '@/lib/subscriptions';

/** Says when live updates are not flowing (the socket is reconnecting). */
export function ConnectionIndicator() {
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => {
    setState(connectionState());
    return onConnectionState(setState);
  }, []);
  if (state === 'connected') return <Chip size="small" color="success" label="Live" data-testid="connection" />;
  return <Chip size="small" color="warning" label={state === 'connecting' ? 'Connecting…' : 'Reconnecting…'} data-testid="connection" />;
}
