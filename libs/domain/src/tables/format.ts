/** Small readers and formatters shared by the printers: objects arrive as untyped JSON. */

export type Obj = Record<string, unknown>;

export function asObj(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

export function asArr(value: unknown): Obj[] {
  return Array.isArray(value) ? value.map(asObj) : [];
}

export function asStr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asNum(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Follows a path of object keys; missing steps give `{}`. */
export function dig(value: unknown, ...path: string[]): Obj {
  return path.reduce<Obj>((cur, key) => asObj(cur[key]), asObj(value));
}

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObj(value))) out[k] = asStr(v);
  return out;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `a=1,b=2` with keys sorted, or `<none>`. */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries(stringMap(labels)).sort(([a], [b]) => byCodePoint(a, b));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/**
 * A label selector in query-string form (`app=web,tier in (a,b),!legacy`), requirements
 * sorted by key; `""` for a selector matching everything; undefined when it is invalid.
 */
export function labelSelectorString(selector: unknown): string | undefined {
  const sel = asObj(selector);
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(stringMap(sel.matchLabels))) reqs.push({ key, text: `${key}=${value}` });
  for (const expr of asArr(sel.matchExpressions)) {
    const key = asStr(expr.key);
    const values = (Array.isArray(expr.values) ? expr.values.map(asStr) : []).sort(byCodePoint);
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (!values.length) return undefined;
        reqs.push({ key, text: `${key} ${expr.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})` });
        break;
      case 'Exists':
        reqs.push({ key, text: key });
        break;
      case 'DoesNotExist':
        reqs.push({ key, text: `!${key}` });
        break;
      default:
        return undefined;
    }
  }
  return reqs.sort((a, b) => byCodePoint(a.key, b.key)).map((r) => r.text).join(',');
}

/** A label selector for a table cell: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return '<error>';
  return s || '<none>';
}

/** Names and images of the containers of a pod template, comma-separated. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = asArr(asObj(podSpec).containers);
  return [containers.map((c) => asStr(c.name)).join(','), containers.map((c) => asStr(c.image)).join(',')];
}

/** `<value>` or a placeholder when empty. */
export function orElse(value: unknown, placeholder: string): string {
  const s = asStr(value);
  return s || placeholder;
}
