/**
 * How deep a decoded body may nest (objects and arrays). Go's JSON decoder stops at 10,000;
 * the walks Skiff makes over an object (pruning, defaults, validation, patches, cloning)
 * recurse, so the limit is set far above any Kubernetes object (a Deployment's deepest
 * field is about 15 levels down) and far below what those walks survive.
 */
export const MAX_NESTING_DEPTH = 100;

const MAX_PATH_CHARS = 200;

type Visit = { value: unknown; depth: number; path: string };

/** A path fit for a message (and for the audit log, which cannot hold NUL either). */
const printable = (path: string) => path.replace(/\u0000/g, '\\u0000');

/** Walks `value` without recursion (it may be nested deeper than the stack): `stop` ends the walk with a path. */
function walk(value: unknown, stop: (v: Visit) => boolean): string | undefined {
  const stack: Visit[] = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const v = stack.pop()!;
    if (stop(v)) return printable(v.path.length > MAX_PATH_CHARS ? `${v.path.slice(0, MAX_PATH_CHARS)}…` : v.path);
    if (typeof v.value !== 'object' || v.value === null) continue;
    if (Array.isArray(v.value)) v.value.forEach((item, i) => stack.push({ value: item, depth: v.depth + 1, path: `${v.path}[${i}]` }));
    else for (const [k, item] of Object.entries(v.value)) stack.push({ value: item, depth: v.depth + 1, path: v.path ? `${v.path}.${k}` : k });
  }
  return undefined;
}

/** The field (`spec.a.b[0]`) at which `value` nests deeper than `max` levels, or undefined when it does not. */
export function nestingBeyond(value: unknown, max = MAX_NESTING_DEPTH): string | undefined {
  return walk(value, (v) => v.depth >= max && typeof v.value === 'object' && v.value !== null);
}

/**
 * The field whose name or string value holds a NUL character (U+0000), or undefined. Kubernetes
 * strings may hold one; Postgres' jsonb, where Skiff keeps objects, cannot.
 */
export function nulCharacterField(value: unknown): string | undefined {
  return walk(value, (v) => (typeof v.value === 'string' && v.value.includes('\u0000')) || v.path.includes('\u0000'));
}
