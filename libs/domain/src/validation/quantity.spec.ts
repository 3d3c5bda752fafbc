import { canonicalQuantity, compareQuantities, isQuantity, parseQuantity, parseQuantityMilli, tryParseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1],
    ['1', 1],
    ['1.5', 1.5],
    ['2e3', 2000],
    ['1E3', 1000],
    ['1k', 1000],
    ['1M', 1e6],
    ['1Ki', 1024],
    ['1Gi', 1073741824],
    ['1.5Gi', 1610612736],
    ['128974848', 128974848],
    ['500u', 0.0005],
    ['10n', 1e-8],
    ['-1', -1],
    ['+2', 2],
    ['.5', 0.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 12);
  });

  it('accepts plain JSON numbers', () => {
    expect(parseQuantity(0.25)).toBe(0.25);
    expect(parseQuantity(3)).toBe(3);
  });

  it.each(['', 'abc', '1K', '1.2.3', '1 Gi', 'Gi', '1e', '1Gib', '--1'])('rejects %j', (text) => {
    expect(() => parseQuantity(text)).toThrow(/quantities must match the regular expression/);
    expect(tryParseQuantity(text)).toBeUndefined();
    expect(isQuantity(text)).toBe(false);
  });

  it('gives millicores rounded up, as MilliValue does', () => {
    expect(parseQuantityMilli('100m')).toBe(100);
    expect(parseQuantityMilli('1')).toBe(1000);
    expect(parseQuantityMilli('0.0001')).toBe(1);
  });

  it('compares across suffixes', () => {
    expect(compareQuantities('1Gi', '1024Mi')).toBe(0);
    expect(compareQuantities('1000m', 1)).toBe(0);
    expect(compareQuantities('1G', '1Gi')).toBeLessThan(0);
  });
});

describe('canonicalQuantity', () => {
  it.each([
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1000m', '1'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1000Mi', '1000Mi'],
    ['512', '512'],
    ['0', '0'],
    ['0Gi', '0'],
    ['1e3', '1e3'],
    ['1.5Ki', '1536'],
    [2, '2'],
  ])('spells %j as %j, like the API server', (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it('leaves non-quantities undefined', () => {
    expect(canonicalQuantity('lots')).toBeUndefined();
  });
});
