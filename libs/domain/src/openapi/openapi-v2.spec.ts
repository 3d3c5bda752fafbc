import { RESOURCE_TYPES } from '../resources/registry';
import { buildOpenApiV2 } from './openapi-v2';

type Json = Record<string, any>;

describe('OpenAPI v2', () => {
  const doc = buildOpenApiV2() as Json;

  it('is a Swagger 2.0 document whose references all resolve', () => {
    expect(doc.swagger).toBe('2.0');
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) expect(doc.definitions[name]).toBeDefined();
  });

  it('defines every served kind and its list with their group-version-kind', () => {
    for (const t of RESOURCE_TYPES) {
      const kinds = Object.values<Json>(doc.definitions).flatMap((d) => d['x-kubernetes-group-version-kind'] ?? []);
      expect(kinds).toContainEqual({ group: t.group, kind: t.kind, version: t.version });
      expect(kinds).toContainEqual({ group: t.group, kind: `${t.kind}List`, version: t.version });
    }
  });

  it('includes the meta types clients use', () => {
    for (const name of ['ObjectMeta', 'ListMeta', 'Status', 'DeleteOptions', 'WatchEvent', 'LabelSelector']) {
      expect(doc.definitions[`io.k8s.apimachinery.pkg.apis.meta.v1.${name}`]).toBeDefined();
    }
    expect(doc.definitions['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']['x-kubernetes-group-version-kind']).toContainEqual({ group: 'apps', kind: 'DeleteOptions', version: 'v1' });
  });

  it('puts $ref siblings next to the reference', () => {
    expect(doc.definitions['io.k8s.api.core.v1.Pod'].properties.metadata).toEqual({ $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', description: expect.any(String) });
    expect(doc.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
  });

  it('declares the write parameters and a body on create, replace and patch', () => {
    const item = doc.paths['/api/v1/namespaces/{namespace}/configmaps/{name}'];
    for (const method of ['put', 'patch']) {
      const names = item[method].parameters.map((p: Json) => p.name);
      expect(names).toEqual(expect.arrayContaining(['body', 'dryRun', 'fieldManager', 'fieldValidation']));
      expect(item[method]['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'ConfigMap', version: 'v1' });
    }
    expect(item.patch.consumes).toContain('application/strategic-merge-patch+json');
    expect(item.patch['x-kubernetes-action']).toBe('patch');
    expect(item.parameters.map((p: Json) => p.name)).toEqual(['name', 'namespace', 'pretty']);
    expect(item.parameters[0]).toEqual({ name: 'name', in: 'path', description: expect.any(String), type: 'string', uniqueItems: true, required: true });
  });

  it('covers every group version in one document', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/pods', '/apis/apps/v1/daemonsets', '/apis/autoscaling/v2/horizontalpodautoscalers', '/apis/coordination.k8s.io/v1/leases']));
  });
});
