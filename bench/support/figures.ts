import * as fs from 'fs';

/**
 * One measured figure of a benchmark, in the form `npm run bench` (bench/run-all.ts)
 * collects: a value with its unit and, when an issue set one, the target it is held to.
 */
export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  target?: number;
  comparison?: '<=' | '>=';
  /** What the reader needs to judge the figure (how it was taken, why it has no target). */
  note?: string;
}

/** Whether a figure meets its target; undefined when it has none or was not measured. */
export function meetsTarget(f: Figure): boolean | undefined {
  if (f.target === undefined || f.comparison === undefined || !Number.isFinite(f.value)) return undefined;
  return f.comparison === '<=' ? f.value <= f.target : f.value >= f.target;
}

/**
 * Hands a suite's figures to the runner: written as JSON to the file SKIFF_BENCH_OUT
 * names (the runner gives each run its own). Without it, a suite run by hand prints
 * only its human-readable output.
 */
export function reportFigures(figures: Figure[]): void {
  const out = process.env.SKIFF_BENCH_OUT;
  if (!out) return;
  // JSON has no NaN: a figure that could not be taken is written as null.
  fs.writeFileSync(out, JSON.stringify(figures.map((f) => ({ ...f, value: Number.isFinite(f.value) ? f.value : null })), null, 2) + '\n');
}

export interface Target {
  target: number;
  comparison: '<=' | '>=';
}

/** Builds figures of one suite without repeating its name in each. */
export function figureList(suite: string) {
  const figures: Figure[] = [];
  return {
    figures,
    add(name: string, value: number, unit: string, target?: Target, note?: string): void {
      figures.push({ suite, name, value, unit, ...target, ...(note ? { note } : {}) });
    },
  };
}

/** Target helpers, so a suite reads `add('create p99', v, 'ms', atMost(50))`. */
export const atMost = (target: number): Target => ({ target, comparison: '<=' });
export const atLeast = (target: number): Target => ({ target, comparison: '>=' });
