import fc from 'fast-check';

/** Names and namespaces that must never reach the store as they are. */
export const HOSTILE_NAMES = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '../../etc/passwd',
  'a/b',
  'a%2Fb',
  '%2F',
  '%00',
  'a\u0000b',
  'UPPER',
  'under_score',
  '-leading',
  'trailing-',
  'a..b',
  ' space',
  'tab\t',
  'new\nline',
  'ünïcödé',
  '😀🔥',
  'rtl\u202Egnp.exe',
  '\u200Bzero-width',
  '\uFEFFbom',
  '\uD800lone-surrogate',
  'x'.repeat(64),
  'x'.repeat(254),
  'x'.repeat(4096),
  "'; DROP TABLE objects; --",
  '" OR ""="',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
];

/** Label and field selectors: injections, regular-expression bombs, broken syntax, enormous ones. */
export const HOSTILE_SELECTORS = [
  "' OR 1=1 --",
  "app=' OR '1'='1",
  'app in (a',
  'app in a)',
  '((((((',
  ')))',
  'app notin ()',
  'app in ()',
  'a=b,,c=d',
  ',',
  '!',
  '!!a',
  'a!=',
  '=',
  '==',
  'a===b',
  'a=b=c',
  '$where=1',
  '{"$where":"sleep(1000)"}',
  '$ne=1',
  'a=(a+)+$',
  'metadata.name=(a|aa)*b',
  `a=${'a'.repeat(5000)}!`,
  `a in (${Array.from({ length: 2000 }, (_, i) => `v${i}`).join(',')})`,
  `${'a,'.repeat(5000)}a`,
  'a=\u0000',
  'a=😀',
  'a/b/c=d',
  'example.com/=x',
  '-a=b',
  'a > 5',
  'a<5',
  'a gt 5',
  'metadata.name==x,metadata.name!=y',
  'metadata.name',
  'metadata.namespace=%',
  'metadata.name=%27--',
  'spec.nodeName=\\',
  'status.phase=Running\\,x',
  'spec.foo=bar',
  'involvedObject.name=x',
  'x'.repeat(100_000),
];

/** Numbers as JSON text, some of which JavaScript cannot hold, and things that are not numbers. */
export const HOSTILE_NUMBERS = [
  '1e400',
  '-1e400',
  '1e-400',
  '18446744073709551616',
  '9223372036854775808',
  '9223372036854775807',
  '2147483648',
  '4294967296',
  '9007199254740993',
  '-1',
  '-0',
  '0.5',
  '1.0000000000000002',
  '"3"',
  '"abc"',
  '""',
  'null',
  'true',
  '[]',
  '{}',
  '[1,2]',
  '{"$numberLong":"1"}',
];

/** Query parameter values that no parameter accepts. */
export const HOSTILE_QUERY_VALUES = ['-1', 'abc', '1e99', '1.5', '0x10', '99999999999999999999', '', ' ', '%00', 'true', 'maybe', '[]', '😀', 'x'.repeat(2000)];

/** Media types a body might claim. */
export const CONTENT_TYPES = [
  '',
  'text/plain',
  'application/xml',
  'text/html',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json;;;',
  'APPLICATION/JSON',
  'application/yaml',
  'text/yaml',
  'application/vnd.kubernetes.protobuf',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
  'application/octet-stream',
  '*/*',
  ';',
  'application/',
  '/json',
];

/** Accept headers, from harmless to meaningless. */
export const ACCEPTS = [
  'application/json',
  'application/yaml',
  'application/json;as=Table;v=v1;g=meta.k8s.io',
  'application/json;as=Table;g=bogus',
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
  'application/vnd.kubernetes.protobuf',
  '*/*;q=abc',
  ';;;',
  '=',
  'application/json;=;==;a',
  'text/html',
  `application/json;${'a=b;'.repeat(500)}`,
];

/** A string that is either a known-hostile one or anything at all. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NAMES) }, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

/** `depth` nested objects (or arrays), as JSON text: JSON.parse takes it, a recursive walk may not. */
export function nestedJson(depth: number, array = false): string {
  return array ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** JSON of `value` with each `"<hole:key>"` string replaced by `holes[key]`, raw: numbers JavaScript cannot hold, nesting too deep to build. */
export function jsonWithHoles(value: unknown, holes: Record<string, string>): string {
  return JSON.stringify(value).replace(/"<hole:(\w+)>"/g, (_, key: string) => holes[key]);
}
