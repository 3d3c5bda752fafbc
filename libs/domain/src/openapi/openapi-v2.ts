import { DEFINITIONS } from '../schema';
import { DEFAULT_KUBERNETES_VERSION } from './openapi-v3';
import { groupVersionPaths, servedGroupVersions } from './paths';
import { renderPaths } from './render-paths';
import { Json, renderDefinition } from './render-schema';

const documents = new Map<string, Json>();

/**
 * `GET /openapi/v2`: one Swagger 2.0 document with every served operation and every
 * definition of the model.
 */
export function buildOpenApiV2(kubernetesVersion = DEFAULT_KUBERNETES_VERSION): Json {
  let doc = documents.get(kubernetesVersion);
  if (!doc) {
    const paths = servedGroupVersions()
      .flatMap(({ group, version }) => groupVersionPaths(group, version))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const names = Object.keys(DEFINITIONS).sort();
    doc = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: kubernetesVersion },
      paths: renderPaths(paths, 'v2'),
      definitions: Object.fromEntries(names.map((name) => [name, renderDefinition(name, DEFINITIONS[name], 'v2')])),
      securityDefinitions: { BearerToken: { type: 'apiKey', description: 'Bearer token authentication', name: 'authorization', in: 'header' } },
      security: [{ BearerToken: [] }],
    };
    documents.set(kubernetesVersion, doc);
  }
  return doc;
}
