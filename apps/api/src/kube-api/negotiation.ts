import type { Request, Response } from 'express';
import YAML from 'yaml';
import { isStatusError, Errors, type Status } from '@skiff/domain';

export type Format = 'json' | 'yaml' | 'table';

/**
 * Picks the response format from Accept, as kube-apiserver negotiates it: JSON
 * unless asked otherwise; 406 when the client accepts nothing we serve (e.g.
 * protobuf only, which Skiff does not write).
 */
export function responseFormat(req: Request): Format {
  const accept = String(req.headers.accept ?? '').trim();
  if (!accept) return 'json';
  for (const part of accept.split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const p = Object.fromEntries(params.map((kv) => kv.split('=') as [string, string]));
    if (p.as === 'Table' && (p.g === 'meta.k8s.io' || !p.g)) return 'table';
    if (p.as) continue; // PartialObjectMetadata and others we do not serve: try the next
    if (type === 'application/yaml') return 'yaml';
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  }
  throw Errors.notAcceptable(`only the following media types are accepted: application/json, application/yaml`);
}

export function send(req: Request, res: Response, code: number, body: unknown, warnings: string[] = []): void {
  // For the audit log: the object a write answered with (a create's name is known only now).
  const meta = (body as { metadata?: { resourceVersion?: string; name?: string } } | undefined)?.metadata;
  if (meta) res.locals.answered = { resourceVersion: meta.resourceVersion, name: meta.name };
  for (const w of warnings) res.append('Warning', `299 - "${warningText(w)}"`);
  if (responseFormat(req) === 'yaml') {
    res.status(code).type('application/yaml').send(YAML.stringify(body));
    return;
  }
  const text = JSON.stringify(body);
  res.status(code).setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** A warning as header text: quotes escaped, and anything but printable ASCII (a header cannot carry it: an unknown field named in emoji) as \uXXXX. */
function warningText(w: string): string {
  return w.replace(/"/g, '\\"').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function toStatus(e: unknown): Status {
  if (isStatusError(e)) return e.toStatus();
  return Errors.internal((e as Error)?.message ?? String(e)).toStatus();
}

export function sendError(_req: Request, res: Response, e: unknown): void {
  const status = toStatus(e);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.locals.statusMessage = status.message;
  if (status.details?.retryAfterSeconds) res.setHeader('Retry-After', String(status.details.retryAfterSeconds));
  // Errors are always JSON: the client's Accept may be what failed.
  const text = JSON.stringify(status);
  res.status(status.code).setHeader('Content-Type', 'application/json');
  res.end(text);
}
