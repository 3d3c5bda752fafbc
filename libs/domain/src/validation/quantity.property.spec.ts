import fc from 'fast-check';
import {
  canonicalQuantity,
  compareQuantities,
  formatParsedQuantity,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_REGEX_TEXT,
  roundUpToMilli,
  tryParseQuantity,
  tryParseQuantityExact,
} from './quantity';

const runs = { numRuns: 500 };

const DECIMAL = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 } as const;
const BINARY = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 } as const;

/** A quantity as written, and its exact value as a fraction num/den. */
interface Written {
  text: string;
  num: bigint;
  den: bigint;
}

const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });

const written: fc.Arbitrary<Written> = fc
  .record({
    sign: fc.constantFrom('', '+', '-'),
    int: digits(12),
    frac: fc.option(digits(6), { nil: undefined }),
    suffix: fc.oneof(
      fc.constantFrom(...Object.keys(DECIMAL), ...Object.keys(BINARY)),
      fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 40 })).map(([e, s, n]) => `${e}${s}${n}`),
    ),
  })
  .filter((q) => q.int.length + (q.frac ?? '').length > 0)
  .map(({ sign, int, frac, suffix }) => {
    let num = BigInt(`${int}${frac ?? ''}`);
    let den = 10n ** BigInt((frac ?? '').length);
    if (suffix in BINARY) num *= 2n ** BigInt(BINARY[suffix as keyof typeof BINARY]);
    else {
      const exp = suffix in DECIMAL ? DECIMAL[suffix as keyof typeof DECIMAL] : Number(suffix.slice(1));
      if (exp >= 0) num *= 10n ** BigInt(exp);
      else den *= 10n ** BigInt(-exp);
    }
    if (sign === '-') num = -num;
    const text = `${sign}${int}${frac === undefined ? '' : `.${frac}`}${suffix}`;
    return { text, num, den };
  });

/** The value the server keeps: nano-units, rounded away from zero. */
function expectedNanos(q: Written): bigint {
  const scaled = q.num * 1_000_000_000n;
  const abs = scaled < 0n ? -scaled : scaled;
  const rounded = (abs + q.den - 1n) / q.den;
  return scaled < 0n ? -rounded : rounded;
}

const nanosOf = (text: string | number): bigint | undefined => tryParseQuantityExact(text)?.nanos;

describe('quantity properties', () => {
  it('reads every well-formed quantity as its exact value, rounded up to nano-units', () => {
    fc.assert(
      fc.property(written, (q) => {
        expect(nanosOf(q.text)).toBe(expectedNanos(q));
      }),
      runs,
    );
  });

  it('spells a quantity canonically in a form that reads back as the same value and spells the same again', () => {
    fc.assert(
      fc.property(written, (q) => {
        const canonical = canonicalQuantity(q.text) as string;
        expect(canonical).toMatch(/^-?(0|[1-9][0-9]*)([numkMGTPE]|[KMGTPE]i|e-?[0-9]+)?$/);
        expect(nanosOf(canonical)).toBe(nanosOf(q.text));
        expect(canonicalQuantity(canonical)).toBe(canonical);
      }),
      runs,
    );
  });

  it('keeps no factor in a canonical mantissa that the next suffix up would take', () => {
    fc.assert(
      fc.property(written, (q) => {
        const canonical = canonicalQuantity(q.text) as string;
        const [, mantissa, suffix] = /^-?([0-9]+)(.*)$/.exec(canonical) as RegExpExecArray;
        if (mantissa === '0') return;
        if (/^[KMGTP]i$/.test(suffix) || (suffix === '' && BigInt(mantissa) >= 1024n && /i$/.test(q.text))) {
          expect(BigInt(mantissa) % 1024n).not.toBe(0n);
        } else if (suffix !== 'E' && suffix !== 'Ei') {
          expect(mantissa.endsWith('000')).toBe(false);
        }
      }),
      runs,
    );
  });

  it('orders quantities as their exact values, whatever their suffixes', () => {
    fc.assert(
      fc.property(written, written, (a, b) => {
        const byValue = Math.sign(Number(expectedNanos(a) - expectedNanos(b)));
        expect(Math.sign(compareQuantities(a.text, b.text))).toBe(byValue);
        expect(Math.sign(compareQuantities(b.text, a.text))).toBe(-byValue || 0);
        expect(Math.sign(compareQuantities(canonicalQuantity(a.text) as string, b.text))).toBe(byValue);
      }),
      runs,
    );
  });

  it('spells a count of nano-units in any suffix as the same quantity', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
        expect(nanosOf(`${n}n`)).toBe(n);
        expect(nanosOf(`${n * 1000n}n`)).toBe(nanosOf(`${n}u`));
        expect(nanosOf(`${n * 1024n}Ki`)).toBe(nanosOf(`${n}Mi`));
        expect(compareQuantities(`${n}n`, `${n + 1n}n`)).toBeLessThan(0);
      }),
      runs,
    );
  });

  it('rounds up to thousandths without going past the next one', () => {
    fc.assert(
      fc.property(written, (q) => {
        const parsed = tryParseQuantityExact(q.text)!;
        const rounded = roundUpToMilli(parsed).nanos;
        expect(rounded % 1_000_000n).toBe(0n);
        expect(rounded >= parsed.nanos).toBe(true);
        expect(rounded - parsed.nanos < 1_000_000n).toBe(true);
        expect(nanosOf(formatParsedQuantity(roundUpToMilli(parsed)))).toBe(rounded);
      }),
      runs,
    );
  });

  const quantityLike = fc.string({ unit: fc.constantFrom(...'0123456789.+-eEinumkKMGTP '), maxLength: 10 });
  const prototypeSuffix = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'));

  it('reads only text the regular expression allows, refuses the rest with its error, the same way in every entry point', () => {
    fc.assert(
      fc.property(fc.oneof(quantityLike, fc.string({ unit: 'binary' }), prototypeSuffix.map(([n, s]) => `${n}${s}`)), (text) => {
        const exact = tryParseQuantityExact(text);
        let thrown: unknown;
        try {
          parseQuantity(text);
        } catch (e) {
          thrown = e;
        }
        if (exact) {
          expect(text).toMatch(new RegExp(QUANTITY_REGEX_TEXT));
          expect(thrown).toBeUndefined();
          expect(tryParseQuantity(text)).toBe(Number(exact.nanos) / 1e9);
        } else {
          expect(thrown).toBeInstanceOf(Error);
          expect((thrown as Error).message.startsWith(QUANTITY_FORMAT_ERROR)).toBe(true);
          expect(tryParseQuantity(text)).toBeUndefined();
          expect(canonicalQuantity(text)).toBeUndefined();
        }
      }),
      runs,
    );
  });

  it('reads JSON numbers as the quantity their decimal text spells', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(tryParseQuantity(n)).toBe(tryParseQuantity(String(n).replace('e+', 'e')));
      }),
      runs,
    );
  });

  it('handles huge and tiny quantities quickly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.constantFrom('', 'Ei', 'E', 'n', 'e999', 'e-999', 'e1000000', 'e-99999999999'), (length, suffix) => {
        const started = Date.now();
        const q = tryParseQuantityExact(`${'9'.repeat(length)}.${'9'.repeat(length)}${suffix}`);
        if (q) canonicalQuantity(formatParsedQuantity(q));
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 30 },
    );
  });
});

describe('quantity examples found by the properties', () => {
  it('spells exponent notation beyond E with its own exponent, as Quantity.String() does', () => {
    expect(canonicalQuantity('.6e22')).toBe('6e21');
    expect(canonicalQuantity('1000e18')).toBe('1e21');
    expect(canonicalQuantity(1e21)).toBe('1e21');
    // SI suffixes stop at E.
    expect(canonicalQuantity('1000E')).toBe('1000E');
  });

  it('refuses suffixes named like Object.prototype members', () => {
    for (const text of ['1constructor', '2__proto__', '3toString', '4valueOf']) expect(tryParseQuantityExact(text)).toBeUndefined();
  });
});
