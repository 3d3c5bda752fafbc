import { groupResource, type KubeObject, type ResourceType } from '@skiff/domain';
import type { ListQuery, ListResult, ResourceStore } from './resource-store';
import type { Change, ObjectKey } from './store-types';
import type { WatchHub, WatchSubscription } from './watch-hub';

/** The reads controllers make: answered by the store itself or by an ObjectCache of it. */
export interface ObjectReader {
  get(key: ObjectKey): Promise<KubeObject | undefined>;
  list(type: ResourceType, q?: ListQuery): Promise<ListResult>;
}

/** One namespace's objects of a resource, with their names in list order once asked for. */
interface Bucket {
  byName: Map<string, KubeObject>;
  sorted?: string[];
}
type Objects = Map<string, Bucket>; // namespace → its objects

/**
 * An in-memory copy of some resources of the store, kept by the watch hub: what
 * Kubernetes' shared informers are to its controllers, so a reconcile of a 10,000-pod
 * ReplicaSet reads no rows. Unlike an informer it never answers from the past: `sync()`
 * waits until the copy holds every change the store had committed when it was called,
 * so a reconcile sees its own earlier writes (no "expectations" needed). Objects are
 * frozen — they are shared by every reader. Resources it does not hold, and paged or
 * historical lists, are read from the store.
 */
export class ObjectCache implements ObjectReader {
  private readonly held = new Map<string, Objects>(); // group resource → objects
  private readonly types = new Map<string, ResourceType>();
  /** Per resource, the revision its list was read at; changes up to it are in the list. */
  private readonly listedAt = new Map<string, number>();
  private revision = 0;
  private ready?: Promise<void>;
  private sub?: WatchSubscription;
  private waiters: { revision: number; resolve: () => void }[] = [];
  /** The store's revision being read now, and the read that callers arriving meanwhile share. */
  private reading?: Promise<number>;
  private nextRead?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly store: ResourceStore,
    private readonly hub: WatchHub,
    types: readonly ResourceType[],
    private readonly log: (msg: string) => void = () => undefined,
  ) {
    for (const t of types) {
      this.held.set(groupResource(t), new Map());
      this.types.set(groupResource(t), t);
    }
  }

  start(): Promise<void> {
    this.ready = this.load();
    return this.ready;
  }

  stop(): void {
    this.stopped = true;
    this.sub?.close();
  }

  /** Resolves once every change the store had committed when this was called is in the cache. */
  async sync(timeoutMs = 10_000): Promise<void> {
    await this.ready;
    const current = await this.storeRevision();
    if (this.at() >= current) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`object cache is at revision ${this.at()}, the store at ${current}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ revision: current, resolve: done });
    });
  }

  /**
   * The store's current revision, read after this call: concurrent callers share a read,
   * but never one that was already under way when they called (it may predate a write they saw).
   */
  private storeRevision(): Promise<number> {
    if (!this.reading) return this.read();
    this.nextRead ??= this.reading
      .catch(() => 0)
      .then(() => {
        this.nextRead = undefined;
        return this.read();
      });
    return this.nextRead;
  }

  private read(): Promise<number> {
    const r = this.store.revisions().then((x) => x.current);
    this.reading = r;
    const clear = () => {
      if (this.reading === r) this.reading = undefined;
    };
    r.then(clear, clear);
    return r;
  }

  async get(key: ObjectKey): Promise<KubeObject | undefined> {
    const objects = this.held.get(groupResource(key.type));
    if (!objects) return this.store.get(key);
    await this.ready;
    return objects.get(key.namespace)?.byName.get(key.name);
  }

  async list(type: ResourceType, q: ListQuery = {}): Promise<ListResult> {
    const objects = this.held.get(groupResource(type));
    if (!objects || q.after || q.atRevision !== undefined) return this.store.list(type, q);
    await this.ready;
    const namespaces = q.namespace !== undefined ? [q.namespace] : [...objects.keys()].sort();
    const items: KubeObject[] = [];
    const matches = matcher(q);
    for (const ns of namespaces) {
      const bucket = objects.get(ns);
      if (!bucket) continue;
      bucket.sorted ??= [...bucket.byName.keys()].sort();
      for (const name of bucket.sorted) {
        const o = bucket.byName.get(name)!;
        if (matches(o)) items.push(o);
        if (q.limit && items.length >= q.limit) return { revision: this.at(), items };
      }
    }
    return { revision: this.at(), items };
  }

  /** What the cache holds now, without waiting (for synchronous readers such as the RBAC authorizer; only after start()). */
  peek(key: ObjectKey): KubeObject | undefined {
    return this.held.get(groupResource(key.type))?.get(key.namespace)?.byName.get(key.name);
  }

  /** The objects of a held resource in one namespace (or all) now, in no particular order. */
  peekList(type: ResourceType, namespace?: string): KubeObject[] {
    const objects = this.held.get(groupResource(type));
    if (!objects) return [];
    const buckets = namespace !== undefined ? [objects.get(namespace)] : [...objects.values()];
    return buckets.flatMap((b) => (b ? [...b.byName.values()] : []));
  }

  /** The revision every held resource is at least as new as. */
  private at(): number {
    let at = Infinity;
    for (const r of this.listedAt.values()) at = Math.min(at, Math.max(r, this.revision));
    return at === Infinity ? this.revision : at;
  }

  private async load(): Promise<void> {
    for (const objects of this.held.values()) objects.clear();
    this.listedAt.clear();
    const lists = await Promise.all([...this.types].map(async ([resource, type]) => ({ resource, list: await this.store.list(type) })));
    let from = Infinity;
    for (const { resource, list } of lists) {
      for (const o of list.items) this.put(resource, o);
      this.listedAt.set(resource, list.revision);
      from = Math.min(from, list.revision);
    }
    this.revision = from === Infinity ? (await this.store.revisions()).current : from;
    this.sub = await this.hub.subscribe(this.revision, {
      onChanges: (changes) => this.apply(changes),
      onError: (e) => {
        if (this.stopped) return;
        this.log(`object cache: ${e.message}; listing again`);
        this.ready = new Promise((r) => setTimeout(r, 1000)).then(() => this.load());
        this.ready.catch((err) => this.log(`object cache: ${(err as Error).message}`));
      },
    });
  }

  private apply(changes: Change[]): void {
    for (const c of changes) {
      const objects = this.held.get(c.resource);
      if (!objects || c.revision <= (this.listedAt.get(c.resource) ?? 0)) continue;
      if (c.type !== 'DELETED') this.put(c.resource, c.object);
      else {
        const bucket = objects.get(c.namespace);
        if (!bucket?.byName.delete(c.name)) continue;
        bucket.sorted = undefined;
        if (!bucket.byName.size) objects.delete(c.namespace);
      }
    }
    if (changes.length) this.revision = changes[changes.length - 1].revision;
    const at = this.at();
    const due = this.waiters.filter((w) => w.revision <= at);
    if (!due.length) return;
    this.waiters = this.waiters.filter((w) => w.revision > at);
    for (const w of due) w.resolve();
  }

  private put(resource: string, o: KubeObject): void {
    const objects = this.held.get(resource)!;
    const ns = o.metadata.namespace ?? '';
    let bucket = objects.get(ns);
    if (!bucket) objects.set(ns, (bucket = { byName: new Map() }));
    if (!bucket.byName.has(o.metadata.name!)) bucket.sorted = undefined;
    bucket.byName.set(o.metadata.name!, deepFreeze(o));
  }
}

/** The filters of ListQuery that the store applies in SQL, as a test of one object. */
function matcher(q: ListQuery): (o: KubeObject) => boolean {
  const contain = Object.entries(q.labelsContain ?? {});
  const have = q.labelsHave ?? [];
  return (o) => {
    const labels = o.metadata.labels ?? {};
    for (const [k, v] of contain) if (labels[k] !== v) return false;
    for (const k of have) if (!(k in labels)) return false;
    return q.nodeName === undefined || ((o.spec as { nodeName?: string } | undefined)?.nodeName || '') === q.nodeName;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
