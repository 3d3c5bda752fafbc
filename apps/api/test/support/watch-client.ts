import { Agent, request } from 'undici';
import { watchEventSplitter } from '@skiff/domain';

export interface WatchEventLine {
  type: string;
  object: any;
}

/** Opens a raw HTTP watch and collects its events (one JSON object per line). */
export async function openWatch(url: string, token: string, ca: string) {
  const dispatcher = new Agent({ connect: { ca } });
  const events: WatchEventLine[] = [];
  const ac = new AbortController();
  const res = await request(url, { headers: { authorization: `Bearer ${token}` }, dispatcher, signal: ac.signal });
  const feed = watchEventSplitter<WatchEventLine>((e) => events.push(e));
  const done = (async () => {
    try {
      for await (const chunk of res.body) feed(chunk);
    } catch {
      /* aborted */
    }
  })();
  return {
    status: res.statusCode,
    events,
    close: async () => {
      ac.abort();
      await done;
      await dispatcher.close();
    },
    ended: done,
  };
}

export async function until(cond: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
