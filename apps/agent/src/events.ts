import { eventKey, newEvent, type EventType, type KubeObject } from '@skiff/domain';
import type { ApiClient } from './api-client';

const BURST = 25;
const REMEMBERED = 10_000;
/** Event writes in flight at once: the rest wait their turn, behind the pods' status writes. */
const IN_FLIGHT = 4;
/** Events waiting beyond this are dropped (as client-go's broadcaster drops past its queue). */
const QUEUED = 1_000;

/**
 * The kubelet's events (Pulled, Created, Started, Killing, BackOff, Unhealthy …), written
 * through the API as the node: a repeat raises the count of the Event already written;
 * at most 25 Events per pod (client-go's spam filter, without its slow refill). Written in
 * the background, a few at a time, as client-go's broadcaster does: a burst of pod starts
 * makes three events each, and those must not queue ahead of the pods' status writes.
 */
export class AgentEvents {
  private readonly written = new Map<string, { name: string; count: number }>();
  private readonly perObject = new Map<string, number>();
  private seq = 0;
  private readonly queue: (() => Promise<void>)[] = [];
  private inFlight = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly host: string,
  ) {}

  record(obj: KubeObject, type: EventType, reason: string, message: string): void {
    if (this.queue.length >= QUEUED) return;
    this.queue.push(() => this.write(obj, type, reason, message));
    this.next();
  }

  private next(): void {
    while (this.inFlight < IN_FLIGHT && this.queue.length) {
      this.inFlight++;
      void this.queue.shift()!()
        .catch(() => undefined)
        .finally(() => {
          this.inFlight--;
          this.next();
        });
    }
  }

  private async write(obj: KubeObject, type: EventType, reason: string, message: string): Promise<void> {
    const ns = obj.metadata.namespace ?? 'default';
    const key = eventKey(obj, type, reason, message);
    const seen = this.written.get(key);
    if (seen) {
      seen.count++;
      await this.api.mergePatch(`/api/v1/namespaces/${ns}/events/${seen.name}`, { count: seen.count, lastTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
      return;
    }
    const id = obj.metadata.uid ?? obj.metadata.name ?? '';
    const n = this.perObject.get(id) ?? 0;
    if (n >= BURST) return;
    this.perObject.set(id, n + 1);
    const event = newEvent(obj, type, reason, message, 'kubelet', new Date(), `${Date.now().toString(16)}${(this.seq++ % 4096).toString(16).padStart(3, '0')}`);
    event.source = { component: 'kubelet', host: this.host };
    this.written.set(key, { name: event.metadata.name!, count: 1 });
    if (this.written.size > REMEMBERED) this.written.delete(this.written.keys().next().value!);
    if (this.perObject.size > REMEMBERED) this.perObject.delete(this.perObject.keys().next().value!);
    await this.api.call('POST', `/api/v1/namespaces/${ns}/events`, event);
  }
}
