import { findUnknownFields, pruneUnknownFields } from './unknown-fields';

const deployment = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ...container }] } },
    ...extra,
  },
});

describe('findUnknownFields', () => {
  it('accepts a manifest whose every field is declared', () => {
    expect(findUnknownFields('Deployment', deployment({ ports: [{ containerPort: 80 }] }))).toEqual([]);
  });

  it('reports a misspelt container field with the path the real server prints', () => {
    expect(findUnknownFields('Deployment', deployment({ imagee: 'nginx' }))).toEqual(['unknown field "spec.template.spec.containers[0].imagee"']);
  });

  it('reports every unknown field, in document order, with array indexes', () => {
    const obj = deployment({ env: [{ name: 'A', value: '1' }, { name: 'B', valu: '2' }] }, { replica: 3 });
    (obj.metadata as Record<string, unknown>).lables = {};
    expect(findUnknownFields('Deployment', obj)).toEqual([
      'unknown field "metadata.lables"',
      'unknown field "spec.template.spec.containers[0].env[1].valu"',
      'unknown field "spec.replica"',
    ]);
  });

  it('matches field names case-sensitively, as the server does', () => {
    expect(findUnknownFields('Pod', { metadata: { Name: 'x' }, spec: { containers: [] } })).toEqual(['unknown field "metadata.Name"']);
  });

  it('reports unknown top-level fields', () => {
    expect(findUnknownFields('ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {}, date: {} })).toEqual(['unknown field "date"']);
  });

  it('does not look inside maps of free-form values or preserve-unknown types', () => {
    const pod = {
      metadata: { annotations: { 'any.key/here': 'v' } },
      spec: {
        nodeSelector: { whatever: 'x' },
        containers: [{ name: 'a', resources: { limits: { 'example.com/gpu': '1' } } }],
        volumes: [{ name: 'disk', gcePersistentDisk: { pdName: 'd', anyVendorField: true } }],
      },
    };
    expect(findUnknownFields('Pod', pod)).toEqual([]);
    expect(findUnknownFields('ControllerRevision', { metadata: {}, revision: 1, data: { spec: { template: { x: 1 } } } })).toEqual([]);
  });

  it('leaves values of the wrong type to the decoder', () => {
    expect(findUnknownFields('Service', { spec: { ports: 'eighty', selector: ['a'] } })).toEqual([]);
  });

  it('checks list kinds and the bodies of subresources', () => {
    expect(findUnknownFields('PodList', { items: [{ metadata: {}, sepc: {} }] })).toEqual(['unknown field "items[0].sepc"']);
    expect(findUnknownFields('Scale', { spec: { replicas: 2, replica: 3 } })).toEqual(['unknown field "spec.replica"']);
    expect(findUnknownFields('DeleteOptions', { propagationPolicy: 'Foreground', grace: 1 })).toEqual(['unknown field "grace"']);
  });

  it('knows nothing about kinds it does not serve', () => {
    expect(findUnknownFields('CronJob', { spec: { anything: true } })).toEqual([]);
  });

  it('stops after a hundred findings', () => {
    const data = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 1]));
    expect(findUnknownFields('Namespace', data)).toHaveLength(100);
  });
});

describe('pruneUnknownFields', () => {
  it('drops what the schema lacks, at any depth, and keeps the rest', () => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { a: 'b' }, bogus: 1 },
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'c', image: 'i', imagee: 'typo' }] } } },
      extra: true,
    };
    pruneUnknownFields('Deployment', obj);
    expect(obj).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { a: 'b' } },
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
  });
});

describe('pruneUnknownFields reports', () => {
  it('names what it dropped, as findUnknownFields would', () => {
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, dataa: {}, extra: 1 };
    expect(pruneUnknownFields('ConfigMap', obj)).toEqual(['unknown field "dataa"', 'unknown field "extra"']);
  });
});
