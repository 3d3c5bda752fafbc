import { RESOURCE_TYPES } from '../resources/registry';
import { buildOpenApiV3Document, buildOpenApiV3Index, openApiV3GroupVersionPaths } from './openapi-v3';

type Json = Record<string, any>;

const doc = (path: string): Json => buildOpenApiV3Document(path) as Json;

/** Every `$ref` anywhere in a JSON value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

/** Follows `$ref` and single-element `allOf` the way kubectl explain and strategic merge do. */
function resolve(d: Json, schema: Json): Json {
  if (schema.allOf) return resolve(d, schema.allOf[0]);
  if (schema.$ref) return d.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  return schema;
}

/** The check kubectl runs before sending fieldValidation: the first PATCH of the kind must take it. */
function patchSupportsFieldValidation(d: Json, gvk: { group: string; version: string; kind: string }): boolean | undefined {
  for (const item of Object.values<Json>(d.paths)) {
    const op = item.patch;
    const ext = op?.['x-kubernetes-group-version-kind'];
    if (!ext || ext.group !== gvk.group || ext.version !== gvk.version || ext.kind !== gvk.kind) continue;
    return (op.parameters ?? []).some((p: Json) => p.name === 'fieldValidation' && p.in === 'query');
  }
  return undefined;
}

describe('OpenAPI v3', () => {
  it('indexes one document per served group version, with a content hash', () => {
    const index = buildOpenApiV3Index();
    expect(Object.keys(index.paths).sort()).toEqual(['api/v1', 'apis/apps/v1', 'apis/autoscaling/v2', 'apis/coordination.k8s.io/v1', 'apis/rbac.authorization.k8s.io/v1', 'apis/skiff.io/v1alpha1']);
    expect(index.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{32}$/);
    expect(openApiV3GroupVersionPaths()[0]).toBe('api/v1');
  });

  it('keeps the same hash while the document is the same, and gives each document its own', () => {
    const a = buildOpenApiV3Index();
    const b = buildOpenApiV3Index();
    expect(a).toEqual(b);
    const hashes = Object.values(a.paths).map((p) => p.serverRelativeURL.split('hash=')[1]);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('answers undefined for paths that name no served group version', () => {
    expect(buildOpenApiV3Document('apis/batch/v1')).toBeUndefined();
    expect(buildOpenApiV3Document('apis/apps')).toBeUndefined();
    expect(buildOpenApiV3Document('version')).toBeUndefined();
  });

  it('is an OpenAPI 3.0 document whose references all resolve within it', () => {
    for (const path of openApiV3GroupVersionPaths()) {
      const d = doc(path);
      expect(d.openapi).toBe('3.0.0');
      for (const ref of refs(d)) expect(d.components.schemas[ref.replace('#/components/schemas/', '')]).toBeDefined();
    }
  });

  it('lets kubectl use server-side field validation for every served kind', () => {
    for (const t of RESOURCE_TYPES) {
      const d = doc(t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`);
      expect([t.kind, patchSupportsFieldValidation(d, t)]).toEqual([t.kind, true]);
    }
  });

  it('offers strategic merge patch on the patch operations of built-in kinds', () => {
    const op = doc('apis/apps/v1').paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(Object.keys(op.requestBody.content)).toEqual(
      expect.arrayContaining(['application/strategic-merge-patch+json', 'application/merge-patch+json', 'application/json-patch+json', 'application/apply-patch+yaml']),
    );
    expect(op['x-kubernetes-action']).toBe('patch');
    expect(op.parameters.map((p: Json) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  });

  it('describes collection, item, subresource and watch paths with their actions', () => {
    const paths = doc('apis/apps/v1').paths;
    expect(paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get).toMatchObject({ operationId: 'listAppsV1NamespacedDeployment', 'x-kubernetes-action': 'list' });
    expect(paths['/apis/apps/v1/namespaces/{namespace}/deployments'].post['x-kubernetes-action']).toBe('post');
    expect(paths['/apis/apps/v1/namespaces/{namespace}/deployments'].delete['x-kubernetes-action']).toBe('deletecollection');
    expect(paths['/apis/apps/v1/deployments'].get.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    expect(paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].put['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(paths['/apis/apps/v1/watch/namespaces/{namespace}/deployments'].get['x-kubernetes-action']).toBe('watchlist');
    const core = doc('api/v1').paths;
    expect(core['/api/v1/nodes/{name}'].get.operationId).toBe('readCoreV1Node');
    expect(core['/api/v1/namespaces/{namespace}/pods/{name}/binding'].post['x-kubernetes-group-version-kind'].kind).toBe('Binding');
    // Only served subresources are documented.
    expect(core['/api/v1/namespaces/{namespace}/pods/{name}/log'].get.operationId).toBe('readCoreV1NamespacedPodLog');
    expect(core['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post['x-kubernetes-group-version-kind'].kind).toBe('Eviction');
    expect(core['/api/v1/namespaces/{namespace}/pods/{name}/exec']).toBeUndefined();
  });

  it('tags kinds with their group-version-kind so kubectl explain can find them', () => {
    const schemas = doc('apis/apps/v1').components.schemas;
    expect(schemas['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(schemas['io.k8s.api.apps.v1.DeploymentList']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'DeploymentList', version: 'v1' }]);
    expect(schemas['io.k8s.api.core.v1.Pod']).toBeUndefined();
  });

  it('leads from deployment.spec.template.spec.containers to the Container schema with its patch keys', () => {
    const d = doc('apis/apps/v1');
    let schema = d.components.schemas['io.k8s.api.apps.v1.Deployment'];
    for (const key of ['spec', 'template', 'spec']) schema = resolve(d, schema.properties[key]);
    const containers = schema.properties.containers;
    expect(containers).toMatchObject({ type: 'array', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] });
    const container = resolve(d, containers.items);
    expect(container.required).toEqual(['name']);
    expect(Object.keys(container.properties)).toEqual(expect.arrayContaining(['image', 'env', 'ports', 'volumeMounts', 'livenessProbe']));
  });

  it('wraps described references in allOf, as OpenAPI 3.0 ignores siblings of $ref', () => {
    const spec = doc('apis/apps/v1').components.schemas['io.k8s.api.apps.v1.Deployment'].properties.spec;
    expect(spec).toEqual({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }], description: expect.any(String) });
    const strategy = doc('apis/apps/v1').components.schemas['io.k8s.api.apps.v1.DeploymentSpec'].properties.strategy;
    expect(strategy['x-kubernetes-patch-strategy']).toBe('retainKeys');
  });

  it('writes IntOrString and Quantity as one-of schemas', () => {
    const schemas = doc('api/v1').components.schemas;
    expect(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(schemas['io.k8s.apimachinery.pkg.api.resource.Quantity'].oneOf).toEqual([{ type: 'string' }, { type: 'number' }]);
  });
});
