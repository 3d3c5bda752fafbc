import fc from 'fast-check';
import { getIntrospectionQuery } from 'graphql';
import type { FuzzRequest, FuzzTargets } from './fuzz-request';
import { HOSTILE_SELECTORS, hostileString, nestedJson } from './hostile-values';
import { BROKEN_YAML, deepBody, objectBody } from './rest-bodies';

const gql = (label: string, raw: string | Buffer, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({ surface: 'graphql', label, method: 'POST', path: '/graphql', raw, contentType: 'application/json', kubeStatus: false, ...extra });

const VALID = '{ deployments(namespace: "default") { metadata { name } spec { replicas } } }';

/** Text that is not GraphQL, or only nearly. */
function syntax(): fc.Arbitrary<FuzzRequest> {
  const broken = fc.oneof(
    fc.nat({ max: VALID.length - 1 }).map((at) => VALID.slice(0, at)),
    fc.tuple(fc.nat({ max: VALID.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([at, ch]) => VALID.slice(0, at) + ch + VALID.slice(at + 1)),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom(
      '{',
      'query {{',
      '}}}',
      'query ($a: ) { __typename }',
      'query Q { __typename } query Q { __typename }',
      'subscription { podChanged { type } }',
      `{ ${'f'.repeat(100_000)} }`,
      `${'{'.repeat(10_000)}${'}'.repeat(10_000)}`,
      `{ deployments(namespace: "${'\\u0000'.repeat(100)}") { metadata { name } } }`,
      '{ deployments(namespace: "\\ud800") { metadata { name } } }',
      '{ __typename @include(if: true) @include(if: true) @skip(if: "x") @nope }',
      `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      'fragment A on Deployment { ...B } fragment B on Deployment { ...A } { deployments { ...A } }',
      '{ ...on Query { ...on Query { ...on Query { __typename } } } }',
      '{ ...Nope deployments { ...AlsoNope } }',
      // Each fragment spreads the one before twice: 2^40 fields if expanded.
      `${Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')} fragment F0 on Query { deployments { metadata { name } } } { ...F40 }`,
      `${'{ ...on Query '.repeat(1500)}{ __typename }${' }'.repeat(1500)}`,
    ),
  );
  return broken.map((query) => gql('broken GraphQL syntax', JSON.stringify({ query })));
}

/** Fields that do not exist, arguments that do not exist, and selections where none belong. */
function unknownFields(): fc.Arbitrary<FuzzRequest> {
  return fc
    .constantFrom(
      '{ nope }',
      '{ deployments { nope } }',
      '{ deployments(nope: 1) { metadata { name } } }',
      '{ deployments }',
      '{ me { name { first } } }',
      '{ __schema { nope } }',
      '{ deployment(namespace: "default") { metadata { name } } }',
      '{ deployments(namespace: 5) { metadata { name } } }',
      'mutation { nope }',
      '{ deployments(labelSelector: ["a"]) { metadata { name } } }',
    )
    .map((query) => gql('unknown fields and arguments', JSON.stringify({ query })));
}

/** Deployment → pods → node → pods → … `depth` times: past the depth limit, and past what a recursive parser survives. */
function deep(): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(16, 40, 500, 5_000).map((depth) => {
    let sel = 'metadata { name }';
    for (let i = 0; i < depth; i++) sel = i % 2 ? `node { ${sel} }` : `pods { ${sel} }`;
    return gql(`a query ${depth} deep`, JSON.stringify({ query: `{ deployment(namespace: "default", name: "web") { ${sel} } }` }));
  });
}

/** Queries the cost limit must refuse before they run. */
function costly(): fc.Arbitrary<FuzzRequest> {
  return fc
    .constantFrom(
      '{ deployments { replicaSets { pods { events { metadata { name } } node { pods { metadata { name } } } } } } }',
      `{ ${Array.from({ length: 1500 }, (_, i) => `d${i}: deployments { metadata { name } }`).join(' ')} }`,
      `{ deployments { ${Array.from({ length: 1000 }, (_, i) => `m${i}: metadata { name }`).join(' ')} } }`,
      `{ nodes { pods { events { metadata { name } } } } pods { node { pods { node { pods { metadata { name } } } } } } }`,
    )
    .map((query) => gql('a too costly query', JSON.stringify({ query })));
}

const SELECTOR_QUERY = 'query($s: String, $f: String) { configMaps(namespace: "default", labelSelector: $s, fieldSelector: $f) { metadata { name } } }';

/** Variables: enormous, of the wrong type, of the wrong shape, or selectors no parser should choke on. */
function variables(): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    fc.record({ s: fc.option(fc.constantFrom(...HOSTILE_SELECTORS)), f: fc.option(fc.constantFrom(...HOSTILE_SELECTORS)) }).map((v) => gql('hostile selectors', JSON.stringify({ query: SELECTOR_QUERY, variables: v }))),
    fc
      .constantFrom(
        `{"query":"query($x: String) { __typename }","variables":{"x":"${'a'.repeat(2_000_000)}"}}`,
        `{"query":"query($x: String) { __typename }","variables":{${Array.from({ length: 50_000 }, (_, i) => `"v${i}":1`).join(',')}}}`,
        `{"query":"query($x: String) { __typename }","variables":{"x":${nestedJson(10_000)}}}`,
        `{"query":"query($x: String) { __typename }","variables":{"x":${nestedJson(10_000, true)}}}`,
        '{"query":"query($n: Int!) { __typename }","variables":{"n":"abc"}}',
        '{"query":"query($n: Int!) { __typename }","variables":{"n":1e400}}',
        '{"query":"query($n: Int!) { __typename }","variables":{"n":2147483648}}',
        '{"query":"query($n: Int!) { __typename }","variables":{}}',
        '{"query":"query($n: Int!) { __typename }","variables":"x"}',
        '{"query":"query($n: Int!) { __typename }","variables":[1]}',
        '{"query":"query($n: Nope) { __typename }","variables":{"n":1}}',
        '{"query":"{ __typename }","variables":{"__proto__":{"polluted":true}}}',
        '{"query":"{ __typename }","operationName":5}',
        '{"query":"{ __typename }","operationName":"Nope"}',
        '{"query":5}',
        '{"query":null}',
        '{}',
        '{"query":"{ __typename }","extensions":"x"}',
        '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000"}}}',
        '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}',
        '{"extensions":{"persistedQuery":{"version":"x","sha256Hash":5}}}',
      )
      .map((raw) => gql('hostile variables', raw)),
  );
}

/** Bodies that are not one operation: batches, empty arrays, broken JSON, the wrong media type, GET. */
function envelopes(): fc.Arbitrary<FuzzRequest> {
  const q = JSON.stringify({ query: '{ __typename }' });
  return fc.oneof(
    fc.constantFrom(`[${q},${q}]`, '[]', '[1,2]', `[${Array(500).fill(q).join(',')}]`, '{', '', 'null', '"x"', `${q}garbage`).map((raw) => gql('a batch or a broken envelope', raw)),
    fc.constantFrom('text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '').map((contentType) => gql(`a query as ${contentType || 'no media type'}`, q, { contentType })),
    fc
      .constantFrom('?query=%7B__typename%7D', '?query=mutation%7Bcordon(node%3A%22x%22)%7D', '?query=%7B', '?variables=%7B', '?query=%7B__typename%7D&variables=x&extensions=y', '')
      .map((query) => gql('GET /graphql', Buffer.alloc(0), { method: 'GET', path: `/graphql${query}`, raw: undefined, contentType: undefined, headers: { 'apollo-require-preflight': 'true' } })),
    fc.constantFrom('PUT', 'DELETE', 'PATCH').map((method) => gql(`${method} /graphql`, q, { method })),
  );
}

/** The schema, asked for over and over (the fuzzer checks it does not grow the heap). */
function introspection(): fc.Arbitrary<FuzzRequest> {
  return fc
    .constantFrom(getIntrospectionQuery(), '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }', '{ __type(name: "Deployment") { fields { name } } }', '{ __type(name: "\\u0000") { name } }')
    .map((query) => gql('introspection', JSON.stringify({ query })));
}

const INTS = ['-1', '2147483648', '1.5', '"3"', 'null', '1e400', 'true', '0', '-2147483649'];

/** Mutations and history queries with arguments that must be refused. */
function mutations(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const templates: string[] = [
    'mutation($s: String!, $t: String!, $i: Int!) { scale(kind: $s, name: $t, replicas: $i) }',
    `mutation($i: Int!) { scale(kind: "deploy", name: "${t.deployment}", replicas: $i) }`,
    'mutation($s: String!, $t: String!) { setImage(kind: "deploy", name: $s, image: $t) }',
    `mutation($t: String!) { setImage(kind: "deploy", name: "${t.deployment}", container: $t, image: "web:1.0") }`,
    'mutation($s: String!, $t: String) { restart(kind: $s, name: "nope", changeCause: $t) }',
    `mutation($i: Int) { rollback(kind: "deploy", name: "${t.deployment}", toRevision: $i) { revision } }`,
    'mutation($s: String!) { cordon(node: $s) }',
    'mutation($s: String!, $i: Int) { drain(node: $s, gracePeriodSeconds: $i) { warnings } }',
    'mutation($s: String!, $t: String) { delete(kind: $s, name: "nope", propagationPolicy: $t) }',
    'mutation($s: String!, $t: String!) { createUser(name: $s, password: $t, groups: ["system:masters"]) { name } }',
    'mutation($s: String!, $t: String!) { setPassword(name: $s, password: $t) }',
    'mutation($s: String!, $i: Int) { createToken(name: $s, user: "nope-user", expiresInSeconds: $i) { token } }',
    'mutation($s: String!) { revokeToken(id: $s) }',
    'mutation($s: String, $i: Int, $t: String) { kubeconfig(user: $s, expiresInSeconds: $i, namespace: $t) }',
    'mutation($s: String, $t: String) { grantRole(user: $s, clusterRole: $t, namespace: "default") }',
    'mutation($s: String!, $t: String) { revokeRole(bindingName: $s, namespace: $t) }',
    'query($s: String!, $i: Int, $t: String) { objectAt(kind: $s, name: "target", revision: $i, time: $t) }',
    `query($i: Int, $t: String) { objectRevisions(kind: "configmaps", name: "${t.configMap}", limit: $i, continue: $t) { items { revision } } }`,
    `query($s: String!, $t: String!) { objectDiff(kind: "cm", name: "${t.configMap}", from: $s, to: $t) { unified } }`,
  ];
  const call = fc.record({ query: fc.constantFrom(...templates), s: hostileString(), t: hostileString(), i: fc.constantFrom(...INTS) }).map(({ query, s, t: tt, i }) => {
    const raw = `{"query":${JSON.stringify(query)},"variables":{"s":${JSON.stringify(s)},"t":${JSON.stringify(tt)},"i":${i}}}`;
    return gql(`mutation ${query.split('{')[1].trim().split('(')[0]}`, raw);
  });
  const manifest = fc.oneof(fc.constantFrom(...BROKEN_YAML), objectBody('configmaps').map((b) => b.text), objectBody('deployments').map((b) => b.text), deepBody('deployments').map((b) => b.text), fc.constant(`[${'{"kind":"List","items":['.repeat(2000)}${']}'.repeat(2000)}]`));
  const apply = fc.record({ m: manifest, ns: fc.option(hostileString()) }).map(({ m, ns }) =>
    gql('apply a hostile manifest', JSON.stringify({ query: 'mutation($m: String!, $ns: String) { apply(manifest: $m, namespace: $ns) { kind name action } }', variables: { m, ns: ns ?? t.namespace } })),
  );
  return fc.oneof({ weight: 3, arbitrary: call }, apply);
}

/** The GraphQL surface: POST (and GET) /graphql. */
export function graphqlRequests(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 3, arbitrary: syntax() },
    { weight: 2, arbitrary: unknownFields() },
    { weight: 2, arbitrary: deep() },
    { weight: 2, arbitrary: costly() },
    { weight: 3, arbitrary: variables() },
    { weight: 2, arbitrary: envelopes() },
    { weight: 1, arbitrary: introspection() },
    { weight: 5, arbitrary: mutations(t) },
    { weight: 1, arbitrary: fc.constantFrom(null, 'garbage').map((token) => gql('no or a wrong token', JSON.stringify({ query: '{ me { name } }' }), { token })) },
  );
}
