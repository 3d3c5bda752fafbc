import fc from 'fast-check';
import type { KubeObject } from '../meta/types';
import { validateObject } from './object-validation';
import { defaulted, type Json } from './test-fixtures';

const runs = { numRuns: 500 };

// Names and keys in the formats Kubernetes accepts.
const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,14}[a-z0-9])?$/);
const dnsSubdomain = fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const qualifiedName = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?$/);
const qualifiedKey = fc.tuple(fc.option(dnsSubdomain, { nil: undefined }), qualifiedName).map(([prefix, name]) => (prefix ? `${prefix}/${name}` : name));
const labelValue = fc.oneof(fc.constant(''), qualifiedName);
const labels = fc.dictionary(qualifiedKey, labelValue, { maxKeys: 4, noNullPrototype: true });
const annotations = fc.dictionary(qualifiedKey, fc.string({ unit: 'grapheme', maxLength: 20 }), { maxKeys: 3, noNullPrototype: true });
const image = fc.constantFrom('nginx', 'nginx:1.27', 'busybox:latest', `registry.example.com:5000/team/app@sha256:${'ab'.repeat(32)}`);
const portName = fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,6})?$/);
const envName = fc.string({ unit: fc.constantFrom(...'ABCXYZ_abc019.-:/ '), minLength: 1, maxLength: 8 });

/** A request no larger than its limit, in varied spellings. */
const cpu = fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 4000 })).map(([req, extra]) => ({ request: `${req}m`, limit: `${(req + extra) / 1000}` }));
const memory = fc.tuple(fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 0, max: 4 })).map(([mi, times]) => ({ request: `${mi}Mi`, limit: `${mi * 1024 * 1024 * (times + 1)}` }));
const resources = fc.option(
  fc.tuple(cpu, memory, fc.boolean()).map(([c, m, withLimits]) =>
    withLimits ? { requests: { cpu: c.request, memory: m.request }, limits: { cpu: c.limit, memory: m.limit } } : { requests: { cpu: c.request, memory: m.request } },
  ),
  { nil: undefined },
);

const probe = fc.oneof(
  fc.record({ httpGet: fc.record({ path: fc.constantFrom('/', '/healthz'), port: fc.integer({ min: 1, max: 65535 }) }) }),
  fc.record({ tcpSocket: fc.record({ port: fc.integer({ min: 1, max: 65535 }) }) }),
  fc.record({ exec: fc.record({ command: fc.array(fc.string(), { minLength: 1, maxLength: 3 }) }) }),
);

const mountPath = fc.stringMatching(/^\/[a-z]{1,8}$/);

// Built per pod (inside `chain`), so it holds no costly arbitraries of its own.
function container(name: string, volumes: string[]): fc.Arbitrary<Json> {
  return fc.record(
    {
      name: fc.constant(name),
      image,
      command: fc.array(fc.string(), { maxLength: 2 }),
      ports: fc
        .uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 })
        .chain((nums) => fc.tuple(...nums.map((n, i) => fc.option(portName.map((p) => `${p}${i}`), { nil: undefined }).map((pn) => ({ containerPort: n, ...(pn ? { name: pn } : {}) }))))),
      env: fc.uniqueArray(
        fc.oneof(
          fc.record({ name: envName, value: fc.string() }),
          fc.record({ name: envName, valueFrom: fc.record({ fieldRef: fc.record({ fieldPath: fc.constantFrom('metadata.name', 'status.podIP', "metadata.labels['app']") }) }) }),
        ),
        { selector: (e) => e.name, maxLength: 3 },
      ),
      resources,
      readinessProbe: probe,
      livenessProbe: probe,
      volumeMounts: volumes.length
        ? fc.uniqueArray(fc.record({ name: fc.constantFrom(...volumes), mountPath }), { selector: (m) => m.mountPath, maxLength: 2 })
        : fc.constant([]),
    },
    { requiredKeys: ['name', 'image'] },
  );
}

const toleration = fc.oneof(
  fc.record({ key: qualifiedKey, operator: fc.constant('Equal'), value: labelValue, effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule') }),
  fc.record({ key: qualifiedKey, operator: fc.constant('Exists'), effect: fc.constant('NoExecute'), tolerationSeconds: fc.nat(3600) }),
  fc.record({ operator: fc.constant('Exists') }),
);

const podSpec: fc.Arbitrary<Json> = fc
  .record({
    names: fc.uniqueArray(dnsLabel, { minLength: 1, maxLength: 4 }),
    volumes: fc.uniqueArray(dnsLabel, { maxLength: 3 }),
    initCount: fc.nat(1),
  })
  .chain(({ names, volumes, initCount }) => {
    const init = names.length > 1 ? names.slice(0, initCount) : [];
    const main = names.slice(init.length);
    return fc.record(
      {
        containers: fc.tuple(...main.map((n) => container(n, volumes))),
        initContainers: fc.tuple(...init.map((n) => container(n, volumes).map(({ readinessProbe: _r, livenessProbe: _l, ...rest }) => rest))),
        volumes: fc.tuple(...volumes.map((v) => fc.oneof(fc.constant({ name: v, emptyDir: {} }), dnsSubdomain.map((cm) => ({ name: v, configMap: { name: cm } }))))),
        restartPolicy: fc.constantFrom('Always', 'OnFailure', 'Never'),
        nodeSelector: labels,
        tolerations: fc.array(toleration, { maxLength: 2 }),
        terminationGracePeriodSeconds: fc.nat(600),
        serviceAccountName: dnsSubdomain,
        hostname: dnsLabel,
      },
      { requiredKeys: ['containers', 'volumes'] },
    );
  });

const meta = (extra: Json = {}) => fc.record({ name: dnsLabel, namespace: dnsLabel, labels, annotations }).map((m) => ({ ...m, ...extra }));

const pod = fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata: meta(), spec: podSpec });

/** A selector the template's labels satisfy: the selector is a non-empty part of them. */
const selectedTemplate = fc.tuple(labels, fc.dictionary(qualifiedKey, labelValue, { minKeys: 1, maxKeys: 3, noNullPrototype: true }), podSpec).map(([extra, selected, spec]) => ({
  selector: { matchLabels: selected },
  template: { metadata: { labels: { ...extra, ...selected } }, spec: { ...spec, restartPolicy: 'Always' } },
}));

const deployment = fc
  .tuple(meta(), selectedTemplate, fc.nat(20), fc.constantFrom<[unknown, unknown]>(['25%', '25%'], [1, 0], [0, '50%'], ['100%', 3]))
  .map(([metadata, selected, replicas, [maxSurge, maxUnavailable]]) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: { ...selected, replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
  }));

const service = fc
  .tuple(meta(), labels, fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('ClusterIP', 'NodePort'))
  .map(([metadata, selector, ports, type]) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { type, selector, ports: ports.map((port, i) => ({ name: `port-${i}`, port, targetPort: ports.length - i })) },
  }));

const configMapKey = fc.stringMatching(/^[-._a-zA-Z0-9]{1,20}$/).filter((k) => k !== '.' && !k.startsWith('..'));
const configMap = fc.tuple(meta(), fc.dictionary(configMapKey, fc.string({ unit: 'grapheme' }), { maxKeys: 4, noNullPrototype: true })).map(([metadata, data]) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata,
  data,
}));

const secret = fc
  .tuple(meta(), fc.dictionary(configMapKey, fc.uint8Array({ maxLength: 16 }), { maxKeys: 4, noNullPrototype: true }))
  .map(([metadata, bytes]) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    data: Object.fromEntries(Object.entries(bytes).map(([k, b]) => [k, Buffer.from(b).toString('base64')])),
  }));

const namespace = fc.tuple(dnsLabel, labels).map(([name, l]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: l } }));

describe('validation of valid objects', () => {
  it.each([
    ['Pod', pod],
    ['Deployment', deployment],
    ['Service', service],
    ['ConfigMap', configMap],
    ['Secret', secret],
    ['Namespace', namespace],
  ] as [string, fc.Arbitrary<Json>][])('finds nothing wrong with a valid %s, once defaulted', (kind, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (obj) => {
        expect(validateObject(kind, defaulted(kind, obj) as KubeObject)).toEqual([]);
      }),
      runs,
    );
  });
});
