import { fieldInvalid, type FieldError } from './field-error';
import { isQualifiedName, isValidLabelValue } from '../validation/name-rules';

/** apimachinery's `selection.Operator` values, spelled as it spells them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** One term of a label selector; a selector is the AND of its requirements. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/**
 * A parsed label selector: the requirements sorted by key. `null` is the selector
 * that matches nothing (what a nil `metav1.LabelSelector` means); `[]` matches everything.
 */
export type LabelSelectorRequirements = readonly LabelRequirement[] | null;

export type Labels = Readonly<Record<string, string>>;

/** Field paths as Go's `field.Path` prints them; `undefined` is the nil path. */
export function childPath(path: string | undefined, name: string): string {
  return path ? `${path}.${name}` : name;
}

export function indexPath(path: string, i: number | string): string {
  return `${path}[${i}]`;
}

/** Go's strconv.ParseInt(s, 10, 64): the Gt/Lt operands must be 64-bit integers. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return n;
}

export function validateLabelKey(key: string, path: string | undefined): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? fieldInvalid(path ?? '<nil>', key, errs.join('; ')) : undefined;
}

/**
 * Builds a requirement and checks it as labels.NewRequirement does; the requirement
 * is returned even when invalid so callers can report every error at once.
 */
export function newRequirement(
  key: string,
  operator: LabelOperator,
  values: readonly string[],
  path?: string,
): { requirement: LabelRequirement; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const keyError = validateLabelKey(key, childPath(path, 'key'));
  if (keyError) errors.push(keyError);
  const valuesPath = childPath(path, 'values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errors.push(fieldInvalid(valuesPath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errors.push(fieldInvalid(valuesPath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errors.push(fieldInvalid(valuesPath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errors.push(fieldInvalid(valuesPath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errors.push(fieldInvalid(indexPath(valuesPath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
  }
  values.forEach((v, i) => {
    const errs = isValidLabelValue(v);
    if (errs.length) errors.push(fieldInvalid(indexPath(indexPath(valuesPath, i), key), v, errs.join('; ')));
  });
  return { requirement: { key, operator, values: [...values] }, errors };
}

export function requirementMatches(r: LabelRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value as string);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseInt64(value as string);
      const bound = parseInt64(r.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

/** True when every requirement matches; the nothing selector (`null`) matches no labels. */
export function matches(requirements: LabelSelectorRequirements, labels: Labels | undefined): boolean {
  if (requirements === null) return false;
  const set = labels ?? {};
  return requirements.every((r) => requirementMatches(r, set));
}

/** A selector that does not restrict anything (`labels.Everything()`). */
export function isEverything(requirements: LabelSelectorRequirements): boolean {
  return requirements !== null && requirements.length === 0;
}

/** Go's byte-wise (UTF-8) string order, which is code point order, not UTF-16 unit order. */
export function compareStrings(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

export function sortByKey(requirements: readonly LabelRequirement[]): LabelRequirement[] {
  return [...requirements].sort((a, b) => compareStrings(a.key, b.key));
}

export function sortStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareStrings);
}

const OPERATOR_TEXT: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

export function requirementToString(r: LabelRequirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const values = r.values.length === 1 ? r.values[0] : sortStrings(r.values).join(',');
  const body = r.operator === 'in' || r.operator === 'notin' ? `(${values})` : values;
  return `${r.key}${OPERATOR_TEXT[r.operator]}${body}`;
}

/** The canonical string form (`a=b,c in (x,y),!d`); the nothing selector prints as ''. */
export function selectorToString(requirements: LabelSelectorRequirements): string {
  return (requirements ?? []).map(requirementToString).join(',');
}

/** The single value a selector pins `key` to, if it does (used to narrow a list by an index). */
export function requiresExactMatch(requirements: LabelSelectorRequirements, key: string): string | undefined {
  const r = (requirements ?? []).find((x) => x.key === key);
  if (!r) return undefined;
  if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0];
  return undefined;
}
