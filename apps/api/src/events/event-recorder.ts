import { Logger } from '@nestjs/common';
import { eventKey, findResourceType, newEvent, type EventType, type KubeObject } from '@skiff/domain';
import type { ObjectRegistry } from '../registry/object-registry';
import { internalContext } from '../registry/request-context';

const EVENTS = findResourceType('', 'v1', 'events')!;
const REMEMBERED = 10_000;
const BURST = 25;
const REFILL_MS = 5 * 60_000;

/**
 * Records Events for a component (a controller, the scheduler), as client-go's recorder:
 * the same event about the same object again raises the count of the Event already
 * written (remembered per process, the last 10,000) instead of writing a new one.
 * Recording never fails its caller: an Event is worth less than the work it describes.
 */
export class EventRecorder {
  private readonly logger = new Logger('events');
  private readonly written = new Map<string, { namespace: string; name: string; count: number }>();
  private seq = 0;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /**
   * client-go's spam filter: per object, a burst of 25 events, then one more every
   * 5 minutes (a ReplicaSet making 10,000 pods records 25 SuccessfulCreate, not 10,000).
   */
  private allow(obj: KubeObject): boolean {
    const id = obj.metadata.uid ?? `${obj.metadata.namespace}/${obj.metadata.name}`;
    const now = Date.now();
    const b = this.buckets.get(id) ?? { tokens: BURST, at: now };
    b.tokens = Math.min(BURST, b.tokens + (now - b.at) / REFILL_MS);
    b.at = now;
    this.buckets.set(id, b);
    if (this.buckets.size > REMEMBERED) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens < 1) return false;
    b.tokens--;
    return true;
  }

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly component: string,
  ) {}

  async record(obj: KubeObject, type: EventType, reason: string, message: string): Promise<void> {
    if (!this.allow(obj)) return;
    const key = eventKey(obj, type, reason, message);
    const ctx = internalContext(`system:${this.component}`);
    const now = new Date();
    try {
      const seen = this.written.get(key);
      if (seen) {
        seen.count++;
        const lastTimestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
        await this.registry.update(EVENTS, seen.namespace, seen.name, (e) => ({ ...e, count: seen.count, lastTimestamp }), 'main', ctx);
        return;
      }
      const suffix = `${now.getTime().toString(16)}${(this.seq++ % 4096).toString(16).padStart(3, '0')}`;
      const event = newEvent(obj, type, reason, message, this.component, now, suffix);
      await this.registry.create(EVENTS, event.metadata.namespace!, event, ctx);
      this.written.set(key, { namespace: event.metadata.namespace!, name: event.metadata.name!, count: 1 });
      if (this.written.size > REMEMBERED) this.written.delete(this.written.keys().next().value!);
    } catch (e) {
      this.written.delete(key);
      this.logger.debug(`event ${reason} for ${obj.metadata.name}: ${(e as Error).message}`);
    }
  }
}
