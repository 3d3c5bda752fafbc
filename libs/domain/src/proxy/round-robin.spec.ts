import { RoundRobin } from './round-robin';

describe('round-robin', () => {
  it('starts each new connection one backend further, wrapping around', () => {
    const rr = new RoundRobin();
    const firsts = Array.from({ length: 7 }, () => rr.order(['a', 'b', 'c'])[0]);
    expect(firsts).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('offers every backend once, in turn, for a connection whose first choice refuses', () => {
    const rr = new RoundRobin();
    rr.order(['a', 'b', 'c']);
    expect(rr.order(['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
  });

  it('keeps going when the backend set shrinks or grows, and has nothing to offer when empty', () => {
    const rr = new RoundRobin();
    rr.order(['a', 'b', 'c']);
    rr.order(['a', 'b', 'c']);
    expect(rr.order(['a', 'b'])[0]).toBe('a');
    expect(rr.order(['a', 'b'])[0]).toBe('b');
    expect(rr.order(['a', 'b', 'c', 'd'])[0]).toBe('a');
    expect(rr.order([])).toEqual([]);
  });
});
