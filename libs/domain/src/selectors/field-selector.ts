import { Errors } from '../errors/status-error';
import { compareStrings } from './label-requirement';

/** `=` and `==` mean the same (apimachinery keeps no difference), so `==` is read as `=`. */
export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

export type FieldSet = Readonly<Record<string, string>>;

/** Prefixes `\`, `,` and `=` with a backslash so any string can be a selector value. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** The literal value of an escaped selector value; a 400 for a bad escape or a bare `,` / `=`. */
export function unescapeFieldValue(value: string): string {
  if (!/[\\,=]/.test(value)) return value;
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw Errors.badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go prints the offending rune with %v: its code point number.
      throw Errors.badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw Errors.badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Splits on commas not preceded by a backslash, keeping the escapes in the terms. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const TERM_OPERATORS = ['!=', '==', '='] as const;

/** The left side cannot be escaped, so the first operator found splits the term. */
function splitTerm(term: string): { field: string; op: (typeof TERM_OPERATORS)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/**
 * Parses a `fieldSelector` as `fields.ParseSelector` does: `a=b`, `a==b`, `a!=b`,
 * comma-separated, with `\` escaping in values; terms come back sorted. The empty
 * string selects everything. Bad input is a 400 BadRequest.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const terms = splitTerms(selector).sort(compareStrings);
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const parts = splitTerm(term);
    if (!parts) throw Errors.badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    requirements.push({
      field: parts.field,
      operator: parts.op === '!=' ? '!=' : '=',
      value: unescapeFieldValue(parts.rhs),
    });
  }
  return requirements;
}

export function fieldSelectorToString(requirements: readonly FieldRequirement[]): string {
  return requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
}

/** A missing field reads as the empty string, as in a Go `fields.Set`. */
export function fieldRequirementsMatch(requirements: readonly FieldRequirement[], fields: FieldSet): boolean {
  return requirements.every((r) => {
    const actual = Object.prototype.hasOwnProperty.call(fields, r.field) ? fields[r.field] : '';
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
}

/** The single value a selector pins `field` to, if any (e.g. `spec.nodeName` for an agent's watch). */
export function fieldRequiresExactMatch(requirements: readonly FieldRequirement[], field: string): string | undefined {
  return requirements.find((r) => r.field === field && r.operator === '=')?.value;
}
