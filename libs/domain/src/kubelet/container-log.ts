import { Errors } from '../errors/status-error';
import type { StatusCause } from '../meta/types';

/**
 * Container logs as the kubelet keeps them: one file per container instance, one entry
 * per line in the CRI log format (`<RFC 3339 time> <stream> <F|P> <text>`, P marking a
 * piece of a line too long for one entry), and the PodLogOptions of `pods/log`.
 */
export type LogStream = 'stdout' | 'stderr';

export interface LogEntry {
  time: string;
  stream: LogStream;
  /** A piece of a longer line: the next entry continues it. */
  partial: boolean;
  text: string;
}

export function formatLogEntry(e: LogEntry): string {
  return `${e.time} ${e.stream} ${e.partial ? 'P' : 'F'} ${e.text}\n`;
}

export function parseLogEntry(line: string): LogEntry | undefined {
  const m = /^(\S+) (stdout|stderr) ([PF]) (.*)$/s.exec(line);
  return m ? { time: m[1], stream: m[2] as LogStream, partial: m[3] === 'P', text: m[4] } : undefined;
}

export function parseLogFile(content: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of content.split('\n')) {
    const e = line && parseLogEntry(line);
    if (e) entries.push(e);
  }
  return entries;
}

/**
 * Cuts one stream's output into log lines. Text that has no newline yet waits for
 * more, unless it grows past `maxLine` (then it goes out as partial entries).
 */
export class LogLineBuffer {
  private pending = '';

  constructor(private readonly maxLine = 16 * 1024) {}

  push(chunk: string): { text: string; partial: boolean }[] {
    this.pending += chunk;
    const out: { text: string; partial: boolean }[] = [];
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      out.push(...this.pieces(this.pending.slice(0, nl), false));
      this.pending = this.pending.slice(nl + 1);
    }
    while (this.pending.length > this.maxLine) {
      out.push({ text: this.pending.slice(0, this.maxLine), partial: true });
      this.pending = this.pending.slice(this.maxLine);
    }
    return out;
  }

  /** The stream ended: what is left is a last (unterminated) line. */
  flush(): { text: string; partial: boolean }[] {
    const rest = this.pending;
    this.pending = '';
    return rest ? this.pieces(rest, false) : [];
  }

  private pieces(line: string, partial: boolean): { text: string; partial: boolean }[] {
    const out: { text: string; partial: boolean }[] = [];
    let i = 0;
    for (; line.length - i > this.maxLine; i += this.maxLine) out.push({ text: line.slice(i, i + this.maxLine), partial: true });
    out.push({ text: line.slice(i), partial });
    return out;
  }
}

/** The query of `GET pods/<name>/log`, as kube-apiserver validates it. */
export interface PodLogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  limitBytes?: number;
}

type Query = Record<string, string | undefined>;

const TRUE = new Set(['1', 't', 'T', 'true', 'True', 'TRUE']);

export function parsePodLogOptions(pod: string, q: Query): PodLogOptions {
  const causes: StatusCause[] = [];
  const int = (name: string, min: number): number | undefined => {
    const v = q[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!/^-?\d+$/.test(v)) throw Errors.badRequest(`invalid value for ${name}: "${v}": must be an integer`);
    if (n < min) causes.push({ reason: 'FieldValueInvalid', field: name, message: `Invalid value: ${n}: must be greater than ${min === 0 ? 'or equal to 0' : '0'}` });
    return n;
  };
  const opts: PodLogOptions = {
    container: q.container || undefined,
    follow: TRUE.has(q.follow ?? ''),
    previous: TRUE.has(q.previous ?? ''),
    timestamps: TRUE.has(q.timestamps ?? ''),
    tailLines: int('tailLines', 0),
    sinceSeconds: int('sinceSeconds', 1),
    limitBytes: int('limitBytes', 1),
  };
  if (q.sinceTime) {
    if (Number.isNaN(Date.parse(q.sinceTime))) throw Errors.badRequest(`invalid value for sinceTime: "${q.sinceTime}": must be an RFC 3339 time`);
    opts.sinceTime = q.sinceTime;
  }
  if (opts.sinceSeconds !== undefined && opts.sinceTime) causes.push({ reason: 'FieldValueForbidden', field: 'sinceSeconds', message: 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified' });
  if (causes.length) throw Errors.invalid('', 'PodLogOptions', pod, causes);
  return opts;
}

/** The query string that carries these options to the node. */
export function podLogQuery(o: PodLogOptions): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== false && k !== 'container') p.set(k, String(v));
  return p.toString();
}

/** What `kubectl logs` prints for one entry: its text, stamped with its time if asked. */
export function renderLogEntry(e: LogEntry, timestamps: boolean, continuing = false): string {
  return (timestamps && !continuing ? `${e.time} ` : '') + e.text + (e.partial ? '' : '\n');
}

/**
 * The part of a log file a request asks for: entries since a time, the last `tailLines`
 * lines (a line split into partial entries counts once), rendered.
 */
export function selectLogEntries(entries: LogEntry[], o: Pick<PodLogOptions, 'sinceSeconds' | 'sinceTime' | 'tailLines' | 'timestamps'>, now: Date): string {
  const since = o.sinceTime ? Date.parse(o.sinceTime) : o.sinceSeconds !== undefined ? now.getTime() - o.sinceSeconds * 1000 : undefined;
  let picked = since === undefined ? entries : entries.filter((e) => Date.parse(e.time) >= since);
  if (o.tailLines !== undefined) {
    let lines = 0;
    let start = picked.length;
    while (start > 0) {
      const e = picked[start - 1];
      if (!e.partial) {
        if (lines === o.tailLines) break;
        lines++;
      }
      start--;
    }
    picked = picked.slice(start);
  }
  let out = '';
  let continuing = false;
  for (const e of picked) {
    out += renderLogEntry(e, o.timestamps, continuing);
    continuing = e.partial;
  }
  return out;
}
