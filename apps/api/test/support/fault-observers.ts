import { Agent, request } from 'undici';
import { watchEventSplitter } from '@skiff/domain';
import type { WatchEventLine } from './watch-client';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A watch as client-go's reflector keeps one: it lists once, then watches from the last
 * resourceVersion it saw, and after any failure (the API killed, Postgres down) watches
 * again from there. Records every event, and any resourceVersion that did not increase.
 */
export class ResumingWatch {
  readonly events: WatchEventLine[] = [];
  readonly outOfOrder: string[] = [];
  reconnects = 0;
  expired = 0;
  private rv = '';
  private stopped = false;
  private ac?: AbortController;
  private readonly loop: Promise<void>;
  private readonly dispatcher: Agent;

  constructor(
    private readonly base: () => string,
    private readonly path: string,
    private readonly token: string,
    ca: string,
  ) {
    this.dispatcher = new Agent({ connect: { ca } });
    this.loop = this.run();
  }

  get resourceVersion(): string {
    return this.rv;
  }

  private async run(): Promise<void> {
    const sep = this.path.includes('?') ? '&' : '?';
    const headers = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    while (!this.stopped) {
      try {
        if (!this.rv) {
          const res = await request(this.base() + this.path, { headers, dispatcher: this.dispatcher });
          const list = (await res.body.json()) as any;
          if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode}`);
          this.rv = list.metadata.resourceVersion;
        }
        this.ac = new AbortController();
        const res = await request(`${this.base()}${this.path}${sep}watch=true&allowWatchBookmarks=true&resourceVersion=${this.rv}`, { headers, dispatcher: this.dispatcher, signal: this.ac.signal });
        if (res.statusCode !== 200) {
          await res.body.text();
          throw new Error(`watch: ${res.statusCode}`);
        }
        const feed = watchEventSplitter<WatchEventLine>((e) => this.take(e));
        for await (const chunk of res.body) feed(chunk);
      } catch {
        /* the server went away or refused: watch again from the last resourceVersion */
      }
      if (this.stopped) break;
      this.reconnects++;
      await pause(200);
    }
  }

  private take(e: WatchEventLine): void {
    if (e.type === 'ERROR') {
      // 410 Expired would be a gap the client cannot see past: count it (it should never happen here).
      if (e.object?.code === 410) {
        this.expired++;
        this.rv = '';
      }
      throw new Error('watch error event');
    }
    const rv = e.object?.metadata?.resourceVersion;
    if (e.type !== 'BOOKMARK') {
      if (this.rv && BigInt(rv) <= BigInt(this.rv)) this.outOfOrder.push(`${this.rv} then ${rv}`);
      this.events.push(e);
    }
    this.rv = rv;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.ac?.abort();
    await this.loop;
    await this.dispatcher.close();
  }
}

/**
 * Creates ConfigMaps one after another through faults, each until the server says it exists:
 * a create whose answer was lost is sent again, and a 409 AlreadyExists then means it had landed.
 * `acknowledged` is what the server confirmed; none of it may go missing.
 */
export class AckedWriter {
  readonly acknowledged: string[] = [];
  failures = 0;
  private stopped = false;
  private readonly loop: Promise<void>;
  private readonly dispatcher: Agent;

  constructor(
    private readonly base: () => string,
    private readonly namespace: string,
    private readonly token: string,
    ca: string,
    private readonly everyMs = 25,
  ) {
    this.dispatcher = new Agent({ connect: { ca } });
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      const name = `acked-${n}`;
      for (;;) {
        if (this.stopped) return;
        const status = await this.create(name);
        if (status === 201 || status === 409) break;
        this.failures++;
        await pause(100);
      }
      this.acknowledged.push(name);
      await pause(this.everyMs);
    }
  }

  private async create(name: string): Promise<number> {
    try {
      const res = await request(`${this.base()}/api/v1/namespaces/${this.namespace}/configmaps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ metadata: { name }, data: { name } }),
        dispatcher: this.dispatcher,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      const body = await res.body.text();
      // A 409 is only proof of an earlier success when it is AlreadyExists.
      if (res.statusCode === 409 && !body.includes('AlreadyExists')) return 0;
      return res.statusCode;
    } catch {
      return 0;
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.loop;
    await this.dispatcher.close();
  }
}

/** Replays pod watch events: the most pods alive at once (not being deleted), creations, and any pod bound twice. */
export function replayPods(events: WatchEventLine[], match: (pod: any) => boolean) {
  const live = new Set<string>();
  const nodeOf = new Map<string, string>();
  const rebound: string[] = [];
  let most = 0;
  let creates = 0;
  for (const e of events) {
    const pod = e.object;
    if (!match(pod)) continue;
    const uid = pod.metadata.uid;
    if (e.type === 'ADDED') creates++;
    const node = pod.spec?.nodeName;
    if (node) {
      const before = nodeOf.get(uid);
      if (before && before !== node) rebound.push(`${pod.metadata.name}: ${before} then ${node}`);
      nodeOf.set(uid, node);
    }
    if (e.type === 'DELETED' || pod.metadata.deletionTimestamp) live.delete(uid);
    else live.add(uid);
    most = Math.max(most, live.size);
  }
  return { most, creates, rebound };
}
