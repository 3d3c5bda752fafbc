import { rest, type ApiError } from '@/lib/api';
import { KINDS, type DashboardKind } from '@/lib/kinds';

/** Where objects of an apiVersion and kind are created. */
export interface ManifestResource {
  apiBase: string;
  resource: string;
  namespaced: boolean;
  /** The dashboard's kind, when it has pages for it. */
  dashboardKind?: DashboardKind;
}

interface ApiResourceList {
  resources: { name: string; kind: string; namespaced: boolean }[];
}

const apiBaseOf = (apiVersion: string) => (apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);
const discovered = new Map<string, Promise<ApiResourceList>>();

/** The resource of a kind: the dashboard's own kinds directly, any other as discovery says (as kubectl finds it). */
export async function manifestResource(apiVersion: string, kind: string): Promise<ManifestResource> {
  const apiBase = apiBaseOf(apiVersion);
  const known = KINDS.find((k) => k.kind === kind && k.apiBase === apiBase);
  if (known) return { apiBase, resource: known.resource, namespaced: known.namespaced, dashboardKind: known };
  if (!discovered.has(apiBase)) discovered.set(apiBase, rest<ApiResourceList>('GET', apiBase).catch((e) => (discovered.delete(apiBase), Promise.reject(e))));
  const noMatch = new Error(`no matches for kind "${kind}" in version "${apiVersion}"`);
  const list = await discovered.get(apiBase)!.catch((e: ApiError) => Promise.reject(e.status === 404 ? noMatch : e));
  const found = list.resources.find((r) => r.kind === kind && !r.name.includes('/'));
  if (!found) throw noMatch;
  return { apiBase, resource: found.name, namespaced: found.namespaced };
}

export function collectionPath(r: ManifestResource, namespace: string): string {
  return `${r.apiBase}${r.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${r.resource}`;
}
