'use client';
import { useEffect, useState } from 'react';
import type { KubeObject } from '@skiff/domain';
import { gql } from './api';
import type { DashboardKind } from './kinds';
import { subscribe } from './subscriptions';

interface ObjectEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: { raw: KubeObject };
}

const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const revision = (o: KubeObject | undefined) => Number(o?.metadata.resourceVersion ?? 0);

/**
 * The objects of a kind in some namespaces (none = all), kept live as Headlamp keeps its
 * lists: the subscription starts first and its events wait until the list has arrived;
 * then each event applies unless the object held is newer (revisions are cluster-wide, so
 * an object's resourceVersion orders its states). Renders are batched per 100 ms.
 */
export function useLiveList(k: DashboardKind | undefined, namespaces: readonly string[], extraFilter?: string, fieldSelector?: string): { items: KubeObject[]; loading: boolean; error?: Error } {
  const [state, setState] = useState<{ items: KubeObject[]; loading: boolean; error?: Error }>({ items: [], loading: true });
  const nsKey = namespaces.join(',');
  useEffect(() => {
    if (!k) return;
    const wanted = new Set(namespaces);
    const inView = (o: KubeObject) => !k.namespaced || wanted.size === 0 || wanted.has(o.metadata.namespace ?? '');
    const objects = new Map<string, KubeObject>();
    const waiting: ObjectEvent[] = [];
    let listed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const render = () => {
      timer = undefined;
      if (!stopped) setState({ items: [...objects.values()], loading: false });
    };
    const later = () => (timer ??= setTimeout(render, 100));
    const apply = (e: ObjectEvent) => {
      const obj = e.object.raw;
      if (!inView(obj) || revision(objects.get(key(obj))) > revision(obj)) return;
      if (e.type === 'DELETED') objects.delete(key(obj));
      else objects.set(key(obj), obj);
    };
    const ns = k.namespaced && namespaces.length === 1 ? namespaces[0] : null;
    const stop = subscribe<Record<string, ObjectEvent>>(
      `subscription($ns: String, $sel: String, $fields: String) { ${k.changed}(namespace: $ns, labelSelector: $sel, fieldSelector: $fields) { type object { raw } } }`,
      { ns, sel: extraFilter ?? null, fields: fieldSelector ?? null },
      (data) => {
        const e = data[k.changed];
        if (!listed) waiting.push(e);
        else {
          apply(e);
          later();
        }
      },
    );
    gql<Record<string, { raw: KubeObject }[]>>(`query($ns: String, $sel: String, $fields: String) { ${k.list}(namespace: $ns, labelSelector: $sel, fieldSelector: $fields) { raw } }`, {
      ns,
      sel: extraFilter ?? null,
      fields: fieldSelector ?? null,
    })
      .then((data) => {
        for (const { raw } of data[k.list] ?? []) if (inView(raw)) objects.set(key(raw), raw);
        listed = true;
        for (const e of waiting.splice(0)) apply(e);
        render();
      })
      .catch((error: Error) => !stopped && setState({ items: [], loading: false, error }));
    return () => {
      stopped = true;
      stop();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [k?.kind, nsKey, extraFilter, fieldSelector]);
  return state;
}

/** One object, kept live. */
export function useLiveObject(k: DashboardKind | undefined, namespace: string | undefined, name: string): { object?: KubeObject; loading: boolean; error?: Error } {
  const { items, loading, error } = useLiveList(k, k?.namespaced && namespace ? [namespace] : [], undefined);
  return { object: items.find((o) => o.metadata.name === name), loading, error };
}
