import { randomUUID } from 'crypto';
import { RESOURCE_TYPES, type KubeObject } from '@skiff/domain';
import { isolatedConfig } from '../../test/support/isolation';
import { ObjectCache } from './object-cache';
import { StoreRuntime } from './store-runtime';
import type { WriteOp } from './store-types';

const configMaps = RESOURCE_TYPES.find((t) => t.kind === 'ConfigMap')!;
const secrets = RESOURCE_TYPES.find((t) => t.kind === 'Secret')!;

function put(namespace: string, name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}): WriteOp {
  return {
    key: { type: configMaps, namespace, name },
    decide: (cur) => ({ put: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { uid: randomUUID(), ...cur?.metadata, name, namespace, labels }, data } as KubeObject }),
  };
}

function remove(namespace: string, name: string): WriteOp {
  return { key: { type: configMaps, namespace, name }, decide: (cur) => ({ remove: cur! }) };
}

describe('ObjectCache', () => {
  let rt: StoreRuntime;
  let cache: ObjectCache;
  beforeAll(async () => {
    rt = await StoreRuntime.start(isolatedConfig());
    await rt.store.write(put('a', 'before-start', { app: 'x' }));
    cache = new ObjectCache(rt.store, rt.hub, [configMaps]);
    await cache.start();
  });
  afterAll(async () => {
    cache?.stop();
    await rt?.stop();
  });

  it('holds what was there at start, and after sync() every write the store had committed', async () => {
    expect((await cache.get({ type: configMaps, namespace: 'a', name: 'before-start' }))?.metadata.labels).toEqual({ app: 'x' });
    // Many writes, then at once: sync() must wait for all of them (no informer lag).
    for (let i = 0; i < 50; i++) await rt.store.write(put('a', `n${String(i).padStart(2, '0')}`, { i: String(i % 2) }, { v: '1' }));
    await rt.store.write(put('a', 'n07', { i: '1' }, { v: '2' }));
    await rt.store.write(remove('a', 'n08'));
    await cache.sync();
    const { items } = await cache.list(configMaps, { namespace: 'a' });
    expect(items.map((o) => o.metadata.name)).toEqual(['before-start', ...Array.from({ length: 50 }, (_, i) => `n${String(i).padStart(2, '0')}`).filter((n) => n !== 'n08')]);
    expect((await cache.get({ type: configMaps, namespace: 'a', name: 'n07' }))?.data).toEqual({ v: '2' });
    expect(await cache.get({ type: configMaps, namespace: 'a', name: 'n08' })).toBeUndefined();
  });

  it('filters lists as the store does: namespace, labels, limit', async () => {
    await rt.store.write(put('b', 'other', { i: '1' }));
    await cache.sync();
    const odd = (await cache.list(configMaps, { namespace: 'a', labelsContain: { i: '1' } })).items.map((o) => o.metadata.name);
    const fromStore = (await rt.store.list(configMaps, { namespace: 'a', labelsContain: { i: '1' } })).items.map((o) => o.metadata.name);
    expect(odd).toEqual(fromStore);
    expect(odd.length).toBeGreaterThan(20);
    expect((await cache.list(configMaps, { labelsHave: ['i'], limit: 3 })).items).toHaveLength(3);
    const all = (await cache.list(configMaps)).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(all).toEqual((await rt.store.list(configMaps)).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
  });

  it('shares frozen objects: a reader cannot change what another reads', async () => {
    const o = await cache.get({ type: configMaps, namespace: 'a', name: 'n01' });
    expect(() => {
      (o!.metadata.labels as Record<string, string>).i = 'changed';
    }).toThrow(TypeError);
  });

  it('reads kinds it does not hold from the store', async () => {
    await rt.store.write({
      key: { type: secrets, namespace: 'a', name: 's' },
      decide: () => ({ put: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'a', uid: randomUUID() } } as KubeObject }),
    });
    expect((await cache.get({ type: secrets, namespace: 'a', name: 's' }))?.kind).toBe('Secret');
  });

  it('lets concurrent sync() calls share a revision read and all see the writes before them', async () => {
    const writes = Array.from({ length: 20 }, (_, i) => rt.store.write(put('c', `w${i}`)));
    await Promise.all(writes);
    await Promise.all(Array.from({ length: 20 }, () => cache.sync()));
    expect((await cache.list(configMaps, { namespace: 'c' })).items).toHaveLength(20);
  });
});
