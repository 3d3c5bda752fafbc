/**
 * The real server prints a bad value with Go's fmt verbs (`%q` for strings, `%v` for
 * numbers, `%#v` for maps and structs). These helpers reproduce the forms clients see,
 * so our messages read like Kubernetes' own.
 */

import { asText } from './json-access';

/** A value already rendered in Go syntax. */
export interface GoLiteral {
  readonly go: string;
}

export function goLiteral(text: string): GoLiteral {
  return { go: text };
}

/** Go's %q for a string (close enough: JSON escaping matches for printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function goStringMap(m: Record<string, string> | undefined | null): GoLiteral {
  if (m === undefined || m === null) return goLiteral('map[string]string(nil)');
  const body = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(asText(m[k]))}`)
    .join(', ');
  return goLiteral(`map[string]string{${body}}`);
}

export function goStringSlice(a: readonly unknown[] | undefined | null, type = 'string'): GoLiteral {
  if (a === undefined || a === null) return goLiteral(`[]${type}(nil)`);
  return goLiteral(`[]${type}{${a.map((s) => goQuote(asText(s))).join(', ')}}`);
}

interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

/** A metav1.LabelSelector as `%#v` prints it. */
export function goLabelSelector(sel: SelectorLike | undefined | null): GoLiteral {
  if (sel === undefined || sel === null) return goLiteral('null');
  const labels = goStringMap(sel.matchLabels).go;
  let exprs = '[]v1.LabelSelectorRequirement(nil)';
  if (Array.isArray(sel.matchExpressions)) {
    const items = sel.matchExpressions.map(
      (e) =>
        `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${goStringSlice(e.values).go}}`,
    );
    exprs = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return goLiteral(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`);
}

/** Any other structured value: Go would print a struct; JSON is the readable equivalent. */
export function goJSON(v: unknown): GoLiteral {
  return goLiteral(JSON.stringify(v) ?? 'null');
}
