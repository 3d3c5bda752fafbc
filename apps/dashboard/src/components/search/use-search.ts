'use client';
import { useEffect, useState } from 'react';
import { gql } from '@/lib/api';
import { kindByName, type DashboardKind } from '@/lib/kinds';
import type { SearchQuery } from './search-query';

/** The kinds searched, in the order their groups are shown. */
export const SEARCHED_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Service', 'ConfigMap', 'Secret', 'Node'].map((k) => kindByName(k)!);

export interface FoundObject {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
}

export interface SearchGroup {
  kind: DashboardKind;
  items: FoundObject[];
  error?: Error;
}

interface Meta {
  metadata: { name: string; namespace?: string | null; labels?: Record<string, string> | null };
}

/** One operation per kind (a kind the user may not list fails alone): one aliased list per namespace picked, or one for all. */
async function searchKind(kind: DashboardKind, namespaces: readonly string[], query: SearchQuery): Promise<SearchGroup> {
  const scopes: (string | null)[] = kind.namespaced && namespaces.length ? [...namespaces] : [null];
  const vars = scopes.map((_, i) => `$ns${i}: String`).join(', ');
  const lists = scopes.map((_, i) => `r${i}: ${kind.list}(namespace: $ns${i}, labelSelector: $sel) { metadata { name namespace labels } }`).join(' ');
  const variables: Record<string, unknown> = { sel: query.labelSelector ?? null };
  scopes.forEach((ns, i) => (variables[`ns${i}`] = ns));
  try {
    const data = await gql<Record<string, Meta[] | null>>(`query Search($sel: String, ${vars}) { ${lists} }`, variables);
    const items = Object.values(data)
      .flatMap((list) => list ?? [])
      .map(({ metadata: m }) => ({ name: m.name, namespace: m.namespace ?? undefined, labels: m.labels ?? {} }))
      .filter((o) => !query.nameFragment || o.name.toLowerCase().includes(query.nameFragment))
      .sort((a, b) => `${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.namespace ?? ''}/${b.name}`));
    return { kind, items };
  } catch (e) {
    return { kind, items: [], error: e instanceof Error ? e : new Error(String(e)) };
  }
}

/** Objects of the searched kinds whose name holds the fragment, or whose labels match the selector. */
export function useSearch(query: SearchQuery, namespaces: readonly string[]): { groups: SearchGroup[]; loading: boolean } {
  const [state, setState] = useState<{ groups: SearchGroup[]; loading: boolean }>({ groups: [], loading: true });
  const key = `${query.labelSelector ?? ''}|${query.nameFragment ?? ''}|${namespaces.join(',')}`;
  useEffect(() => {
    if (!query.labelSelector && !query.nameFragment) return setState({ groups: [], loading: false });
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void Promise.all(SEARCHED_KINDS.map((k) => searchKind(k, namespaces, query))).then((groups) => current && setState({ groups, loading: false }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
