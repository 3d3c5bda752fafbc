import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidIP,
  isValidLabelValue,
  isValidPortName,
  nameIsDNSSubdomain,
} from './name-rules';

describe('name rules', () => {
  it('explains a bad subdomain with the server message', () => {
    expect(isDNS1123Subdomain('Foo_')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Subdomain('web-1.example')).toEqual([]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toContain('must be no more than 253 characters');
  });

  it('reports dots in a label separately from other characters', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('My_Name')[0]).toBe(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('requires DNS-1035 labels to start with a letter', () => {
    expect(isDNS1035Label('1abc')).toHaveLength(1);
    expect(isDNS1035Label('abc-1')).toEqual([]);
  });

  it('lets generateName end with a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toHaveLength(1);
  });

  it('checks both parts of a qualified name', () => {
    expect(isQualifiedName('example.com/app')).toEqual([]);
    expect(isQualifiedName('/app')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of/);
    expect(isQualifiedName('bad name')[0]).toMatch(/^name part must consist of alphanumeric characters/);
  });

  it('allows empty label values but not odd characters', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('-x')[0]).toMatch(/^a valid label must be an empty string/);
  });

  it('checks config keys, port names, env names and IPs', () => {
    expect(isConfigMapKey('app.properties')).toEqual([]);
    expect(isConfigMapKey('..data')).toEqual([`must not start with '..'`]);
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isRelaxedEnvVarName('MY-VAR.1')).toEqual([]);
    expect(isRelaxedEnvVarName('A=B')).toHaveLength(1);
    expect(isValidIP('10.0.0.1')).toEqual([]);
    expect(isValidIP('2001:db8::1')).toEqual([]);
    expect(isValidIP('10.0.0.256')).toHaveLength(1);
  });
});
