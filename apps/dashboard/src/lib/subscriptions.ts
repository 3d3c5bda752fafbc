import { createClient, type Client } from 'graphql-ws';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

let client: Client | undefined;
let state: ConnectionState = 'connecting';
const listeners = new Set<(s: ConnectionState) => void>();

function setState(s: ConnectionState): void {
  state = s;
  for (const l of listeners) l(s);
}

/** One graphql-ws connection per page (the session cookie authenticates it), reconnecting for ever. */
function connection(): Client {
  if (!client) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    client = createClient({ url, retryAttempts: Infinity, shouldRetry: () => true, keepAlive: 10_000, retryWait: async (n) => new Promise((r) => setTimeout(r, Math.min(5000, 300 * 2 ** n))) });
    client.on('connected', () => setState('connected'));
    client.on('closed', () => setState('reconnecting'));
  }
  return client;
}

/** Runs a subscription; returns its stop function. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, next: (data: T) => void, onError?: (e: unknown) => void): () => void {
  return connection().subscribe<T>({ query, variables }, { next: (r) => r.data && next(r.data as T), error: (e) => onError?.(e), complete: () => undefined });
}

export function connectionState(): ConnectionState {
  return state;
}

export function onConnectionState(l: (s: ConnectionState) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
