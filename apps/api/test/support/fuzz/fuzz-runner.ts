import * as v8 from 'v8';
import * as vm from 'vm';
import type { TestApi } from '../test-server';
import { describeRequest, type FuzzRequest, type Surface } from './fuzz-request';
import { rawExchange, type RawCase } from './raw-http';

/** A request that broke a rule, and the answer it got. */
export interface Finding {
  request: string;
  answer: string;
}

/**
 * Findings of one kind: every one counted, the first of each distinct sort (the case and
 * the start of the answer) kept whole, at most 40 sorts (a broken server must not fill the heap).
 */
export class Findings {
  private readonly sorts = new Map<string, Finding & { times: number }>();
  count = 0;

  add(f: Finding & { label: string }): void {
    this.count++;
    const key = `${f.label} ${f.answer.slice(0, 120)}`;
    const seen = this.sorts.get(key);
    if (seen) seen.times++;
    else if (this.sorts.size < 40) this.sorts.set(key, { request: f.request, answer: f.answer, times: 1 });
  }

  /** The first `n` sorts, one example each, for a failure message. */
  list(n = Number(process.env.FUZZ_LIST ?? 10)): string {
    return [...this.sorts.values()]
      .slice(0, n)
      .map((f, i) => `${i + 1}. (${f.times}×) ${f.request}\n   → ${f.answer}`)
      .join('\n');
  }
}

/** What a fuzz run sent and what came back. */
export class FuzzTally {
  readonly sent: Record<Surface, number> = { rest: 0, graphql: 0, webhooks: 0, raw: 0 };
  readonly codes = new Map<number | string, number>();
  /** 5xx answers (but a resourceVersion ahead of the server's), and GraphQL errors the server could not classify (INTERNAL_SERVER_ERROR). */
  readonly serverErrors = new Findings();
  /** 4xx answers on the Kubernetes API that are not a Kubernetes Status. */
  readonly notStatus = new Findings();
  /** Requests that got no answer at all: a reset, a hang. */
  readonly unanswered = new Findings();

  get total(): number {
    return Object.values(this.sent).reduce((a, b) => a + b, 0);
  }

  count(code: number | string): void {
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }
}

/** Whether `body` is the Kubernetes `Status` a failure with HTTP status `code` must carry. */
export function isFailureStatus(body: unknown, code: number): boolean {
  const s = body as { kind?: unknown; apiVersion?: unknown; status?: unknown; code?: unknown; message?: unknown } | undefined;
  return s?.kind === 'Status' && s.apiVersion === 'v1' && s.status === 'Failure' && s.code === code && typeof s.message === 'string' && s.message.length > 0;
}

function internalGraphqlError(body: unknown): boolean {
  const errors = (body as { errors?: { extensions?: { code?: unknown; status?: unknown } }[] } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR' || Number(e?.extensions?.status) >= 500);
}

/**
 * kube-apiserver's one deliberate 5xx for a client's input: a resourceVersion (or a continue
 * token's) ahead of the server is 504 Timeout, ResourceVersionTooLarge, which clients retry.
 */
function isTooLargeResourceVersion(body: unknown, status: number): boolean {
  const s = body as { reason?: unknown; details?: { causes?: { reason?: unknown }[] } } | undefined;
  return status === 504 && s?.reason === 'Timeout' && !!s.details?.causes?.some((c) => c.reason === 'ResourceVersionTooLarge');
}

function judge(tally: FuzzTally, request: string, r: Pick<FuzzRequest, 'surface' | 'kubeStatus' | 'label'>, status: number, body: unknown, text: string): void {
  tally.count(status);
  const finding = () => ({ label: r.label, request, answer: `${status} ${text.slice(0, 400)}` });
  if ((status >= 500 && !isTooLargeResourceVersion(body, status)) || (r.surface === 'graphql' && internalGraphqlError(body))) tally.serverErrors.add(finding());
  if (r.kubeStatus && status >= 400 && status < 500 && !isFailureStatus(body, status)) tally.notStatus.add(finding());
}

/** Rejects after `ms`: a request that hangs is a finding, not a stuck test. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Sends `requests` through `api.call`, `concurrency` at a time, and judges each answer. */
export async function sendAll(api: TestApi, requests: FuzzRequest[], tally: FuzzTally, concurrency = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++];
      tally.sent[r.surface]++;
      try {
        const res = await within(30_000, api.call(r.method, r.path, { raw: r.raw, contentType: r.contentType, accept: r.accept, token: r.token, headers: r.headers }));
        judge(tally, describeRequest(r), r, res.status, res.body, res.text);
      } catch (e) {
        tally.count('no answer');
        tally.unanswered.add({ label: r.label, request: describeRequest(r), answer: (e as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Sends raw cases at once, each on its own connection. Malformed HTTP may be answered by
 * Node's parser (a bare 400, no Status) or not at all; only an answered well-formed
 * request to the Kubernetes API is held to the Status rule.
 */
export async function sendRaw(api: TestApi, cases: RawCase[], tally: FuzzTally): Promise<void> {
  await Promise.all(
    cases.map(async (c) => {
      tally.sent.raw++;
      const a = await rawExchange(api, c);
      const request = `[raw] ${c.label}`;
      if (!a.statuses.length) {
        tally.count(a.timedOut ? 'raw: timed out' : 'raw: closed');
        if (a.timedOut) tally.unanswered.add({ label: c.label, request, answer: 'no answer and not closed within 15 s' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(a.body);
      } catch {
        /* not JSON */
      }
      a.statuses.forEach((status, i) => judge(tally, request, { surface: 'raw', label: c.label, kubeStatus: c.kubeStatus && i === 0 }, status, i === 0 ? body : undefined, i === 0 ? a.body : ''));
    }),
  );
}

/**
 * A full garbage collection, for heap figures that mean something: `global.gc` when Node
 * runs with --expose-gc, else the same function taken from a fresh context after setting
 * the flag, else none (then the caller measures after a warm-up only).
 */
export function garbageCollector(): { gc?: () => void; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return { gc: exposed, how: 'global.gc' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    if (typeof gc === 'function') return { gc, how: 'gc from --expose-gc set at run time' };
  } catch {
    /* not available */
  }
  return { how: 'no gc: figures after a warm-up batch' };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
