/**
 * Kubernetes resource quantities (`100m`, `1.5Gi`, `2e3`, `128974848`): parsing to
 * numbers for the scheduler and HPA, and the canonical spelling the API server stores
 * (`0.5` → `500m`, `2000` → `2k`, `1024Mi` → `1Gi`).
 *
 * Values are kept exact as a count of nano-units (1e-9) in a BigInt, the finest scale
 * the server keeps; anything finer rounds up, as the server does.
 */

export const QUANTITY_REGEX_TEXT = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${QUANTITY_REGEX_TEXT}'`;

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface ParsedQuantity {
  /** The amount in units of 1e-9, rounded up. */
  nanos: bigint;
  /** Which family of suffix the author used; canonical output keeps it. */
  format: QuantityFormat;
}

const DECIMAL_SUFFIX_EXP: Record<string, number> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
const BINARY_SUFFIX_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const NANO = 1_000_000_000n;

/** A suffix table lookup that never finds Object.prototype members (`1constructor` is no quantity). */
function suffixExponent(table: Record<string, number>, suffix: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(table, suffix) ? table[suffix] : undefined;
}

function pow(base: bigint, exp: number): bigint {
  let r = 1n;
  for (let i = 0; i < exp; i++) r *= base;
  return r;
}

/** Exact num/den rounded towards +infinity. */
function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num > 0n ? q + 1n : q;
}

/** Parses a quantity; undefined when the text is not one. */
export function tryParseQuantityExact(input: string | number): ParsedQuantity | undefined {
  const text = typeof input === 'number' ? numberText(input) : input;
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text);
  if (!m) return undefined;
  const [, sign, intPart, fracPart = '', suffix] = m;
  if (intPart.length + fracPart.length === 0) return undefined;
  // Digits as one integer, scaled down by the count of fraction digits.
  let num = BigInt(`${intPart}${fracPart}` || '0');
  let den = pow(10n, fracPart.length);
  let format: QuantityFormat;
  const decimal = suffixExponent(DECIMAL_SUFFIX_EXP, suffix);
  const binary = suffixExponent(BINARY_SUFFIX_EXP, suffix);
  if (decimal !== undefined) {
    format = 'DecimalSI';
    if (decimal >= 0) num *= pow(10n, decimal);
    else den *= pow(10n, -decimal);
  } else if (binary !== undefined) {
    format = 'BinarySI';
    num *= pow(2n, binary);
  } else {
    const e = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
    if (!e) return undefined;
    format = 'DecimalExponent';
    const exp = Number(e[1]);
    if (!Number.isFinite(exp) || Math.abs(exp) > 1000) return undefined;
    if (exp >= 0) num *= pow(10n, exp);
    else den *= pow(10n, -exp);
  }
  let nanos = ceilDiv(num * NANO, den);
  if (sign === '-') nanos = -nanos;
  return { nanos, format };
}

function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  // JSON numbers like 1e21 come through as exponent notation, which is a valid quantity.
  return String(n).replace('e+', 'e');
}

export function isQuantity(input: unknown): input is string | number {
  return (typeof input === 'string' || typeof input === 'number') && tryParseQuantityExact(input) !== undefined;
}

/** The quantity as a number (`100m` → 0.1, `1Gi` → 1073741824); throws on bad input. */
export function parseQuantity(input: string | number): number {
  const q = tryParseQuantityExact(input);
  if (!q) throw new Error(`${QUANTITY_FORMAT_ERROR}: ${JSON.stringify(input)}`);
  return Number(q.nanos) / 1e9;
}

/** Like parseQuantity, but undefined instead of throwing. */
export function tryParseQuantity(input: unknown): number | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  const q = tryParseQuantityExact(input);
  return q ? Number(q.nanos) / 1e9 : undefined;
}

/** Thousandths, rounded up as Quantity.MilliValue() does (`100m` → 100, `1` → 1000): CPU millicores. */
export function parseQuantityMilli(input: string | number): number {
  const q = tryParseQuantityExact(input);
  if (!q) throw new Error(`${QUANTITY_FORMAT_ERROR}: ${JSON.stringify(input)}`);
  return Number(ceilDiv(q.nanos, 1_000_000n));
}

/** Compares two quantities: negative, zero or positive. Throws on bad input. */
export function compareQuantities(a: string | number, b: string | number): number {
  const qa = tryParseQuantityExact(a);
  const qb = tryParseQuantityExact(b);
  if (!qa || !qb) throw new Error(QUANTITY_FORMAT_ERROR);
  return qa.nanos < qb.nanos ? -1 : qa.nanos > qb.nanos ? 1 : 0;
}

const DECIMAL_SUFFIX_BY_EXP: Record<number, string> = {
  [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E',
};
const BINARY_SUFFIX_BY_EXP: Record<number, string> = { 0: '', 10: 'Ki', 20: 'Mi', 30: 'Gi', 40: 'Ti', 50: 'Pi', 60: 'Ei' };

/**
 * Largest exponent (a multiple of 3) with an integral mantissa, as Quantity.String() picks
 * it, up to `maxExp`: SI suffixes end at E (1e18); exponent notation has no limit (`1e21`).
 */
function decimalCanonical(nanos: bigint, maxExp: number): { mantissa: bigint; exp: number } {
  let mantissa = nanos;
  let exp = -9;
  while (mantissa % 1000n === 0n && exp < maxExp) {
    mantissa /= 1000n;
    exp += 3;
  }
  return { mantissa, exp };
}

/** The spelling the API server stores and returns for a parsed quantity. */
export function formatParsedQuantity(q: ParsedQuantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional byte counts read better (and exactly) as decimal.
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let mantissa = abs / NANO;
    let exp = 0;
    while (mantissa % 1024n === 0n && exp < 60) {
      mantissa /= 1024n;
      exp += 10;
    }
    return `${sign}${mantissa}${BINARY_SUFFIX_BY_EXP[exp]}`;
  }
  const { mantissa, exp } = decimalCanonical(abs, format === 'DecimalSI' ? 18 : Infinity);
  if (format === 'DecimalSI') return `${sign}${mantissa}${DECIMAL_SUFFIX_BY_EXP[exp]}`;
  return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
}

/** Canonical spelling of a quantity (`0.5` → `500m`); undefined when it is not one. */
export function canonicalQuantity(input: string | number): string | undefined {
  const q = tryParseQuantityExact(input);
  return q ? formatParsedQuantity(q) : undefined;
}

/** Rounds up to thousandths, as the server does for every resource list it stores. */
export function roundUpToMilli(q: ParsedQuantity): ParsedQuantity {
  return { ...q, nanos: ceilDiv(q.nanos, 1_000_000n) * 1_000_000n };
}
