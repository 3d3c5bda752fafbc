import { randomUUID } from 'crypto';
import Redis from 'ioredis';

export interface QueueLossWatch {
  stop(): void;
}

/**
 * Notices when Redis has lost what it held — restarted without persistence, or
 * `FLUSHALL`/`FLUSHDB` — by a marker key of this process's own beside the queues: it is
 * set on connect and every `intervalMs`; finding it gone means the queued jobs are gone
 * too, and `onLoss` runs. A connection of its own (BullMQ does not expose its own);
 * checks run on (re)connect and on the timer, never queued while Redis is away.
 */
export function watchForQueueLoss(redisUrl: string, prefix: string, onLoss: () => void, intervalMs = 5_000): QueueLossWatch {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: false });
  const marker = `${prefix}queue-marker:${randomUUID()}`;
  let placed = false;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      // SET … GET answers the value before: null when the marker was not there.
      const before = await client.set(marker, String(process.pid), 'EX', 3600, 'GET');
      if (placed && before === null) onLoss();
      placed = true;
    } catch {
      // Redis is away: the next connect checks.
    } finally {
      checking = false;
    }
  };
  client.on('error', () => undefined);
  client.on('ready', () => void check());
  const timer = setInterval(() => void check(), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      client.disconnect();
    },
  };
}
