import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { compare, type Operation } from 'fast-json-patch';
import YAML from 'yaml';
import type { KubeObject } from '../meta/types';
import { fieldPath, pointerSegments, valueAt } from './field-path';
import { withoutNoise } from './noise';

/** One changed field: `from` is absent for an added field, `to` for a removed one. */
export interface FieldChange {
  /** JSON Pointer, as in the patch. */
  path: string;
  /** The same as a person reads it: `spec.template.spec.containers[0].image`. */
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface ObjectDiff {
  /** RFC 6902 operations that turn `from` into `to` (both without noise unless kept). */
  patch: Operation[];
  /** The same changes field by field, ordered by path, each with its old and new value. */
  changes: FieldChange[];
  /** A unified diff of the two YAML renderings; '' when they are equal. */
  unified: string;
}

export interface DiffOptions {
  /** Keep resourceVersion, generation, managedFields and the last-applied annotation. */
  noise?: boolean;
  /** The names on the `---` / `+++` lines. */
  fromLabel?: string;
  toLabel?: string;
  /** Lines of context around each hunk (3, as git). */
  context?: number;
}

/** An object as YAML, keys sorted as kubectl prints them, lists not indented. */
export function objectYaml(obj: KubeObject | undefined): string {
  return obj ? YAML.stringify(obj, { sortMapEntries: true, indentSeq: false }) : '';
}

/**
 * The difference between two states of one object; either may be absent (before it
 * was created, after it was deleted), which is a change of the whole document.
 */
export function objectDiff(from: KubeObject | undefined, to: KubeObject | undefined, opts: DiffOptions = {}): ObjectDiff {
  const a = from && !opts.noise ? withoutNoise(from) : from;
  const b = to && !opts.noise ? withoutNoise(to) : to;
  const patch = documentPatch(a, b);
  const changes = patch.map((op) => fieldChange(op, a, b)).sort((x, y) => comparePaths(x.path, y.path));
  const textA = objectYaml(a);
  const textB = objectYaml(b);
  const unified =
    textA === textB
      ? ''
      : createTwoFilesPatch(opts.fromLabel ?? 'before', opts.toLabel ?? 'after', textA, textB, undefined, undefined, {
          context: opts.context ?? 3,
          headerOptions: FILE_HEADERS_ONLY,
        });
  return { patch, changes, unified };
}

function documentPatch(a: KubeObject | undefined, b: KubeObject | undefined): Operation[] {
  if (a && b) return compare(a, b);
  if (b) return [{ op: 'add', path: '', value: b }];
  if (a) return [{ op: 'remove', path: '' }];
  return [];
}

function fieldChange(op: Operation, a: unknown, b: unknown): FieldChange {
  const change: FieldChange = { path: op.path, field: fieldPath(op.path, op.op === 'add' ? b : a) };
  if (op.op === 'replace' || op.op === 'remove') change.from = valueAt(a, op.path);
  if (op.op === 'replace' || op.op === 'add') change.to = op.value;
  return change;
}

/** Path order, segment by segment; list indices as numbers (`[2]` before `[10]`). */
function comparePaths(x: string, y: string): number {
  const xs = pointerSegments(x);
  const ys = pointerSegments(y);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    if (xs[i] === ys[i]) continue;
    const numeric = /^\d+$/.test(xs[i]) && /^\d+$/.test(ys[i]);
    return numeric ? Number(xs[i]) - Number(ys[i]) : xs[i] < ys[i] ? -1 : 1;
  }
  return xs.length - ys.length;
}
