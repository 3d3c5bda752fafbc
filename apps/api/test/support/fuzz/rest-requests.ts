import fc from 'fast-check';
import type { FuzzRequest, FuzzTargets } from './fuzz-request';
import { ACCEPTS, CONTENT_TYPES, hostileString } from './hostile-values';
import { BODY_KINDS, BROKEN_YAML, brokenJson, deepBody, objectBody, type Body } from './rest-bodies';
import { jsonPatch, mergePatch } from './rest-patches';
import { collection, paths, queries, rest, segment } from './rest-paths';

/** The existing objects updates and patches aim at (never the hook's Secret or the hook itself: deliveries need them intact). */
const patchTargets = (t: FuzzTargets): [string, string][] => [
  ['configmaps', t.configMap],
  ['deployments', t.deployment],
  ['services', t.service],
  ['pods', t.pod],
  ['namespaces', t.namespace],
];

/** Creates and updates whose bodies are broken, deep, or full of hostile values. */
function bodies(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const kind = fc.constantFrom(...BODY_KINDS);
  const body: fc.Arbitrary<[string, Body]> = kind.chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 4, arbitrary: objectBody(k) }, { weight: 2, arbitrary: brokenJson(k) }, deepBody(k))));
  const query = fc.constantFrom('', '?fieldValidation=Strict', '?dryRun=All', '?fieldValidation=Ignore', '?fieldManager=' + 'm'.repeat(200));
  return fc.record({ body, query, update: fc.boolean() }).map(({ body: [k, b], query: q, update }) => {
    const target = patchTargets(t).find(([kk]) => kk === k);
    if (update && target) {
      const path = k === 'namespaces' ? `/api/v1/namespaces/${target[1]}` : `${collection(k, 'default')}/${target[1]}`;
      return rest({ label: `update: ${b.label}`, method: 'PUT', path: path + q, raw: b.text, contentType: b.contentType });
    }
    return rest({ label: `create: ${b.label}`, method: 'POST', path: collection(k, t.namespace) + q, raw: b.text, contentType: b.contentType });
  });
}

/** YAML that is broken or hostile to its parser, under each YAML media type. */
function yaml(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.record({ text: fc.constantFrom(...BROKEN_YAML), type: fc.constantFrom('application/yaml', 'application/x-yaml', 'text/yaml') }).map(({ text, type }) =>
    rest({ label: 'broken YAML', method: 'POST', path: collection('configmaps', t.namespace), raw: text, contentType: type }),
  );
}

/** Bodies under media types they are not, patches under the wrong patch type, protobuf that is not protobuf. */
function contentTypes(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const raw = fc.oneof(
    fc.constant('{"metadata":{"name":"fuzz-a"}}'),
    fc.constant('[{"op":"add","path":"/metadata/labels/a","value":"b"}]'),
    fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
    fc.constant(Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])),
    fc.constant('name=x&data=y'),
  );
  return fc.record({ method: fc.constantFrom('POST', 'PUT', 'PATCH'), type: fc.constantFrom(...CONTENT_TYPES), raw, accept: fc.option(fc.constantFrom(...ACCEPTS)) }).map(({ method, type, raw, accept }) =>
    rest({
      label: `${method} as ${type || 'no media type'}`,
      method,
      path: method === 'POST' ? collection('configmaps', t.namespace) : `${collection('configmaps', 'default')}/${t.configMap}`,
      raw,
      contentType: type,
      accept: accept ?? undefined,
    }),
  );
}

/** Patches of every type (apply is refused), bad in the ways rest-patches.ts lists, on the targets and their status and scale. */
function patches(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const patch = fc.oneof(
    jsonPatch().map((text) => ({ text, type: 'application/json-patch+json' })),
    mergePatch(false).map((text) => ({ text, type: 'application/merge-patch+json' })),
    { weight: 2, arbitrary: mergePatch(true).map((text) => ({ text, type: 'application/strategic-merge-patch+json' })) },
    mergePatch(false).map((text) => ({ text, type: 'application/apply-patch+yaml' })),
  );
  return fc.record({ target: fc.constantFrom(...patchTargets(t)), patch, sub: fc.constantFrom('', '', '', '/status', '/scale') }).map(({ target: [kind, name], patch: p, sub }) => {
    const path = kind === 'namespaces' ? `/api/v1/namespaces/${name}${sub}` : `${collection(kind, 'default')}/${name}${sub}`;
    return rest({ label: `patch ${kind}${sub} (${p.type})`, method: 'PATCH', path, raw: p.text, contentType: p.type });
  });
}

/** Deletes whose options are garbage, in the body or the query. */
function deletes(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const options = fc.constantFrom(
    '{"gracePeriodSeconds":"abc"}',
    '{"gracePeriodSeconds":1e400}',
    '{"gracePeriodSeconds":-1e400}',
    '{"gracePeriodSeconds":18446744073709551616}',
    '{"preconditions":"x"}',
    '{"preconditions":{"uid":"not-a-uuid","resourceVersion":"abc"}}',
    '{"propagationPolicy":5}',
    '{"propagationPolicy":"Sideways"}',
    '{"dryRun":"x"}',
    '{"dryRun":["All","x"]}',
    '{"orphanDependents":"maybe"}',
    '{"kind":"Pod"}',
    '[1,2]',
    '"x"',
    '{',
  );
  return fc.record({ options, name: fc.constantFrom('fuzz-a', 'fuzz-b', 'nope'), kind: fc.constantFrom('configmaps', 'deployments', 'pods', 'services') }).map(({ options: o, name, kind }) =>
    rest({ label: `delete with options ${o.slice(0, 40)}`, method: 'DELETE', path: `${collection(kind, t.namespace)}/${name}`, raw: o, contentType: 'application/json' }),
  );
}

/** Subresources with bodies of the wrong shape, and the self-reviews kubectl auth can-i posts. */
function subresources(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const cases = fc.constantFrom<[string, string, string]>(
    ['PUT', `${collection('deployments', 'default')}/${t.deployment}/scale`, '{"spec":{"replicas":1e400}}'],
    ['PUT', `${collection('deployments', 'default')}/${t.deployment}/scale`, '{"spec":{"replicas":"3"}}'],
    ['PUT', `${collection('deployments', 'default')}/${t.deployment}/scale`, '{"spec":{"replicas":-1}}'],
    ['PUT', `${collection('deployments', 'default')}/${t.deployment}/scale`, '{"spec":null}'],
    ['PUT', `${collection('deployments', 'default')}/${t.deployment}/scale`, '"scale"'],
    ['PUT', `${collection('deployments', 'default')}/${t.deployment}/status`, '{"status":{"replicas":"x","conditions":[1]}}'],
    ['PUT', `${collection('configmaps', 'default')}/${t.configMap}/status`, '{}'],
    ['PUT', `/api/v1/namespaces/${t.namespace}/finalize`, '{"spec":{"finalizers":"x"}}'],
    ['POST', `${collection('pods', 'default')}/${t.pod}/binding`, '{"target":"node"}'],
    ['POST', `${collection('pods', 'default')}/${t.pod}/binding`, '{"target":{"name":["a"]}}'],
    ['POST', `${collection('pods', 'default')}/${t.pod}/binding`, '{"target":{"name":"../../etc"}}'],
    ['POST', `${collection('pods', 'default')}/${t.pod}/eviction`, '{"kind":"Eviction","deleteOptions":"x"}'],
    ['POST', `${collection('pods', 'default')}/${t.pod}/eviction`, '{"kind":"Eviction","metadata":"x"}'],
    ['POST', `${collection('pods', 'default')}/${t.pod}/eviction`, '{"kind":"Eviction","deleteOptions":{"gracePeriodSeconds":"x","preconditions":{"uid":5}}}'],
    ['POST', `${collection('pods', 'default')}/nope/eviction`, '{"kind":"Eviction","metadata":{"name":"nope"}}'],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '{"spec":"x"}'],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '{"spec":{"resourceAttributes":{"verb":5,"resource":["a"]}}}'],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '{"spec":{"nonResourceAttributes":{"path":null}}}'],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', '{"spec":{"namespace":{"a":1}}}'],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', 'null'],
  );
  return cases.map(([method, path, raw]) => rest({ label: `${method} ${path.split('/').slice(-1)[0]} with a bad body`, method, path, raw, contentType: 'application/json' }));
}

/** Skiff's own endpoints: accounts, tokens, audit, metrics, deliveries, login, join. */
function skiffEndpoints(): fc.Arbitrary<FuzzRequest> {
  const body = fc.oneof(
    fc.constantFrom('{', 'null', '[]', '"x"', '{"name":5}', '{"name":"x","password":["a"]}', '{"expiresInSeconds":1e400}', '{"expiresInSeconds":-1,"name":"t"}', '{"groups":"system:masters"}'),
    fc.record({ name: hostileString(), password: hostileString(), groups: fc.array(hostileString(), { maxLength: 3 }), expiresInSeconds: fc.constantFrom(-1, 1.5, 1e21, 0) }).map((o) => JSON.stringify(o)),
  );
  const route = fc.constantFrom<[string, string]>(
    ['POST', '/skiff/v1/users'],
    ['PUT', '/skiff/v1/users/{h}/password'],
    ['DELETE', '/skiff/v1/users/{h}'],
    ['POST', '/skiff/v1/tokens'],
    ['GET', '/skiff/v1/tokens?user={h}'],
    ['DELETE', '/skiff/v1/tokens/{h}'],
    ['GET', '/skiff/v1/audit?limit={h}&since={h}'],
    ['GET', '/skiff/v1/audit?user={h}&namespace={h}&name={h}&verb={h}'],
    ['GET', '/skiff/v1/metrics/history?window={h}&namespace={h}&pod={h}'],
    ['POST', '/skiff/v1/metrics'],
    ['POST', '/skiff/v1/join'],
    ['GET', '/skiff/v1/namespaces/{h}/deployhooks/{h}/deliveries?limit={h}'],
    ['GET', '/skiff/v1/session'],
    ['POST', '/skiff/v1/logout'],
    ['POST', '/skiff/v1/login'],
    ['GET', '/skiff/v1/nope'],
  );
  return fc.record({ route, body, h: hostileString() }).map(({ route: [method, path], body: b, h }) =>
    rest({
      label: `${method} ${path.split('?')[0]}`,
      method,
      path: path.replace(/\{h\}/g, segment(h, 1)),
      // The login is public: ask it without a token, as the dashboard does.
      ...(path === '/skiff/v1/login' ? { token: null } : {}),
      ...(method === 'POST' || method === 'PUT' ? { raw: b, contentType: 'application/json' } : {}),
    }),
  );
}

/** Tokens that are missing, wrong, or absurd. */
function credentials(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ token: fc.constantFrom<string | null>(null, '', 'garbage', 'x'.repeat(10_000), "' OR 1=1 --", 'Bearer Bearer', 'a.b.c'), path: fc.constantFrom(collection('configmaps', 'default'), '/apis', '/skiff/v1/session', '/api/v1/nodes') })
    .map(({ token, path }) => rest({ label: 'bad credentials', method: 'GET', path, token }));
}

/** The REST surface: the Kubernetes API and Skiff's own endpoints. */
export function restRequests(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 8, arbitrary: bodies(t) },
    { weight: 2, arbitrary: yaml(t) },
    { weight: 3, arbitrary: contentTypes(t) },
    { weight: 6, arbitrary: patches(t) },
    { weight: 6, arbitrary: paths(t) },
    { weight: 6, arbitrary: queries(t) },
    { weight: 2, arbitrary: deletes(t) },
    { weight: 2, arbitrary: subresources(t) },
    { weight: 2, arbitrary: skiffEndpoints() },
    { weight: 1, arbitrary: credentials(t) },
  );
}

/** Bodies just over the Kubernetes API's limit (3 MiB): a few per batch, they are costly. */
export function oversizedRequests(t: FuzzTargets, maxBytes: number): FuzzRequest[] {
  const huge = JSON.stringify({ metadata: { name: 'fuzz-a' }, data: { x: 'a'.repeat(maxBytes) } });
  return [
    rest({ label: 'a create over the limit', method: 'POST', path: collection('configmaps', t.namespace), raw: huge, contentType: 'application/json' }),
    rest({ label: 'a patch over the limit', method: 'PATCH', path: `${collection('configmaps', 'default')}/${t.configMap}`, raw: huge, contentType: 'application/merge-patch+json' }),
    rest({ label: 'a body over the limit under a wrong media type', method: 'POST', path: collection('configmaps', t.namespace), raw: huge, contentType: 'text/plain' }),
  ];
}
