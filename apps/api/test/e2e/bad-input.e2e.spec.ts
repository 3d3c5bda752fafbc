import { startTestApi, type TestApi } from '../support/test-server';

/** Every bad request gets a 4xx Kubernetes Status naming what is wrong, and the server keeps serving. */
describe('bad input', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const cms = '/api/v1/namespaces/default/configmaps';
  const deploys = '/apis/apps/v1/namespaces/default/deployments';

  function expectStatus(res: { status: number; body: any }, code: number) {
    expect(res.status).toBe(code);
    expect(res.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code });
    expect(typeof res.body.message).toBe('string');
  }

  const cases: [string, () => Promise<{ status: number; body: any }>, number, (b: any) => void][] = [
    ['malformed JSON', () => api.call('POST', cms, { raw: '{"metadata": {', contentType: 'application/json' }), 400, () => undefined],
    ['malformed YAML', () => api.call('POST', cms, { raw: 'metadata: [a\n  b: }', contentType: 'application/yaml' }), 400, () => undefined],
    ['a JSON array body', () => api.call('POST', cms, { body: [1, 2] }), 400, () => undefined],
    ['the wrong kind for the path', () => api.call('POST', cms, { body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } } }), 400, (b) => expect(b.message).toContain('ConfigMap')],
    ['the wrong apiVersion for the path', () => api.call('POST', deploys, { body: { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } } }), 400, (b) => expect(b.message).toContain('apps/v1')],
    ['a bad name', () => api.call('POST', cms, { body: { metadata: { name: 'Not_Valid' } } }), 422, (b) => expect(b.details.causes[0].field).toBe('metadata.name')],
    ['a missing name', () => api.call('POST', cms, { body: { metadata: {} } }), 422, (b) => expect(b.details.causes[0].field).toBe('metadata.name')],
    [
      'a selector that does not match the template',
      () =>
        api.call('POST', deploys, {
          body: {
            metadata: { name: 'mismatch' },
            spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
          },
        }),
      422,
      (b) => expect(b.details.causes.map((c: any) => c.field)).toContain('spec.template.metadata.labels'),
    ],
    ['an unknown field with fieldValidation=Strict', () => api.call('POST', `${cms}?fieldValidation=Strict`, { body: { metadata: { name: 'strict' }, dataa: {} } }), 400, (b) => expect(b.message).toContain('unknown field "dataa"')],
    ['a body over 3 MiB', () => api.call('POST', cms, { raw: JSON.stringify({ metadata: { name: 'huge' }, data: { x: 'a'.repeat(3 * 1024 * 1024 + 10) } }) }), 413, () => undefined],
    ['an unsupported media type', () => api.call('POST', cms, { raw: '<xml/>', contentType: 'application/xml' }), 415, () => undefined],
    ['an unsupported patch type', () => api.call('PATCH', `${cms}/x`, { raw: '{}', contentType: 'application/json' }), 415, () => undefined],
    ['a bad label selector', () => api.call('GET', `${cms}?labelSelector=${encodeURIComponent('env in (a')}`), 400, () => undefined],
    ['an unsupported field selector', () => api.call('GET', `${cms}?fieldSelector=spec.foo%3Dbar`), 400, (b) => expect(b.message).toContain('"spec.foo" is not a known field selector')],
    ['a bad JSON patch', () => api.call('PATCH', `${cms}/target`, { raw: '{"not":"a list"}', contentType: 'application/json-patch+json' }), 400, () => undefined],
    ['a JSON patch whose test fails', () => api.call('PATCH', `${cms}/target`, { raw: '[{"op":"test","path":"/data/a","value":"nope"}]', contentType: 'application/json-patch+json' }), 422, () => undefined],
    ['a merge patch that is not an object', () => api.call('PATCH', `${cms}/target`, { raw: '"just a string"', contentType: 'application/merge-patch+json' }), 400, () => undefined],
    ['an unknown resource', () => api.call('GET', '/api/v1/namespaces/default/widgets'), 404, () => undefined],
    ['a missing namespace', () => api.call('POST', '/api/v1/namespaces/nope/configmaps', { body: { metadata: { name: 'x' } } }), 404, (b) => expect(b.message).toContain('namespaces "nope" not found')],
    ['no token', () => api.call('GET', cms, { token: null }), 401, () => undefined],
    ['a wrong token', () => api.call('GET', cms, { token: 'nope' }), 401, () => undefined],
    ['a bad dryRun value', () => api.call('POST', `${cms}?dryRun=Some`, { body: { metadata: { name: 'x' } } }), 400, () => undefined],
    ['a bad resourceVersion for watch', () => api.call('GET', `${cms}?watch=true&resourceVersion=abc`), 400, () => undefined],
    ['an Accept header naming only formats Skiff does not write', () => api.call('GET', cms, { accept: 'application/vnd.kubernetes.protobuf' }), 406, () => undefined],
    [
      'a create whose response cannot be written (nothing is created)',
      () => api.call('POST', cms, { body: { metadata: { name: 'never' } }, accept: 'application/vnd.kubernetes.protobuf' }),
      406,
      () => undefined,
    ],
    ['a negative grace period in DeleteOptions', () => api.call('DELETE', `${cms}/target`, { body: { gracePeriodSeconds: -5 } }), 422, (b) => expect(b.details.causes[0].field).toBe('gracePeriodSeconds')],
    ['a bad continue token', () => api.call('GET', `${cms}?limit=1&continue=garbage`), 400, () => undefined],
    ['a body nested ten thousand levels deep', () => api.call('POST', cms, { raw: `{"metadata":{"name":"deep"},"data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}` }), 400, (b) => expect(b.message).toContain('nests deeper than 100 levels, at data.a.a')],
    ['replicas as a string', () => api.call('POST', deploys, { body: { metadata: { name: 'str' }, spec: { replicas: '3' } } }), 400, (b) => expect(b.message).toContain('cannot unmarshal string into Go struct field spec.replicas of type int32')],
    ['replicas beyond an int32', () => api.call('POST', deploys, { body: { metadata: { name: 'big' }, spec: { replicas: 2 ** 31 } } }), 400, (b) => expect(b.message).toContain('number 2147483648 into Go struct field spec.replicas')],
    ['finalizers as an object', () => api.call('POST', cms, { body: { metadata: { name: 'fin', finalizers: { x: 1 } } } }), 400, (b) => expect(b.message).toContain('metadata.finalizers of type []string')],
    ['a NUL character in a value', () => api.call('POST', cms, { body: { metadata: { name: 'nul' }, data: { a: 'x\u0000y' } } }), 422, (b) => expect(b.details.causes[0].field).toBe('data.a')],
    ['a NUL character in a name', () => api.call('GET', `${cms}/a%00b`), 404, () => undefined],
    ['a continue token with a revision Postgres cannot hold', () => api.call('GET', `${cms}?limit=1&continue=${Buffer.from('{"rv":1e308,"ns":"","name":""}').toString('base64url')}`), 400, () => undefined],
    ['a limit beyond an int64', () => api.call('GET', `${cms}?limit=99999999999999999999`), 400, (b) => expect(b.message).toContain('limit')],
    ['a DELETE of one kind across all namespaces', () => api.call('DELETE', '/api/v1/configmaps'), 405, () => undefined],
    ['a taken NodePort', () => api.call('POST', '/api/v1/namespaces/default/services', { body: { metadata: { name: 'np2' }, spec: { type: 'NodePort', selector: { a: 'b' }, ports: [{ port: 80, nodePort: 30080 }] } } }), 422, (b) => expect(b.details.causes[0].field).toBe('spec.ports[0].nodePort')],
    ['an out-of-range ClusterIP', () => api.call('POST', '/api/v1/namespaces/default/services', { body: { metadata: { name: 'ip' }, spec: { clusterIP: '10.0.0.1', selector: { a: 'b' }, ports: [{ port: 80 }] } } }), 422, (b) => expect(b.details.causes[0].field).toContain('spec.clusterIP')],
    ['a changed ClusterIP', () => api.call('PATCH', '/api/v1/namespaces/default/services/np1', { raw: '{"spec":{"clusterIP":"127.32.9.9","clusterIPs":["127.32.9.9"]}}', contentType: 'application/merge-patch+json' }), 422, (b) => expect(b.details.causes[0].field).toContain('spec.clusterIP')],
  ];

  beforeAll(async () => {
    expect((await api.call('POST', cms, { body: { metadata: { name: 'target' }, data: { a: 'b' } } })).status).toBe(201);
    const np = await api.call('POST', '/api/v1/namespaces/default/services', {
      body: { metadata: { name: 'np1' }, spec: { type: 'NodePort', selector: { a: 'b' }, ports: [{ port: 80, nodePort: 30080 }] } },
    });
    expect(np.status).toBe(201);
  });

  it.each(cases)('answers %s with a Status', async (_name, send, code, check) => {
    const res = await send();
    expectStatus(res, code);
    check(res.body);
  });

  it('still serves after all of that, and nothing was half-written', async () => {
    const list = await api.call('GET', cms);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.metadata.name).sort()).toEqual(['target']);
    expect((await api.call('GET', '/healthz')).text).toBe('ok');
  });
});
