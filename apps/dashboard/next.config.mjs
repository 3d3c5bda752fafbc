import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A static export served by the API server itself under /ui (ADR 9): one origin for the
 * pages, the Kubernetes API, GraphQL and its websocket, so the session cookie stays
 * SameSite=Strict and nothing else needs running.
 */
export default {
  output: 'export',
  basePath: '/ui',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  // libs/domain (the table printers kubectl's columns come from) lives outside this folder.
  turbopack: { root: path.join(here, '../..') },
  outputFileTracingRoot: path.join(here, '../..'),
};
