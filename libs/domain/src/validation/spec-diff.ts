/**
 * A readable account of how two specs differ, appended to "may not change" errors the
 * way the real server appends its cmp.Diff output: one `-`/`+` line per changed leaf.
 */
export function specDiff(typeName: string, oldValue: unknown, newValue: unknown): string {
  const lines: string[] = [];
  walk('', oldValue, newValue, lines);
  return [`  ${typeName}{`, ...lines, '  }'].join('\n');
}

function walk(path: string, a: unknown, b: unknown, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const bothObjects = isObject(a) && isObject(b);
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  if (bothObjects) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(path ? `${path}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (a !== undefined) out.push(`- \t${path}: ${JSON.stringify(a)},`);
  if (b !== undefined) out.push(`+ \t${path}: ${JSON.stringify(b)},`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
