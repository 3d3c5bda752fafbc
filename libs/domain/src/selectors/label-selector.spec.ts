import { StatusError } from '../errors/status-error';
import { isEverything, matches, requiresExactMatch, selectorToString } from './label-requirement';
import { parseLabelSelector } from './label-selector';

function parseError(selector: string): StatusError {
  try {
    parseLabelSelector(selector);
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error(`expected "${selector}" to be rejected`);
}

const KEY_REGEX_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseLabelSelector', () => {
  it('reads the empty string as a selector that matches everything', () => {
    const reqs = parseLabelSelector('');
    expect(reqs).toEqual([]);
    expect(isEverything(reqs)).toBe(true);
    expect(matches(reqs, { any: 'thing' })).toBe(true);
    expect(parseLabelSelector('   ')).toEqual([]);
  });

  it('reads equality, inequality and double-equals requirements', () => {
    expect(parseLabelSelector('app=web')).toEqual([{ key: 'app', operator: '=', values: ['web'] }]);
    expect(parseLabelSelector('app==web')).toEqual([{ key: 'app', operator: '==', values: ['web'] }]);
    expect(parseLabelSelector('app!=web')).toEqual([{ key: 'app', operator: '!=', values: ['web'] }]);
  });

  it('reads set-based requirements with sorted, de-duplicated values', () => {
    expect(parseLabelSelector('env in (prod, qa,prod)')).toEqual([{ key: 'env', operator: 'in', values: ['prod', 'qa'] }]);
    expect(parseLabelSelector('env notin (dev)')).toEqual([{ key: 'env', operator: 'notin', values: ['dev'] }]);
  });

  it('reads a bare key as exists and !key as does-not-exist', () => {
    expect(parseLabelSelector('tier')).toEqual([{ key: 'tier', operator: 'exists', values: [] }]);
    expect(parseLabelSelector('!tier')).toEqual([{ key: 'tier', operator: '!', values: [] }]);
    expect(parseLabelSelector('! tier')).toEqual([{ key: 'tier', operator: '!', values: [] }]);
  });

  it('reads greater-than and less-than integer comparisons', () => {
    expect(parseLabelSelector('gen>3,size<10')).toEqual([
      { key: 'gen', operator: 'gt', values: ['3'] },
      { key: 'size', operator: 'lt', values: ['10'] },
    ]);
  });

  it('sorts requirements by key and tolerates whitespace everywhere', () => {
    const reqs = parseLabelSelector(' z = 1 ,\ta in ( x , y ) ,\n!m ');
    expect(reqs.map((r) => r.key)).toEqual(['a', 'm', 'z']);
  });

  it('treats empty members of a value set as the empty value, as the real parser does', () => {
    const reqs = parseLabelSelector('x in (foo,,baz),y,z notin ()');
    expect(reqs).toEqual([
      { key: 'x', operator: 'in', values: ['', 'baz', 'foo'] },
      { key: 'y', operator: 'exists', values: [] },
      { key: 'z', operator: 'notin', values: [''] },
    ]);
    expect(parseLabelSelector('a in (,x)')[0].values).toEqual(['', 'x']);
    expect(parseLabelSelector('a in (x,)')[0].values).toEqual(['', 'x']);
  });

  it('takes an operator with no value as matching the empty value', () => {
    expect(parseLabelSelector('a=')).toEqual([{ key: 'a', operator: '=', values: [''] }]);
    expect(parseLabelSelector('a!=,b')[0]).toEqual({ key: 'a', operator: '!=', values: [''] });
  });

  it('accepts the words in and notin as keys and values', () => {
    expect(parseLabelSelector('in in (in,notin)')).toEqual([{ key: 'in', operator: 'in', values: ['in', 'notin'] }]);
    expect(parseLabelSelector('notin=in')).toEqual([{ key: 'notin', operator: '=', values: ['in'] }]);
  });

  it('accepts prefixed keys', () => {
    expect(parseLabelSelector('app.kubernetes.io/name=web')[0].key).toBe('app.kubernetes.io/name');
  });

  describe('rejects bad input with a 400 like the real server', () => {
    it.each([
      ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
      ['a=b,', "found '', expected: identifier after ','"],
      [',a', "found ',', expected: !, identifier, or 'end of string'"],
      ['a=b c', "found 'c', expected: ',' or 'end of string'"],
      ['a=b=c', "found '=', expected: ',' or 'end of string'"],
      ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
      ['x in a', "unable to parse requirement: found 'a' expected: '('"],
      ['x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
      ['a=(', "unable to parse requirement: found '(', expected: identifier"],
      ['! =a', "unable to parse requirement: found '=', expected: identifier"],
      ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ])('%j', (selector, message) => {
      const err = parseError(selector);
      expect(err.code).toBe(400);
      expect(err.reason).toBe('BadRequest');
      expect(err.message).toBe(message);
    });

    it('names the invalid key with the validation message of a qualified name', () => {
      expect(parseError('-a=b').message).toBe(`unable to parse requirement: <nil>: Invalid value: "-a": ${KEY_REGEX_MESSAGE}`);
    });

    it('rejects a key whose name part is longer than 63 characters', () => {
      const key = 'k'.repeat(64);
      expect(parseError(`${key}=v`).message).toBe(
        `unable to parse requirement: <nil>: Invalid value: "${key}": name part must be no more than 63 characters`,
      );
    });

    it('rejects a key with an invalid DNS prefix', () => {
      expect(parseError('Example.com/a=b').message).toContain(
        'prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters',
      );
    });

    it('names an invalid value by its index and key', () => {
      expect(parseError('app=we$b').message).toBe(
        'unable to parse requirement: values[0][app]: Invalid value: "we$b": a valid label must be an empty string or consist of ' +
          "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
          "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      );
    });

    it('rejects a non-integer operand of gt', () => {
      expect(parseError('a>abc').message).toBe(
        `unable to parse requirement: values[0]: Invalid value: "abc": for 'Gt', 'Lt' operators, the value must be an integer`,
      );
    });

    it('reports every problem of one requirement in one bracketed list', () => {
      const message = parseError('a in (b@,c@)').message;
      expect(message.startsWith('unable to parse requirement: [values[0][a]: Invalid value: "b@"')).toBe(true);
      expect(message).toContain(', values[1][a]: Invalid value: "c@"');
    });
  });
});

describe('matches', () => {
  const labels = { app: 'web', env: 'prod', gen: '7' };

  it('requires every requirement to hold', () => {
    expect(matches(parseLabelSelector('app=web,env=prod'), labels)).toBe(true);
    expect(matches(parseLabelSelector('app=web,env=qa'), labels)).toBe(false);
  });

  it('lets != and notin match objects that lack the key', () => {
    expect(matches(parseLabelSelector('tier!=db'), labels)).toBe(true);
    expect(matches(parseLabelSelector('tier notin (db)'), labels)).toBe(true);
    expect(matches(parseLabelSelector('env notin (prod,qa)'), labels)).toBe(false);
  });

  it('needs the key present for =, in and exists', () => {
    expect(matches(parseLabelSelector('tier='), labels)).toBe(false);
    expect(matches(parseLabelSelector('tier='), { tier: '' })).toBe(true);
    expect(matches(parseLabelSelector('env in (prod,qa)'), labels)).toBe(true);
    expect(matches(parseLabelSelector('env'), labels)).toBe(true);
    expect(matches(parseLabelSelector('!env'), labels)).toBe(false);
  });

  it('compares gt and lt operands as integers', () => {
    expect(matches(parseLabelSelector('gen>6'), labels)).toBe(true);
    expect(matches(parseLabelSelector('gen>10'), labels)).toBe(false);
    expect(matches(parseLabelSelector('gen<10'), labels)).toBe(true);
    expect(matches(parseLabelSelector('app>1'), labels)).toBe(false);
    expect(matches(parseLabelSelector('missing<1'), labels)).toBe(false);
  });

  it('treats missing labels as an empty set', () => {
    expect(matches(parseLabelSelector('!a'), undefined)).toBe(true);
    expect(matches(parseLabelSelector('a'), undefined)).toBe(false);
  });

  it('never matches with the nothing selector', () => {
    expect(matches(null, labels)).toBe(false);
    expect(isEverything(null)).toBe(false);
  });
});

describe('selectorToString', () => {
  it('prints the canonical form the real server prints', () => {
    expect(selectorToString(parseLabelSelector('x in (foo,,baz),y,z notin ()'))).toBe('x in (,baz,foo),y,z notin ()');
    expect(selectorToString(parseLabelSelector('b!=1, a==2 ,!c, d>3, e<4'))).toBe('a==2,b!=1,!c,d>3,e<4');
  });

  it('sorts values on output without changing the requirement', () => {
    const req = { key: 'k', operator: 'in' as const, values: ['b', 'a'] };
    expect(selectorToString([req])).toBe('k in (a,b)');
    expect(req.values).toEqual(['b', 'a']);
  });

  it('round-trips through the parser', () => {
    const text = 'app=web,env in (prod,qa),!legacy,tier';
    expect(selectorToString(parseLabelSelector(selectorToString(parseLabelSelector(text))))).toBe(text);
  });
});

describe('requiresExactMatch', () => {
  it('finds a key pinned by = or a one-value in', () => {
    expect(requiresExactMatch(parseLabelSelector('a=1,b in (2),c in (3,4),d!=5'), 'a')).toBe('1');
    expect(requiresExactMatch(parseLabelSelector('b in (2)'), 'b')).toBe('2');
    expect(requiresExactMatch(parseLabelSelector('c in (3,4)'), 'c')).toBeUndefined();
    expect(requiresExactMatch(parseLabelSelector('d!=5'), 'd')).toBeUndefined();
  });
});
