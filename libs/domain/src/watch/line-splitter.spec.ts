import { watchEventSplitter } from './line-splitter';

describe('watchEventSplitter', () => {
  it('yields each event once, whatever the chunk boundaries', () => {
    const got: unknown[] = [];
    const feed = watchEventSplitter((e) => got.push(e));
    feed('{"type":"ADDED","object":{"a":1}}\n{"type":"MOD');
    feed('IFIED","object":{}}\n\n');
    feed(Buffer.from('{"type":"DELETED","object":{}}\n'));
    expect(got).toEqual([{ type: 'ADDED', object: { a: 1 } }, { type: 'MODIFIED', object: {} }, { type: 'DELETED', object: {} }]);
  });
});
