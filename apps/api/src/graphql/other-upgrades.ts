import type { Server } from 'http';
import type { Duplex } from 'stream';
import { Errors } from '@skiff/domain';

/**
 * Only `path` (/graphql, to WebSocket for subscriptions) upgrades. Once anything listens for
 * 'upgrade', Node hands every upgrade request to the listeners and no longer answers it:
 * one for another path (an exec over SPDY, an h2c upgrade) would hold its socket open,
 * unanswered and with no timeout. Answer it with a Status and close.
 */
export function refuseOtherUpgrades(server: Server, path: string): void {
  server.on('upgrade', (req, socket: Duplex) => {
    // The same test GraphQL's own listener makes: what it takes, it answers.
    if (req.url?.startsWith(path)) return;
    socket.on('error', () => socket.destroy());
    const status = Errors.badRequest(`${req.url?.split('?')[0]} cannot be upgraded to ${String(req.headers.upgrade)}: only ${path} upgrades, to websocket`).toStatus();
    const body = JSON.stringify(status);
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
