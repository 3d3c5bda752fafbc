import { saneRequestId } from './request-logging';

describe('saneRequestId', () => {
  it('keeps the ids proxies and clients send (UUIDs, hex, dotted or colon-separated)', () => {
    for (const id of ['3f2b8c1e-5d7a-4e0b-9c1d-2a6f8e4b7c90', 'abc123', 'trace.1:span-2_x']) expect(saneRequestId(id)).toBe(id);
  });

  it('refuses what could forge or break a log line or header: spaces, quotes, newlines, too long, repeated', () => {
    for (const id of ['', 'a b', 'x"y', 'line\nbreak', '-leading', 'x'.repeat(129), undefined]) expect(saneRequestId(id)).toBeUndefined();
    expect(saneRequestId(['a', 'b'])).toBeUndefined();
  });
});
