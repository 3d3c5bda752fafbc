import type { Client } from 'pg';

/**
 * Carries "forget this token" between API processes: a revocation (or a change of a
 * user's groups) is a Postgres NOTIFY on the cluster's channel, sent in the same
 * statement as the change; every process LISTENs on a connection of its own and drops
 * the cached answer at once. While that connection is away nothing is heard: answers
 * stay at most the cache's 10 s (clearing them at once would refuse every request during
 * a Postgres outage at the token check), and each reconnect forgets everything.
 */
export class TokenInvalidations {
  private pg?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly connect: () => Client,
    readonly channel: string,
    /** A token's hash, or `*` for every token. */
    private readonly forget: (hash: string) => void,
  ) {}

  async start(): Promise<void> {
    const pg = this.connect();
    this.pg = pg;
    pg.on('notification', (n) => this.forget(n.payload || '*'));
    pg.on('error', () => this.lost(pg));
    pg.on('end', () => this.lost(pg));
    try {
      await pg.connect();
      await pg.query(`LISTEN "${this.channel}"`);
      this.forget('*');
    } catch {
      this.lost(pg);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const pg = this.pg;
    this.pg = undefined;
    await pg?.end().catch(() => undefined);
  }

  private lost(pg: Client): void {
    if (this.pg !== pg) return;
    this.pg = undefined;
    void pg.end().catch(() => undefined);
    if (!this.stopped) this.retry = setTimeout(() => void this.start(), 1000);
  }
}
