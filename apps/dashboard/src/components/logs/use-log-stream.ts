'use client';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/lib/api';

/** A line of a log, numbered from the start of the stream (a stable key while old lines drop off). */
export interface LogLine {
  n: number;
  text: string;
}

export type LogPhase = 'connecting' | 'following' | 'ended';

export interface LogStream {
  lines: LogLine[];
  phase: LogPhase;
  error?: Error;
}

/** How many lines are kept; older ones drop off the top. */
export const MAX_LOG_LINES = 5000;

export function podLogUrl(namespace: string, pod: string, container: string, previous: boolean): string {
  const q = new URLSearchParams({ container, follow: 'true', tailLines: '500', timestamps: 'false' });
  if (previous) q.set('previous', 'true');
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?${q}`;
}

async function refusal(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => undefined);
  return new ApiError(body?.message ?? res.statusText, res.status, body?.reason, body?.details?.causes ?? []);
}

/**
 * A container's log, followed as `kubectl logs -f --tail=500` follows it: the streamed
 * body is read as it arrives and split into lines (rendered at most every 100 ms). The
 * stream stops when the component goes or the container or instance changes; after it
 * ended (the container stopped), reconnect reads it again.
 */
export function useLogStream(namespace: string, pod: string, container: string | undefined, previous: boolean): LogStream & { reconnect(): void } {
  const [stream, setStream] = useState<LogStream>({ lines: [], phase: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!container) return;
    const aborted = new AbortController();
    const lines: LogLine[] = [];
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const render = (phase: LogPhase, error?: Error) => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
      if (!aborted.signal.aborted) setStream({ lines: lines.slice(), phase, error });
    };
    const add = (texts: string[]) => {
      for (const text of texts) lines.push({ n: next++, text });
      timer ??= setTimeout(() => render('following'), 100);
    };
    setStream({ lines: [], phase: 'connecting' });
    (async () => {
      const res = await fetch(podLogUrl(namespace, pod, container, previous), { signal: aborted.signal, credentials: 'same-origin', headers: { accept: '*/*' } });
      if (!res.ok) throw await refusal(res);
      render('following');
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let partial = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const parts = (partial + value).split('\n');
        partial = parts.pop()!;
        if (parts.length) add(parts);
      }
      if (partial) add([partial]);
      render('ended');
    })().catch((e: Error) => {
      if (!aborted.signal.aborted) render('ended', e);
    });
    return () => {
      aborted.abort();
      if (timer) clearTimeout(timer);
    };
  }, [namespace, pod, container, previous, attempt]);
  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...stream, reconnect };
}
