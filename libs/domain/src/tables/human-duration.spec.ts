import { humanDuration, since } from './human-duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each([
    [S, '1s'],
    [70 * S, '70s'],
    [190 * S, '3m10s'],
    [70 * M, '70m'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'],
    [367 * D, '367d'],
    [(365 * 2 * 24 + 25) * H, '2y1d'],
    [(365 * 8 * 24 + 2) * H, '8y'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it.each([
    [-2 * S, '<invalid>'],
    [-2 * S + 1, '0s'],
    [0, '0s'],
    [S - 1, '0s'],
    [2 * M - 1, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [10 * M - 1, '9m59s'],
    [10 * M, '10m'],
    [10 * M + S, '10m'],
    [3 * H - 1, '179m'],
    [3 * H, '3h'],
    [3 * H + M, '3h1m'],
    [8 * H - 1, '7h59m'],
    [8 * H, '8h'],
    [48 * H - 1, '47h'],
    [48 * H, '2d'],
    [48 * H + H, '2d1h'],
    [8 * D - 1, '7d23h'],
    [8 * D, '8d'],
    [730 * D - 1, '729d'],
    [730 * D, '2y'],
    [731 * D, '2y1d'],
    [8 * 365 * D, '8y'],
  ])('keeps the boundary at %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('since', () => {
  const now = new Date('2025-06-01T12:00:00Z');

  it('measures from an RFC 3339 timestamp to now', () => {
    expect(since('2025-06-01T11:57:58Z', now)).toBe('2m2s');
  });

  it('shows <unknown> for a missing or unreadable timestamp', () => {
    expect(since(undefined, now)).toBe('<unknown>');
    expect(since('not a time', now)).toBe('<unknown>');
  });
});
