import { jsonLiteral } from './batch-sql';

/** The JSON inside a literal (between its dollar-quote tags). */
const jsonOf = (literal: string) => JSON.parse(literal.replace(/^\$j[0-9a-f]+\$/, '').replace(/\$j[0-9a-f]+\$::jsonb$/, ''));

describe('jsonLiteral', () => {
  it('quotes a document with a tag that does not occur in it', () => {
    const literal = jsonLiteral({ a: 'it costs $5', b: [1, null] });
    expect(literal).toMatch(/^\$j[0-9a-f]{12}\$.*\$j[0-9a-f]{12}\$::jsonb$/);
    expect(jsonOf(literal)).toEqual({ a: 'it costs $5', b: [1, null] });
  });

  it('writes an unpaired surrogate, in a key or a value, as U+FFFD (jsonb refuses the escape), and keeps pairs', () => {
    const literal = jsonLiteral([{ name: 'a\ud800b', labels: { ['\udc00k']: 'v' }, ok: 'emoji 😀', text: 'a \\ud800 written out' }]);
    expect(literal).not.toMatch(/(?<!\\)\\ud[89a-f]/);
    expect(jsonOf(literal)).toEqual([{ name: 'a\ufffdb', labels: { '\ufffdk': 'v' }, ok: 'emoji 😀', text: 'a \\ud800 written out' }]);
  });
});
