import * as https from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import type { TLSSocket } from 'tls';
import { KUBELET_CLIENT_CN, StatusError, parsePodLogOptions } from '@skiff/domain';
import type { LogSource } from '../runtime/runtime';
import { streamLog } from '../logs/log-reader';
import { writeMetrics } from '../observability/agent-metrics';
import { selfSignedCertificate } from './self-signed';

export interface KubeletServerOptions {
  nodeName: string;
  host: string;
  port: number;
  /** The cluster CA: only clients it signed, and only the API's, are served. */
  clientCa: string;
  logSource?: (namespace: string, pod: string, container: string, previous: boolean) => LogSource | StatusError;
}

export interface KubeletServer {
  port: number;
  /** Published on the Node, so the API can pin it. */
  certSha256: string;
  close(): Promise<void>;
}

/**
 * The agent's own HTTPS endpoint (the kubelet's port 10250), which the API calls for
 * `pods/log`: `GET /containerLogs/<namespace>/<pod>/<container>?<PodLogOptions>`; and
 * `GET /metrics` (Prometheus), to the same client certificate.
 */
export async function startKubeletServer(opts: KubeletServerOptions): Promise<KubeletServer> {
  const { cert, key, sha256 } = selfSignedCertificate(opts.nodeName, opts.host);
  const server = https.createServer({ cert, key, ca: opts.clientCa, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    try {
      handle(opts, req, res);
    } catch (e) {
      fail(res, e instanceof StatusError ? e : new StatusError(500, 'InternalError', (e as Error).message));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    certSha256: sha256,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function handle(opts: KubeletServerOptions, req: IncomingMessage, res: ServerResponse): void {
  const peer = (req.socket as TLSSocket).getPeerCertificate();
  if (peer?.subject?.CN !== KUBELET_CLIENT_CN) throw new StatusError(403, 'Forbidden', `client certificate "${peer?.subject?.CN ?? ''}" may not use the node's endpoint`);
  const url = new URL(req.url ?? '/', 'https://node');
  if (req.method !== 'GET') throw new StatusError(405, 'MethodNotAllowed', `${req.method} is not supported`);
  if (url.pathname === '/healthz') return void res.end('ok');
  if (url.pathname === '/metrics') return void writeMetrics(res).catch((e) => fail(res, new StatusError(500, 'InternalError', (e as Error).message)));
  const m = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!m) throw new StatusError(404, 'NotFound', `${url.pathname} not found`);
  const [namespace, pod, container] = m.slice(1).map(decodeURIComponent);
  const options = parsePodLogOptions(pod, Object.fromEntries(url.searchParams));
  if (!opts.logSource) throw new StatusError(400, 'BadRequest', `node "${opts.nodeName}" is simulated: its containers write no logs`);
  const source = opts.logSource(namespace, pod, container, options.previous);
  if (source instanceof StatusError) throw source;
  streamLog(source, options, res);
}

function fail(res: ServerResponse, e: StatusError): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(e.code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(e.toStatus()));
}
