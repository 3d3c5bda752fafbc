import type { Request, Response } from 'express';
import { Errors, apiVersionOf, groupResource, type KubeObject, type WatchEvent } from '@skiff/domain';
import type { ListFilter } from '../registry/list-filter';
import type { ResourceStore } from '../store/resource-store';
import type { Change } from '../store/store-types';
import type { WatchHub, WatchSubscription } from '../store/watch-hub';
import { countWatchEvents } from '../observability/apiserver-metrics';
import { toStatus } from './negotiation';

export interface WatchOptions {
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
  bookmarkIntervalMs: number;
  /** Turns each object into what the client asked for (e.g. a one-row Table). */
  transform: (obj: KubeObject, first: boolean) => unknown;
}

/** What a watcher with a selector sees of a change: objects entering or leaving its view are ADDED/DELETED. */
export function eventFor(change: Change, filter: ListFilter): WatchEvent['type'] | undefined {
  const now = filter.matches(change.object);
  const before = change.prev ? filter.matches(change.prev) : false;
  switch (change.type) {
    case 'ADDED':
      return now ? 'ADDED' : undefined;
    case 'MODIFIED':
      if (now && before) return 'MODIFIED';
      if (now) return 'ADDED';
      return before ? 'DELETED' : undefined;
    case 'DELETED':
      return now || before ? 'DELETED' : undefined;
  }
}

/**
 * A chunked stream of newline-separated JSON watch events, as kube-apiserver
 * serves it. Without a resourceVersion (or with "0") the current objects come
 * first as ADDED events; then every change after that revision, in order.
 */
export async function serveWatch(
  req: Request,
  res: Response,
  store: ResourceStore,
  hub: WatchHub,
  filter: ListFilter,
  opts: WatchOptions,
): Promise<void> {
  const resource = groupResource(filter.type);
  let from: number;
  const initial: KubeObject[] = [];
  const rv = opts.resourceVersion;
  if (rv === undefined || rv === '' || rv === '0') {
    const list = await store.list(filter.type, filter.storeQuery());
    from = list.revision;
    initial.push(...list.items.filter((o) => filter.matches(o)));
  } else {
    if (!/^\d+$/.test(rv)) throw Errors.badRequest(`invalid resource version "${rv}"`);
    from = Number(rv);
  }

  res.status(200);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-cache, private');
  res.setHeader('Transfer-Encoding', 'chunked');
  res.flushHeaders();
  res.socket?.setNoDelay(true);

  let first = true;
  // Every change up to here has been looked at (sent or filtered out): what a bookmark may claim.
  let seen = from;
  let closed = false;
  /** Events go out together, one write (one chunk) for all that are ready at once. */
  const write = (...events: WatchEvent<unknown>[]): boolean => {
    if (!events.length) return true;
    first = false;
    countWatchEvents(filter.type, events.length);
    return res.write(events.map((ev) => JSON.stringify(ev) + '\n').join(''));
  };
  const drained = () =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      // Whichever comes first; the other listener goes too (a long watch waits many times).
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.once('drain', done);
      res.once('close', done);
    });

  for (let i = 0; i < initial.length; i += 100) {
    const events = initial.slice(i, i + 100).map((obj, j) => ({ type: 'ADDED' as const, object: opts.transform(obj, first && i + j === 0) }));
    if (!write(...events)) await drained();
  }

  let sub: WatchSubscription | undefined;
  let timeout: NodeJS.Timeout | undefined;
  let bookmarks: NodeJS.Timeout | undefined;
  const finish = () => {
    if (closed) return;
    closed = true;
    sub?.close();
    clearTimeout(timeout);
    clearInterval(bookmarks);
    res.end();
  };
  res.on('close', finish);
  req.on('close', finish);

  try {
    sub = await hub.subscribe(from, {
      onChanges: async (changes) => {
        if (closed) return;
        const events: WatchEvent<unknown>[] = [];
        for (const c of changes) {
          seen = c.revision;
          if (c.resource !== resource) continue;
          const type = eventFor(c, filter);
          if (type) events.push({ type, object: opts.transform(c.object, first && !events.length) });
        }
        if (!write(...events)) await drained();
      },
      onError: (err) => {
        if (closed) return;
        write({ type: 'ERROR', object: toStatus(err) });
        finish();
      },
    });
  } catch (e) {
    // A revision already compacted: the real server answers with an ERROR event (410 Expired).
    write({ type: 'ERROR', object: toStatus(e) });
    finish();
    return;
  }
  if (closed) sub.close();

  if (opts.timeoutSeconds !== undefined) timeout = setTimeout(finish, opts.timeoutSeconds * 1000);
  if (opts.allowBookmarks) {
    const { kind } = filter.type;
    const apiVersion = apiVersionOf(filter.type);
    bookmarks = setInterval(() => {
      if (!closed) write({ type: 'BOOKMARK', object: { kind, apiVersion, metadata: { resourceVersion: String(seen) } } });
    }, opts.bookmarkIntervalMs);
  }
}
