import type { KubeObject } from '../meta/types';
import { objectDiff, type FieldChange } from './object-diff';
import { pointerSegments } from './field-path';

type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What one revision did to an object, short enough for a list of revisions. */
export interface ChangeSummary {
  /** The changed fields cut to two levels (`spec.template`, `status.replicas`), sorted, without noise. */
  changed: string[];
  /** One line: `created`, `deleted`, `spec.replicas: 3 → 5`, or `changed spec.template, status`. */
  summary: string;
}

/** Scalar changes spelled out when there are at most this many. */
const SPELLED_OUT = 3;
/** Changed paths named in the summary line before "and N more". */
const NAMED = 5;

export function summarizeChange(type: ChangeType, prev: KubeObject | undefined, body: KubeObject | undefined): ChangeSummary {
  if (type === 'ADDED') return { changed: [], summary: 'created' };
  if (type === 'DELETED') return { changed: [], summary: 'deleted' };
  const { changes } = objectDiff(prev, body);
  const changed = [...new Set(changes.map((c) => topPath(c.path)))].sort();
  if (!changes.length) return { changed, summary: 'no change beyond bookkeeping (resourceVersion, generation, managedFields)' };
  if (changes.length <= SPELLED_OUT && changes.every(isScalarChange)) {
    return { changed, summary: changes.map((c) => `${c.field}: ${show(c.from)} → ${show(c.to)}`).join('; ') };
  }
  const named = changed.slice(0, NAMED).join(', ');
  const more = changed.length > NAMED ? ` and ${changed.length - NAMED} more` : '';
  return { changed, summary: `changed ${named}${more}` };
}

/** The first two keys of a path: `spec.template`, `metadata.labels`, `status`. */
function topPath(pointer: string): string {
  return pointerSegments(pointer).slice(0, 2).join('.');
}

function isScalar(v: unknown): boolean {
  return v === undefined || v === null || typeof v !== 'object';
}

function isScalarChange(c: FieldChange): boolean {
  return isScalar(c.from) && isScalar(c.to);
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
