import type { KubeList, KubeObject, WatchEvent } from '@skiff/domain';
import type { ApiClient } from '../api-client';

const RELIST_DELAY_MS = 1000;

/**
 * A live copy of one resource's objects in all namespaces, keyed `<namespace>/<name>`:
 * list, then watch from the list's resourceVersion. A watch the server ends is resumed
 * from the last revision seen; a failed one (or an ERROR event, e.g. 410 Expired) lists
 * again. `onChange` gets the keys of the objects that changed, appeared or went away.
 */
export class WatchedObjects<T extends KubeObject> {
  readonly items = new Map<string, T>();
  /** True once the first list has been read. */
  listed = false;

  constructor(
    private readonly api: ApiClient,
    private readonly path: string,
    private readonly onChange: (keys: string[]) => void,
    private readonly log: (msg: string) => void,
  ) {}

  async run(signal: AbortSignal): Promise<void> {
    let resourceVersion: string | undefined;
    while (!signal.aborted) {
      try {
        if (resourceVersion === undefined) {
          const list = await this.api.call<KubeList<T>>('GET', this.path);
          this.replace(list.items);
          resourceVersion = list.metadata.resourceVersion;
        }
        await this.api.watch(
          `${this.path}?watch=true&allowWatchBookmarks=true&resourceVersion=${resourceVersion}`,
          (e) => {
            if (e.type === 'ERROR') throw new Error(`watch error: ${(e.object as { message?: string }).message ?? 'unknown'}`);
            resourceVersion = e.object.metadata?.resourceVersion ?? resourceVersion;
            if (e.type !== 'BOOKMARK') this.apply(e);
          },
          signal,
        );
      } catch (e) {
        if (signal.aborted) return;
        this.log(`${this.path}: ${(e as Error).message}; listing again`);
        resourceVersion = undefined;
        await new Promise((r) => setTimeout(r, RELIST_DELAY_MS));
      }
    }
  }

  private apply(e: WatchEvent): void {
    const obj = e.object as T;
    const key = keyOf(obj);
    if (e.type === 'DELETED') this.items.delete(key);
    else this.items.set(key, obj);
    this.onChange([key]);
  }

  /** A fresh list: what is gone since the last one counts as deleted. */
  private replace(items: T[]): void {
    const changed = new Set<string>();
    const fresh = new Map(items.map((o) => [keyOf(o), o]));
    for (const [key, old] of this.items) if (fresh.get(key)?.metadata.resourceVersion !== old.metadata.resourceVersion) changed.add(key);
    for (const key of fresh.keys()) if (!this.items.has(key)) changed.add(key);
    this.items.clear();
    for (const [key, o] of fresh) this.items.set(key, o);
    this.listed = true;
    this.onChange([...changed]);
  }
}

export function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
