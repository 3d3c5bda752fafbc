import DataLoader from 'dataloader';
import { groupResource, type KubeObject, type ResourceType } from '@skiff/domain';
import type { UserInfo } from '../auth/token.service';
import type { ResourceStore } from '../store/resource-store';

/** What every resolver of one GraphQL operation shares: who asks, and the operation's loaders. */
export interface GqlContext {
  user: UserInfo;
  /** Who authenticated, when the request impersonates `user` (kubectl --as). */
  impersonator?: UserInfo;
  sourceIp?: string;
  /** Authenticated by the dashboard's session cookie. */
  viaSession?: boolean;
  loaders: ObjectLoaders;
  /** Authorization answers already given in this operation (verb, resource, namespace). */
  allowed: Map<string, Promise<void>>;
}

/**
 * Per-operation reads, batched and remembered (DataLoader), so a query that follows
 * relations costs a bounded number of SQL queries however many objects it reaches:
 * all objects of a kind in a namespace are read once, and the gets of one tick are one
 * query (ResourceStore batches them too).
 */
export class ObjectLoaders {
  private readonly namespaceLists: DataLoader<string, KubeObject[]>;
  private readonly gets: DataLoader<string, KubeObject | undefined>;
  private readonly types = new Map<string, ResourceType>();

  constructor(private readonly store: ResourceStore) {
    // GraphQL resolves sibling fields in promise chains of different lengths: collect a
    // batch until the next macrotask, not just the current microtask queue.
    const batchScheduleFn = (run: () => void) => setImmediate(run);
    this.namespaceLists = new DataLoader(
      async (keys) =>
        Promise.all(
          keys.map(async (k) => {
            const [resource, namespace] = k.split('|');
            return (await this.store.list(this.types.get(resource)!, namespace ? { namespace } : {})).items;
          }),
        ),
      { batchScheduleFn },
    );
    // The store reads the gets it is asked for in one tick with one query.
    this.gets = new DataLoader(
      async (keys) =>
        Promise.all(
          keys.map((k) => {
            const [resource, namespace, name] = k.split('|');
            return this.store.get({ type: this.types.get(resource)!, namespace, name });
          }),
        ),
      { batchScheduleFn },
    );
  }

  /** Every object of `type` in `namespace` ('' = all namespaces). */
  inNamespace(type: ResourceType, namespace: string): Promise<KubeObject[]> {
    this.types.set(groupResource(type), type);
    return this.namespaceLists.load(`${groupResource(type)}|${namespace}`);
  }

  get(type: ResourceType, namespace: string, name: string): Promise<KubeObject | undefined> {
    this.types.set(groupResource(type), type);
    return this.gets.load(`${groupResource(type)}|${type.namespaced ? namespace : ''}|${name}`);
  }
}

export function newContext(user: UserInfo, store: ResourceStore, sourceIp?: string, viaSession = false): GqlContext {
  return { user, sourceIp, viaSession, loaders: new ObjectLoaders(store), allowed: new Map() };
}
