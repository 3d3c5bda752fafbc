import * as net from 'net';
import type { ProxyBackend } from '@skiff/domain';

export interface ForwardOptions {
  connectTimeoutMs: number;
  onBackendFailed?: (backend: ProxyBackend, err: Error) => void;
}

/**
 * Joins an accepted client connection to the first backend, in the order given, that
 * takes the connection, and pipes bytes both ways until both sides are done. A client
 * nobody takes is reset, as kube-proxy rejects a connection to a service without
 * endpoints. Either side failing closes the other.
 */
export function forward(client: net.Socket, backends: readonly ProxyBackend[], opts: ForwardOptions): void {
  // Errors on the client end its connection (see 'close' below); none goes unhandled.
  client.on('error', () => undefined);
  let next = 0;
  const tryNext = (): void => {
    const backend = backends[next++];
    if (client.destroyed) return;
    if (!backend) return reset(client);
    const upstream = net.connect({ host: backend.ip, port: backend.port, allowHalfOpen: true, timeout: opts.connectTimeoutMs });
    const clientGone = () => upstream.destroy();
    const failed = (err: Error) => {
      client.off('close', clientGone);
      upstream.destroy();
      opts.onBackendFailed?.(backend, err);
      tryNext();
    };
    client.once('close', clientGone);
    upstream.once('error', failed);
    upstream.once('timeout', () => failed(new Error(`connect timeout after ${opts.connectTimeoutMs} ms`)));
    upstream.once('connect', () => {
      client.off('close', clientGone);
      upstream.off('error', failed);
      upstream.removeAllListeners('timeout');
      upstream.setTimeout(0);
      join(client, upstream);
    });
  };
  tryNext();
}

function join(client: net.Socket, upstream: net.Socket): void {
  upstream.on('error', () => undefined);
  // A side that closes before the other has finished sending (an error, a reset) takes the other with it.
  client.once('close', (hadError) => {
    if (hadError || !upstream.readableEnded) upstream.destroy();
  });
  upstream.once('close', (hadError) => {
    if (hadError || !client.readableEnded) client.destroy();
  });
  client.pipe(upstream);
  upstream.pipe(client);
}

function reset(socket: net.Socket): void {
  if (socket.destroyed) return;
  socket.resetAndDestroy();
}
