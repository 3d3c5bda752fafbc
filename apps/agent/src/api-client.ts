import { Agent, request } from 'undici';
import { Errors, watchEventSplitter, type KubeObject, type WatchEvent } from '@skiff/domain';

/** The agent's one HTTPS client for the Skiff (Kubernetes) API. */
export class ApiClient {
  private readonly dispatcher: Agent;

  constructor(
    readonly server: string,
    private token: string,
    ca: string | undefined,
    /** Requests in flight at once (a kubelet each has its own: an agent playing many nodes needs more). */
    connections = 32,
  ) {
    this.dispatcher = new Agent({ connect: ca ? { ca } : {}, connections });
  }

  useToken(token: string): void {
    this.token = token;
  }

  async call<T = KubeObject>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const res = await request(this.server + path, {
      method: method as 'GET',
      dispatcher: this.dispatcher,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (res.statusCode >= 300) {
      const s = parsed as { code?: number; reason?: string; message?: string } | undefined;
      throw Object.assign(Errors.badRequest(s?.message ?? `${method} ${path}: ${res.statusCode}`), { code: res.statusCode, reason: s?.reason ?? '' });
    }
    return parsed as T;
  }

  mergePatch<T = KubeObject>(path: string, patch: unknown): Promise<T> {
    return this.call<T>('PATCH', path, patch, 'application/merge-patch+json');
  }

  /** A watch stream: calls `onEvent` per event until the server ends it or `signal` aborts. */
  async watch(path: string, onEvent: (e: WatchEvent) => void, signal: AbortSignal): Promise<void> {
    const res = await request(this.server + path, {
      dispatcher: this.dispatcher,
      headers: { authorization: `Bearer ${this.token}` },
      signal,
    });
    if (res.statusCode >= 300) throw new Error(`watch ${path}: ${res.statusCode} ${await res.body.text()}`);
    const feed = watchEventSplitter(onEvent);
    for await (const chunk of res.body) feed(chunk);
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
