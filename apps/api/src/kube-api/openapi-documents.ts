import { buildOpenApiV2, buildOpenApiV3Document, buildOpenApiV3Index } from '@skiff/domain';

/** The OpenAPI documents, built once per process (they only change with the code). */
export class OpenApiDocuments {
  private cache = new Map<string, unknown>();

  forPath(path: string): unknown | undefined {
    const key = path.replace(/\/+$/, '');
    if (this.cache.has(key)) return this.cache.get(key);
    let doc: unknown;
    if (key === '/openapi/v2') doc = buildOpenApiV2();
    else if (key === '/openapi/v3') doc = buildOpenApiV3Index();
    else if (key.startsWith('/openapi/v3/')) doc = buildOpenApiV3Document(key.slice('/openapi/v3/'.length));
    if (doc) this.cache.set(key, doc);
    return doc;
  }
}
