import { DEFINITIONS, definitionClosure } from '../schema';
import { contentHash } from './content-hash';
import { groupVersionPaths, groupVersionPrefix, servedGroupVersions } from './paths';
import { pathDefinitionRefs, renderPaths } from './render-paths';
import { Json, renderDefinition } from './render-schema';

export const DEFAULT_KUBERNETES_VERSION = 'v1.32.0';

export interface OpenApiV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}

/** `api/v1`, `apis/apps/v1`: the keys of the v3 index, one per served group version. */
export function openApiV3GroupVersionPaths(): string[] {
  return servedGroupVersions().map(({ group, version }) => groupVersionPrefix(group, version).slice(1));
}

function parseGroupVersionPath(path: string): { group: string; version: string } | undefined {
  const parts = path.replace(/^\/+|\/+$/g, '').split('/');
  if (parts[0] === 'api' && parts.length === 2) return { group: '', version: parts[1] };
  if (parts[0] === 'apis' && parts.length === 3) return { group: parts[1], version: parts[2] };
  return undefined;
}

/** Built once per version: the model is static. Callers must treat the documents as read-only. */
const documents = new Map<string, Json | null>();
const indexes = new Map<string, OpenApiV3Index>();

/**
 * The OpenAPI 3.0 document of one group version (`api/v1`, `apis/apps/v1`), as served at
 * `/openapi/v3/<path>`: its operations and the schemas they use. Undefined when the path
 * names no served group version.
 */
export function buildOpenApiV3Document(path: string, kubernetesVersion = DEFAULT_KUBERNETES_VERSION): Json | undefined {
  const key = `${kubernetesVersion} ${path.replace(/^\/+|\/+$/g, '')}`;
  if (!documents.has(key)) documents.set(key, buildDocument(path, kubernetesVersion));
  return documents.get(key) ?? undefined;
}

function buildDocument(path: string, kubernetesVersion: string): Json | null {
  const gv = parseGroupVersionPath(path);
  if (!gv) return null;
  const paths = groupVersionPaths(gv.group, gv.version);
  if (!paths.length) return null;
  const schemas = Object.fromEntries(definitionClosure(pathDefinitionRefs(paths)).map((name) => [name, renderDefinition(name, DEFINITIONS[name], 'v3')]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: kubernetesVersion },
    paths: renderPaths(paths, 'v3'),
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer token authentication', name: 'authorization', in: 'header' } },
    },
  };
}

/**
 * `GET /openapi/v3`: where each group version document lives. The hash changes with the
 * content, so clients may cache a document for as long as its URL stays the same.
 */
export function buildOpenApiV3Index(kubernetesVersion = DEFAULT_KUBERNETES_VERSION): OpenApiV3Index {
  let index = indexes.get(kubernetesVersion);
  if (!index) {
    index = { paths: {} };
    for (const path of openApiV3GroupVersionPaths()) {
      const doc = buildOpenApiV3Document(path, kubernetesVersion);
      if (doc) index.paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${contentHash(JSON.stringify(doc))}` };
    }
    indexes.set(kubernetesVersion, index);
  }
  return { paths: { ...index.paths } };
}
