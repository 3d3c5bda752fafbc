import { groupResource, type KubeObject, type WatchEventType } from '@skiff/domain';
import type { ListFilter } from '../registry/list-filter';
import { eventFor } from '../kube-api/watch-stream';
import type { WatchHub, WatchSubscription } from '../store/watch-hub';

export interface ObjectEvent {
  type: WatchEventType;
  object: KubeObject;
}

/** Events kept for a subscriber that reads slower than changes come; beyond, it is ended (and may resubscribe). */
const MAX_BUFFERED = 10_000;

/**
 * A GraphQL subscription's source: the changes after `fromRevision` that `filter`
 * sees, as watch events (objects entering or leaving the filter are ADDED/DELETED),
 * from the process's WatchHub. Ending the iteration closes the hub subscription.
 */
export async function watchEvents(hub: WatchHub, filter: ListFilter, fromRevision: number): Promise<AsyncIterableIterator<ObjectEvent>> {
  const buffered: ObjectEvent[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let done = false;
  const resource = groupResource(filter.type);
  const sub: WatchSubscription = await hub.subscribe(fromRevision, {
    onChanges: (changes) => {
      for (const c of changes) {
        if (c.resource !== resource) continue;
        const type = eventFor(c, filter);
        if (type) buffered.push({ type, object: c.object });
      }
      if (buffered.length > MAX_BUFFERED) failure = new Error('subscriber too slow: events dropped; subscribe again');
      wake?.();
    },
    onError: (err) => {
      failure = err;
      wake?.();
    },
  });
  const finish = async (): Promise<IteratorResult<ObjectEvent>> => {
    done = true;
    sub.close();
    wake?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ObjectEvent> = {
    async next() {
      while (!done) {
        if (buffered.length) return { value: buffered.shift()!, done: false };
        if (failure) {
          await finish();
          throw failure;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      return { value: undefined, done: true };
    },
    return: finish,
    throw: async (e) => {
      await finish();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
