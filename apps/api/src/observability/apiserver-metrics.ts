import { Counter, Gauge, Histogram } from 'prom-client';
import type { NextFunction, Request, Response } from 'express';
import { metricsRegistry, secondsSince } from './metrics-registry';
import { requestKind } from './request-labels';

const REQUEST_LABELS = ['verb', 'group', 'version', 'resource', 'subresource', 'scope', 'component'] as const;
const registers = [metricsRegistry];

export const requestTotal = new Counter({
  name: 'apiserver_request_total',
  help: 'Counter of apiserver requests broken out for each verb, group, version, resource, scope, component, and HTTP response code.',
  labelNames: [...REQUEST_LABELS, 'code'],
  registers,
});

export const requestDuration = new Histogram({
  name: 'apiserver_request_duration_seconds',
  help: 'Response latency distribution in seconds for each verb, group, version, resource, subresource, scope and component.',
  labelNames: REQUEST_LABELS,
  // kube-apiserver's buckets.
  buckets: [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
  registers,
});

export const inflightRequests = new Gauge({
  name: 'apiserver_current_inflight_requests',
  help: 'Requests being served now, long-running ones (watches, followed logs) left out, by kind: readOnly or mutating.',
  labelNames: ['request_kind'],
  registers,
});

export const longRunningRequests = new Gauge({
  name: 'apiserver_longrunning_requests',
  help: 'Gauge of all active long-running apiserver requests (watches, followed logs) broken out by verb, group, version, resource, scope and component.',
  labelNames: REQUEST_LABELS,
  registers,
});

const watchEvents = new Counter({
  name: 'apiserver_watch_events_total',
  help: 'Number of events sent in watch clients',
  labelNames: ['group', 'version', 'kind'],
  registers,
});

// Both kinds are there from the start, at 0.
for (const kind of ['readOnly', 'mutating']) inflightRequests.set({ request_kind: kind }, 0);

/** Events written to a watch of `type` (initial ADDED events, changes, bookmarks and errors alike). */
export function countWatchEvents(type: { group: string; version: string; kind: string }, n: number): void {
  if (n > 0) watchEvents.inc({ group: type.group, version: type.version, kind: type.kind }, n);
}

/**
 * Express middleware measuring every request as kube-apiserver does: its count by code,
 * its latency, and while it runs, the in-flight (or long-running) gauge it counts in.
 */
export function requestMetrics(req: Request, res: Response, next: NextFunction): void {
  const started = performance.now();
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const { labels, longRunning, mutating } = requestKind(req.method, q < 0 ? url : url.slice(0, q), query, req.headers['content-type']);
  const release = longRunning ? hold(longRunningRequests, labels) : hold(inflightRequests, { request_kind: mutating ? 'mutating' : 'readOnly' });
  let done = false;
  const finished = () => {
    if (done) return;
    done = true;
    release();
    requestTotal.inc({ ...labels, code: String(res.statusCode) });
    requestDuration.observe(labels, secondsSince(started));
  };
  res.once('finish', finished);
  res.once('close', finished);
  next();
}

/** Counts one in `gauge` until the returned function is called. */
function hold<L extends string>(gauge: Gauge<L>, labels: Partial<Record<L, string>>): () => void {
  gauge.inc(labels);
  return () => gauge.dec(labels);
}
