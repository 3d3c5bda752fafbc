export { buildOpenApiV2 } from './openapi-v2';
export {
  buildOpenApiV3Index, buildOpenApiV3Document, openApiV3GroupVersionPaths, DEFAULT_KUBERNETES_VERSION,
} from './openapi-v3';
export type { OpenApiV3Index } from './openapi-v3';
export { contentHash } from './content-hash';
