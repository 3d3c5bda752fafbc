import * as net from 'net';

/**
 * One address the proxy listens on (a ClusterIP:port or a node IP:NodePort), serving the
 * service port it currently points at. An address it cannot bind is tried again every
 * `rebindMs`: a ClusterIP:port in use is most likely served by another agent on this host,
 * and this one takes over if that agent goes away. Closing stops accepting; connections
 * already made go on until they finish.
 */
export class ProxyListener {
  private readonly server: net.Server;
  private retry?: NodeJS.Timeout;
  private closed = false;
  private failing = false;

  constructor(
    readonly host: string,
    readonly port: number,
    public servicePort: string,
    onConnection: (socket: net.Socket, servicePort: string) => void,
    private readonly log: (msg: string) => void,
    private readonly rebindMs: number,
  ) {
    this.server = net.createServer({ allowHalfOpen: true }, (socket) => onConnection(socket, this.servicePort));
    this.server.on('error', (e) => this.listenFailed(e as NodeJS.ErrnoException));
    this.server.on('listening', () => {
      if (this.failing) this.log(`service proxy: now serving ${this.describe()}`);
      this.failing = false;
    });
    this.listen();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    if (this.server.listening) this.server.close();
  }

  private listen(): void {
    if (!this.closed) this.server.listen({ host: this.host, port: this.port });
  }

  private listenFailed(e: NodeJS.ErrnoException): void {
    if (this.closed) return;
    if (this.server.listening) return this.log(`service proxy: ${this.describe()}: ${e.message}`);
    // Said once, not at every retry.
    if (!this.failing) {
      const why = e.code === 'EADDRINUSE' ? 'address in use (another agent on this host may serve it)' : e.message;
      this.log(`service proxy: cannot listen on ${this.describe()}: ${why}; retrying every ${this.rebindMs / 1000} s`);
    }
    this.failing = true;
    this.retry = setTimeout(() => this.listen(), this.rebindMs);
    this.retry.unref();
  }

  private describe(): string {
    return `${this.host}:${this.port} (${this.servicePort})`;
  }
}
