import { Errors, apiVersionOf, type KubeList, type KubeObject } from '@skiff/domain';
import type { ListFilter } from '../registry/list-filter';
import type { ResourceStore } from '../store/resource-store';

interface ContinueToken {
  rv: number;
  ns: string;
  name: string;
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeContinue(s: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as ContinueToken;
    // The revision goes to Postgres as a bigint: a forged token must not carry 1e308 or -1 there.
    if (Number.isSafeInteger(t.rv) && t.rv > 0 && typeof t.ns === 'string' && typeof t.name === 'string') return t;
  } catch {
    /* fall through */
  }
  throw Errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

/**
 * A list, filtered and paged in `namespace/name` order. Every page shows the
 * objects as they were at the first page's revision, as Kubernetes serves them.
 */
export async function listPage(
  store: ResourceStore,
  filter: ListFilter,
  limit: number | undefined,
  cont: string | undefined,
  /** `resourceVersionMatch=Exact`: list as of this revision. */
  exactRevision?: number,
): Promise<KubeList> {
  const token = cont ? decodeContinue(cont) : undefined;
  const type = filter.type;
  const base = filter.storeQuery();
  const items: KubeObject[] = [];
  let after = token ? { namespace: token.ns, name: token.name } : undefined;
  let revision = token?.rv ?? exactRevision;
  let more = false;
  const chunk = limit ? Math.max(limit * 2, 100) : undefined;
  for (;;) {
    // Later pages read the list as it was at the first page's revision.
    const page = await store.list(type, { ...base, after, limit: chunk, atRevision: revision });
    revision ??= page.revision;
    for (const obj of page.items) {
      if (!filter.matches(obj)) continue;
      if (limit && items.length === limit) {
        more = true;
        break;
      }
      items.push(obj);
    }
    const last = page.items[page.items.length - 1];
    if (more || !chunk || page.items.length < chunk || !last) break;
    after = { namespace: last.metadata.namespace ?? '', name: last.metadata.name ?? '' };
  }
  const lastItem = items[items.length - 1];
  return {
    apiVersion: apiVersionOf(type),
    kind: `${type.kind}List`,
    metadata: {
      resourceVersion: String(revision),
      ...(more && lastItem ? { continue: encodeContinue({ rv: revision!, ns: lastItem.metadata.namespace ?? '', name: lastItem.metadata.name ?? '' }) } : {}),
    },
    items,
  };
}
