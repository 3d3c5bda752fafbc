import { watchEventSplitter } from '@skiff/domain';
import { Agent, request } from 'undici';

/** What the soak records of every request: when it started, how long it took, what went wrong. */
export interface RequestRecord {
  op: string;
  startedAt: number;
  ms: number;
  /** Made on a connection of its own (a new kubectl process, a watch): the time includes TLS. */
  fresh: boolean;
  error?: string;
}

export interface Answer {
  ok: boolean;
  status: number;
  body: any;
}

export interface WatchEvent {
  type: string;
  object: any;
}

/**
 * The soak's HTTP client, as kubectl talks to the API: bearer token, JSON or Table
 * answers, the three patch types, `get -w` watches. Every request is timed and handed
 * to `record`; an answer other than the expected status counts as an error there.
 */
export class SoakClient {
  /** Keep-alive connections the clients share (kubectl's own in a long-running process). */
  private readonly pool: Agent;
  /** Watches hold a connection each for as long as they are open: a pool of their own. */
  private readonly watches: Agent;

  constructor(
    private readonly api: { url: string; token: string; ca: string },
    private readonly record: (r: RequestRecord) => void,
    connections: number,
  ) {
    this.pool = new Agent({ connect: { ca: api.ca }, connections });
    this.watches = new Agent({ connect: { ca: api.ca } });
  }

  /**
   * One request. `fresh` opens a connection of its own and closes it afterwards, as a new
   * kubectl process would (TLS handshake included in the time).
   */
  async call(
    op: string,
    method: string,
    path: string,
    expect: number[],
    opts: { body?: unknown; contentType?: string; accept?: string; fresh?: boolean } = {},
  ): Promise<Answer> {
    const dispatcher = opts.fresh ? new Agent({ connect: { ca: this.api.ca } }) : this.pool;
    const headers: Record<string, string> = { authorization: `Bearer ${this.api.token}`, accept: opts.accept ?? 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const startedAt = performance.now();
    let status = 0;
    let text = '';
    try {
      const res = await request(this.api.url + path, {
        method: method as 'GET',
        dispatcher,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (e) {
      text = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - startedAt;
    if (opts.fresh) await dispatcher.close();
    const ok = expect.includes(status);
    this.record({ op, startedAt, ms, fresh: !!opts.fresh, error: ok ? undefined : `${method} ${path}: ${status || 'no answer'} ${text.slice(0, 200)}` });
    let body: any;
    try {
      body = ok ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { ok, status, body };
  }

  /**
   * Opens a watch (`path` carries `watch=true` and its resourceVersion) and feeds its
   * events to `onEvent` until closed or ended by the server. The time to the answer's
   * headers is recorded as a request; undefined when it did not open (recorded as an
   * error). `ended` resolves with an error when the stream broke without being closed.
   */
  async watch(op: string, path: string, onEvent: (e: WatchEvent) => void): Promise<{ close(): Promise<void>; ended: Promise<string | undefined> } | undefined> {
    const ac = new AbortController();
    let closing = false;
    const startedAt = performance.now();
    const opened = (error?: string) => this.record({ op, startedAt, ms: performance.now() - startedAt, fresh: true, error });
    let res;
    try {
      res = await request(this.api.url + path, { dispatcher: this.watches, headers: { authorization: `Bearer ${this.api.token}` }, signal: ac.signal });
    } catch (e) {
      opened(`watch ${path}: ${e instanceof Error ? e.message : e}`);
      return undefined;
    }
    if (res.statusCode !== 200) {
      opened(`watch ${path}: ${res.statusCode} ${(await res.body.text()).slice(0, 200)}`);
      return undefined;
    }
    opened();
    const feed = watchEventSplitter<WatchEvent>(onEvent);
    const body = res.body;
    const ended = (async (): Promise<string | undefined> => {
      try {
        for await (const chunk of body) feed(chunk);
        return undefined;
      } catch (e) {
        return closing ? undefined : `watch ${path} broke: ${e instanceof Error ? e.message : e}`;
      }
    })();
    return {
      ended,
      close: async () => {
        closing = true;
        ac.abort();
        await ended;
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.watches.destroy()]);
  }
}
