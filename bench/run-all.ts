/**
 * `npm run bench`: runs the benchmark suites one after another, each in its own process,
 * collects the figures each reports (see support/figures.ts), keeps the last figures of
 * every suite in bench/results.json and renders bench/RESULTS.md from it
 * (RESULTS.template.md, and each suite's NOTES.md under its table).
 *
 *   npm run bench                      every suite
 *   npm run bench -- api soak          only these; the others keep their last figures
 *   npm run bench -- --render          only render RESULTS.md again from results.json
 *   npm run bench -- --out=DIR ...     read and write results.json and RESULTS.md in DIR
 *
 * A suite that fails or times out is recorded as failed and the run goes on. The suites'
 * own size variables (BENCH_NODES, BENCH_PODS, SKIFF_SOAK_SECONDS, …) pass through.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { meetsTarget, type Figure } from './support/figures';
import { describeMachine, readResults, renderResults, writeResults, type Results, type SuiteResult, type SuiteSection } from './support/results';

const BENCH = __dirname;
const ROOT = path.resolve(BENCH, '..');

interface Suite {
  name: string;
  /** How to run it by itself. */
  command: string;
  /** One process per entry, with this environment added; their figures are put together. */
  runs: Record<string, string>[];
  timeoutMinutes: number;
}

const soakMinutes = Number(process.env.SKIFF_SOAK_SECONDS ?? 300) / 60;

const SUITES: Suite[] = [
  { name: 'api', command: 'npm run bench:api', runs: [{}], timeoutMinutes: 20 },
  // The `sleep` pods carry issue 3's target; Node.js web servers are shown beside them.
  { name: 'pod-startup', command: 'npm run bench:pod-startup', runs: [{}, { BENCH_IMAGE: 'web:1.0' }], timeoutMinutes: 10 },
  { name: 'scheduler', command: 'npm run bench:scheduler', runs: [{}], timeoutMinutes: 20 },
  { name: 'convergence', command: 'npm run bench:convergence', runs: [{ BENCH_TOPOLOGY: 'one' }, { BENCH_TOPOLOGY: 'split' }], timeoutMinutes: 20 },
  { name: 'dashboard', command: 'npm run bench:dashboard', runs: [{}], timeoutMinutes: 20 },
  { name: 'soak', command: 'npm run bench -- soak', runs: [{}], timeoutMinutes: soakMinutes + 10 },
];

interface Options {
  suites: Suite[];
  render: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { suites: [], render: false, out: BENCH };
  const usage = `usage: npm run bench -- [--render] [--out=DIR] [suite ...]\nsuites: ${SUITES.map((s) => s.name).join(', ')}\n`;
  for (const arg of argv) {
    if (arg === '--render') opts.render = true;
    else if (arg.startsWith('--out=')) opts.out = path.resolve(arg.slice('--out='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage);
      process.exit(0);
    } else {
      const suite = SUITES.find((s) => s.name === arg.replace(/^bench\//, '').replace(/\/$/, ''));
      if (!suite) {
        process.stderr.write(`unknown suite or option "${arg}"\n${usage}`);
        process.exit(2);
      }
      if (!opts.suites.includes(suite)) opts.suites.push(suite);
    }
  }
  // Every suite when none is named; in the runner's order either way.
  opts.suites = opts.suites.length ? SUITES.filter((s) => opts.suites.includes(s)) : SUITES;
  return opts;
}

/** The suite that is running now, so Ctrl-C can stop it (it runs in a process group of its own). */
let current: { pid: number } | undefined;
let interrupted = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Runs one process of a suite; its figures, or why it gave none. */
function runOnce(suite: Suite, env: Record<string, string>, outFile: string): Promise<{ figures: Figure[]; failure?: string }> {
  return new Promise((resolve) => {
    fs.rmSync(outFile, { force: true });
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(BENCH, suite.name, 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env, SKIFF_BENCH_OUT: outFile },
      stdio: ['ignore', 'inherit', 'pipe'],
      detached: true,
    });
    current = { pid: child.pid! };
    // Shown as it comes; its last lines kept to say why a run failed.
    let tail = '';
    child.stderr!.on('data', (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid!, 'SIGTERM');
      setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 15_000).unref();
    }, suite.timeoutMinutes * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      // Whatever it started and left behind (an API or agent process after a crash) goes with it.
      killGroup(child.pid!, 'SIGTERM');
      let figures: Figure[] = [];
      try {
        figures = (JSON.parse(fs.readFileSync(outFile, 'utf8')) as Figure[]).map((f) => ({ ...f, value: f.value ?? NaN }));
      } catch {
        /* none reported */
      }
      fs.rmSync(outFile, { force: true });
      const label = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
      const lastLines = tail.trim().split('\n').filter((l) => l.trim()).slice(-3).join(' / ').slice(0, 600);
      let failure: string | undefined;
      if (timedOut) failure = `timed out after ${suite.timeoutMinutes} minutes`;
      else if (interrupted) failure = 'interrupted';
      else if (code !== 0) failure = `exited with ${code === null ? signal : `code ${code}`}${lastLines ? `: ${lastLines}` : ' (nothing on stderr)'}`;
      else if (!figures.length) failure = 'finished without reporting figures';
      resolve({ figures, failure: failure && (label ? `${label}: ${failure}` : failure) });
    });
  });
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.out, { recursive: true });
  const resultsFile = path.join(opts.out, 'results.json');
  const resultsMd = path.join(opts.out, 'RESULTS.md');
  const sections: SuiteSection[] = SUITES.map((s) => {
    const notes = path.join(BENCH, s.name, 'NOTES.md');
    return { name: s.name, command: s.command, notes: fs.existsSync(notes) ? fs.readFileSync(notes, 'utf8') : undefined };
  });
  const template = fs.readFileSync(path.join(BENCH, 'RESULTS.template.md'), 'utf8');
  const machine = describeMachine(ROOT);
  const results: Results = readResults(resultsFile) ?? { suites: {} };
  const render = () => fs.writeFileSync(resultsMd, renderResults(template, results, sections));

  if (opts.render) {
    render();
    process.stdout.write(`rendered ${path.relative(process.cwd(), resultsMd)} from ${path.relative(process.cwd(), resultsFile)}\n`);
    return;
  }

  process.on('SIGINT', () => {
    interrupted = true;
    if (current) killGroup(current.pid, 'SIGINT');
  });
  const lastRun = { at: new Date().toISOString(), machine, suites: [] as string[] };
  results.lastRun = lastRun;
  const summary: string[] = [];
  let failed = 0;
  for (const suite of opts.suites) {
    if (interrupted) break;
    process.stdout.write(`\n=== bench/${suite.name} (${new Date().toISOString().slice(11, 19)} UTC)\n`);
    const measuredAt = new Date().toISOString();
    const figures: Figure[] = [];
    const failures: string[] = [];
    for (const env of suite.runs) {
      if (interrupted) break;
      const r = await runOnce(suite, env, path.join(os.tmpdir(), `skiff-bench-${suite.name}-${process.pid}.json`));
      figures.push(...r.figures);
      if (r.failure) failures.push(r.failure);
    }
    const previous = results.suites[suite.name];
    const result: SuiteResult = { measuredAt, machine, figures, ...(failures.length ? { failures } : {}) };
    // Nothing measured: keep the last figures beside the failure instead of losing them.
    if (!figures.length && previous) {
      result.previous = previous.figures.length ? { measuredAt: previous.measuredAt, machine: previous.machine, figures: previous.figures } : previous.previous;
    }
    results.suites[suite.name] = result;
    lastRun.suites.push(suite.name);
    if (failures.length) failed++;
    const missed = figures.filter((f) => meetsTarget(f) === false).length;
    const held = figures.filter((f) => meetsTarget(f) === true).length;
    summary.push(`bench/${suite.name}: ${failures.length ? `FAILED (${failures.join('; ')})` : 'ok'} · ${figures.length} figures · targets met: ${held}, missed: ${missed}`);
    // Written after every suite, so an interrupted run keeps what it measured.
    writeResults(resultsFile, results);
    render();
  }
  process.stdout.write(`\n${summary.join('\n')}\nwrote ${path.relative(process.cwd(), resultsMd)} and ${path.relative(process.cwd(), resultsFile)}\n`);
  // Not waiting for pipes a leftover process may still hold.
  process.exit(failed || interrupted ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
