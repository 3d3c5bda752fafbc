import fc from 'fast-check';
import { HOSTILE_NUMBERS, hostileString, jsonWithHoles, nestedJson } from './hostile-values';

/** A request body and the media type it is sent as. */
export interface Body {
  label: string;
  text: string;
  contentType: string;
}

/** Valid names, few of them: a body that happens to be valid makes one of these objects and no more. */
export const FUZZ_NAMES = ['fuzz-a', 'fuzz-b', 'fuzz-c'];

const name = () => fc.oneof(fc.constantFrom(...FUZZ_NAMES), hostileString());
const number = () => fc.constantFrom(...HOSTILE_NUMBERS);

/** Objects of several kinds, each with a number and a string where they do harm, as JSON text with holes. */
const TEMPLATES: Record<string, (n: string) => unknown> = {
  configmaps: (n) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: n, labels: { app: '<hole:str>' }, finalizers: '<hole:num2>', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '<hole:str>' }] },
    data: { key: '<hole:str>' },
    binaryData: { b: '<hole:str>' },
  }),
  secrets: (n) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: n }, data: { token: '<hole:str>' }, type: '<hole:str>' }),
  deployments: (n) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: n },
    spec: {
      replicas: '<hole:num>',
      revisionHistoryLimit: '<hole:num2>',
      selector: { matchLabels: { app: 'fuzz' } },
      template: { metadata: { labels: { app: 'fuzz' } }, spec: { containers: [{ name: 'c', image: '<hole:str>', ports: [{ containerPort: '<hole:num2>' }] }] } },
    },
  }),
  services: (n) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: n }, spec: { type: '<hole:str>', selector: { app: 'fuzz' }, ports: [{ port: '<hole:num>', nodePort: '<hole:num2>', targetPort: '<hole:str>' }] } }),
  pods: (n) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: n },
    spec: {
      terminationGracePeriodSeconds: '<hole:num>',
      containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '<hole:str>', memory: '<hole:num2>' } }, command: ['<hole:str>'] }],
    },
  }),
  namespaces: (n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n, labels: { '<hole:key>': 'x' } } }),
  horizontalpodautoscalers: (n) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: n },
    spec: { scaleTargetRef: { kind: 'Deployment', name: '<hole:str>' }, minReplicas: '<hole:num>', maxReplicas: '<hole:num2>' },
  }),
  deployhooks: (n) => ({ apiVersion: 'skiff.io/v1alpha1', kind: 'DeployHook', metadata: { name: n }, spec: { target: { kind: '<hole:str>', name: 'web' }, secretRef: { name: '<hole:str>' }, tagPatterns: ['<hole:str>'] } }),
  roles: (n) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: n }, rules: [{ apiGroups: ['<hole:str>'], resources: '<hole:num>', verbs: ['*'] }] }),
};

export const BODY_KINDS = Object.keys(TEMPLATES);

/** A whole object of `kind`, its holes filled with hostile values, as JSON or (the same text) YAML. */
export function objectBody(kind: string): fc.Arbitrary<Body> {
  return fc
    .record({ n: name(), str: hostileString(), num: number(), num2: number(), key: hostileString(), yaml: fc.boolean() })
    .map(({ n, str, num, num2, key, yaml }) => ({
      label: `${kind} with hostile fields`,
      text: jsonWithHoles(TEMPLATES[kind](n), { str: JSON.stringify(str), num, num2, key: JSON.stringify(key) }),
      contentType: yaml ? 'application/yaml' : 'application/json',
    }));
}

/** A valid-looking object of `kind` with ten thousand levels of nesting where a field should be. */
export function deepBody(kind: string): fc.Arbitrary<Body> {
  return fc.record({ where: fc.constantFrom('str', 'num', 'num2', 'key'), array: fc.boolean(), depth: fc.constantFrom(1_000, 10_000, 50_000) }).map(({ where, array, depth }) => {
    const holes: Record<string, string> = { str: '"x"', num: '1', num2: '1', key: '"k"', [where]: nestedJson(depth, array) };
    return { label: `${kind} nested ${depth} deep at ${where}`, text: jsonWithHoles(TEMPLATES[kind](FUZZ_NAMES[0]), holes), contentType: 'application/json' };
  });
}

/** A valid object's JSON, broken: cut short, a byte changed, garbage around it. */
export function brokenJson(kind: string): fc.Arbitrary<Body> {
  const valid = jsonWithHoles(TEMPLATES[kind](FUZZ_NAMES[0]), { str: '"x"', num: '1', num2: '2', key: '"k"' });
  return fc.record({ at: fc.nat({ max: valid.length - 1 }), ch: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), how: fc.nat({ max: 7 }) }).map(({ at, ch, how }) => {
    const texts = [
      valid.slice(0, at),
      valid.slice(0, at) + ch + valid.slice(at + 1),
      valid + ch,
      `\uFEFF${valid}`,
      valid.replace(/:/g, '=').slice(0, at + 1),
      `${valid},${valid}`,
      valid.replace('{', '{"metadata":1,"metadata":{"name":"dup"},'),
      valid.replace(/"/g, "'"),
    ];
    return { label: `${kind} with broken JSON (${how})`, text: texts[how], contentType: 'application/json' };
  });
}

/** YAML that is broken, hostile to its parser, or both. */
export const BROKEN_YAML: string[] = [
  'metadata: [a\n  b: }',
  'metadata:\n\tname: tabbed',
  'metadata: {name: x\n',
  ': : :',
  '--- !<tag:evil> {}\n',
  'a: !!js/function "function(){ return 1 }"',
  'data: !!binary "%%%%"',
  'metadata: !!timestamp garbage',
  '? [complex, key]\n: value',
  '<<: *nothing',
  '%YAML 9.9\n---\nmetadata: {}',
  'metadata: {name: a}\n---\nmetadata: {name: b}\n---\n',
  `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}`,
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'- '.repeat(2_000)}x`,
  `metadata:\n  name: x\n  labels: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`,
  'metadata:\n  name: "unterminated',
  'metadata:\n  name: x\n metadata: y',
  '\u0000\u0001\u0002',
  'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: fuzz-a\ndata:\n  k: !!int 1e400',
];
