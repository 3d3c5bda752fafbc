import * as https from 'https';
import type { IncomingMessage } from 'http';
import type { TLSSocket } from 'tls';
import type { Response } from 'express';
import { Errors, SERVING_CERT_ANNOTATION, StatusError, type KubeObject } from '@skiff/domain';

/** The API's client certificate towards agents. */
export const KUBELET_CLIENT = Symbol('KubeletClientCertificate');
export interface KubeletClientCertificate {
  cert: string;
  key: string;
}

/**
 * The API's way to a node's own endpoint, as kube-apiserver reaches the kubelet: HTTPS
 * to the node's InternalIP and `daemonEndpoints.kubeletEndpoint.Port`, authenticated by
 * the API's client certificate. The node's self-signed certificate is pinned to the
 * fingerprint the node published on its Node object.
 */
export class KubeletClient {
  constructor(private readonly credentials: KubeletClientCertificate) {}

  /** GETs `path` on the node and streams the answer to `res`; a node's Status error is thrown as it is. */
  async stream(node: KubeObject, path: string, res: Response, aborted: AbortSignal): Promise<void> {
    const target = endpointOf(node);
    const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = https.get({ host: target.host, port: target.port, path, ...this.credentials, rejectUnauthorized: false, agent: false, signal: aborted }, resolve);
      req.on('error', (e) => reject(Errors.internal(`Get "https://${target.host}:${target.port}${path}": ${e.message}`)));
    });
    const presented = (upstream.socket as TLSSocket).getPeerCertificate()?.fingerprint256;
    if (presented !== target.certSha256) {
      upstream.destroy();
      throw Errors.internal(`node "${node.metadata.name}" presented a certificate other than the one it published (${SERVING_CERT_ANNOTATION})`);
    }
    if (upstream.statusCode !== 200) throw await nodeError(upstream);
    res.status(200);
    res.setHeader('Content-Type', upstream.headers['content-type'] ?? 'text/plain');
    res.flushHeaders();
    await new Promise<void>((resolve) => {
      upstream.on('data', (chunk: Buffer) => res.write(chunk));
      upstream.once('end', resolve);
      upstream.once('error', resolve);
      upstream.once('close', resolve);
    });
    res.end();
  }
}

function endpointOf(node: KubeObject): { host: string; port: number; certSha256: string } {
  const status = (node.status ?? {}) as { addresses?: { type: string; address: string }[]; daemonEndpoints?: { kubeletEndpoint?: { Port?: number } } };
  const host = status.addresses?.find((a) => a.type === 'InternalIP')?.address;
  const port = status.daemonEndpoints?.kubeletEndpoint?.Port;
  const certSha256 = node.metadata.annotations?.[SERVING_CERT_ANNOTATION];
  if (!host || !port || !certSha256) throw Errors.badRequest(`node "${node.metadata.name}" has no endpoint for logs (its agent serves none: a simulated node, or one started without --ca-file)`);
  return { host, port, certSha256 };
}

async function nodeError(res: IncomingMessage): Promise<StatusError> {
  let text = '';
  for await (const chunk of res) text += chunk;
  try {
    const s = JSON.parse(text) as { code?: number; reason?: string; message?: string };
    return new StatusError(s.code ?? res.statusCode ?? 500, s.reason ?? 'InternalError', s.message ?? text);
  } catch {
    return Errors.internal(`node answered ${res.statusCode}: ${text.slice(0, 200)}`);
  }
}
