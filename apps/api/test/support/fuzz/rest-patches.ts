import fc from 'fast-check';
import { HOSTILE_NUMBERS, hostileString, nestedJson } from './hostile-values';

/** JSON Pointer paths, from plausible to poisonous. */
const POINTERS = [
  '/metadata/labels/a',
  '/metadata/labels/a~1b',
  '/metadata/labels/~2',
  '/metadata/labels/~',
  '/metadata/name',
  '/metadata/uid',
  '/metadata/resourceVersion',
  '/metadata/creationTimestamp',
  '/metadata/managedFields',
  '/metadata/ownerReferences/0',
  '/spec/replicas',
  '/spec/template/spec/containers/0/image',
  '/spec/template/spec/containers/-',
  '/spec/template/spec/containers/99999999999',
  '/spec/template/spec/containers/-1',
  '/spec/template/spec/containers/01',
  '/spec/ports/0/port',
  '/data/key',
  '/data',
  '/status',
  '/kind',
  '/apiVersion',
  '/__proto__/polluted',
  '/constructor/prototype/polluted',
  '/metadata/__proto__/polluted',
  'metadata',
  '',
  '/',
  '//',
  `/${'a/'.repeat(2000)}b`,
  `/data/${'k'.repeat(10_000)}`,
];

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus', '', 'ADD'];

/** A value as JSON text: a hostile number, a hostile string, deep nesting, or a structure of the wrong shape. */
const value = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_NUMBERS),
    hostileString().map((s) => JSON.stringify(s)),
    fc.constantFrom(nestedJson(10_000), nestedJson(10_000, true), '{"__proto__":{"polluted":true}}', '[{"name":"c","image":"i"}]', '{"a":"b"}'),
  );

const op = (): fc.Arbitrary<string> =>
  fc
    .record({ op: fc.constantFrom(...OPS), path: fc.constantFrom(...POINTERS), from: fc.option(fc.constantFrom(...POINTERS)), value: fc.option(value()), opAsNumber: fc.boolean() })
    .map((o) => {
      const parts = [`"op":${o.opAsNumber && o.op === 'bogus' ? '7' : JSON.stringify(o.op)}`, `"path":${JSON.stringify(o.path)}`];
      if (o.from !== null) parts.push(`"from":${JSON.stringify(o.from)}`);
      if (o.value !== null) parts.push(`"value":${o.value}`);
      return `{${parts.join(',')}}`;
    });

/** A JSON patch: a list of bad operations, or something that is not a list of operations at all. */
export const jsonPatch = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(op(), { minLength: 1, maxLength: 4 }).map((ops) => `[${ops.join(',')}]`) },
    fc.constantFrom('{}', '"x"', 'null', '[1]', '[[]]', '[{}]', '[null]', '[{"op":"add"}]', `[${Array(5000).fill('{"op":"test","path":"/kind","value":"x"}').join(',')}]`),
  );

/** Strategic merge patch directives in places and shapes they do not belong. */
const DIRECTIVES = [
  '{"$patch":"delete"}',
  '{"$patch":"replace"}',
  '{"$patch":"garbage"}',
  '{"$patch":5}',
  '{"spec":{"template":{"spec":{"containers":[{"$patch":"delete"}]}}}}',
  '{"spec":{"template":{"spec":{"containers":[{"name":"c","$patch":"bogus"}]}}}}',
  '{"spec":{"template":{"spec":{"containers":{"$patch":"replace"}}}}}',
  '{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"$patch":"delete"}]}]}}}}',
  '{"spec":{"template":{"spec":{"$setElementOrder/containers":"x"}}}}',
  '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":5}]}}}}',
  '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"nope":"c"}],"containers":[{"name":"d","image":"i"}]}}}}',
  '{"spec":{"$retainKeys":"x"}}',
  '{"spec":{"$retainKeys":[1,{}]}}',
  '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}',
  '{"metadata":{"$deleteFromPrimitiveList/finalizers":5}}',
  '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"finalizers":{"x":1}}}',
  '{"metadata":{"labels":{"$patch":"replace"}}}',
  '{"metadata":{"labels":{"$patch":"delete"}}}',
  '{"metadata":{"finalizers":[{"$patch":"delete"}]}}',
  '{"data":{"$patch":"delete"}}',
  '{"spec":{"ports":[{"$patch":"merge"}]}}',
  '{"spec":{"ports":[{"port":<num>,"$patch":"delete"}]}}',
  '{"$setElementOrder/":[]}',
  '{"$deleteFromPrimitiveList/":null}',
  '{"$retainKeys":null,"$patch":null}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

/** Merge patches that change what must not change, give the wrong types, or nest too deep. */
const MERGES = [
  '{"metadata":{"name":null}}',
  '{"metadata":null}',
  '{"metadata":"x"}',
  '{"metadata":{"labels":"x"}}',
  '{"metadata":{"uid":"not-a-uuid"}}',
  '{"metadata":{"resourceVersion":"<str>"}}',
  '{"metadata":{"namespace":"<str>"}}',
  '{"metadata":{"generateName":"<str>"}}',
  '{"metadata":{"ownerReferences":[{"uid":"<str>","name":1,"kind":null}]}}',
  '{"metadata":{"creationTimestamp":"<str>","deletionTimestamp":"<str>"}}',
  '{"metadata":{"finalizers":["<str>"]}}',
  '{"metadata":{"labels":{"<strkey>":"<str>"},"annotations":{"<strkey>":"<str>"}}}',
  '{"metadata":{"labels":{"a":<num>},"annotations":[<num>],"finalizers":{"<strkey>":<num>},"ownerReferences":"<str>"}}',
  '{"apiVersion":"v2","kind":"Secret"}',
  '{"spec":{"replicas":<num>}}',
  '{"spec":{"ports":[{"port":<num>,"nodePort":<num>}]}}',
  '{"spec":{"template":{"spec":{"containers":[{"name":"<str>","image":"<str>"}]}}}}',
  '{"spec":{"selector":{"matchLabels":{"<strkey>":"<str>"}}}}',
  '{"spec":{"selector":{"matchExpressions":[{"key":"<str>","operator":"<str>","values":<num>}]}}}',
  '{"data":{"key":<num>}}',
  '{"status":{"replicas":<num>,"conditions":"x"}}',
  `{"spec":${nestedJson(10_000)}}`,
  `{"metadata":{"annotations":${nestedJson(10_000)}}}`,
];

/** A strategic merge or JSON merge patch, its `<num>` and `<str>` filled with hostile values. */
export const mergePatch = (strategic: boolean): fc.Arbitrary<string> =>
  fc
    .record({ template: fc.constantFrom(...(strategic ? [...DIRECTIVES, ...MERGES] : MERGES)), num: fc.constantFrom(...HOSTILE_NUMBERS), str: hostileString(), key: hostileString() })
    .map(({ template, num, str, key }) =>
      template
        .replace(/<num>/g, num)
        .replace(/"<str>"/g, JSON.stringify(str))
        .replace(/"<strkey>"/g, JSON.stringify(key)),
    );
