'use client';
import { useEffect, useState } from 'react';
import type { KubeObject } from '@skiff/domain';
import { gql } from '@/lib/api';
import type { DashboardKind } from '@/lib/kinds';

/** One revision as `kubectl rollout history` lists it (GraphQL `rolloutHistory`). */
export interface RolloutRevision {
  revision: number;
  changeCause?: string;
  images: { container: string; image: string }[];
  createdAt?: string;
  /** The ReplicaSet or ControllerRevision holding it. */
  source: string;
}

/**
 * A workload's rollout history, oldest first, read again whenever `version` changes — the
 * caller passes what the history is made of (its live revision sources), so it follows
 * rollouts and rollbacks without polling. A late answer never replaces a newer one.
 */
export function useRolloutHistory(kind: DashboardKind, workload: KubeObject, version: string): { revisions?: RolloutRevision[]; error?: Error } {
  const [state, setState] = useState<{ revisions?: RolloutRevision[]; error?: Error }>({});
  const namespace = workload.metadata.namespace;
  const name = workload.metadata.name ?? '';
  useEffect(() => {
    let current = true;
    const query = `query($ns: String, $name: String!) { ${kind.single}(namespace: $ns, name: $name) { rolloutHistory { revision changeCause images { container image } createdAt source } } }`;
    gql<Record<string, { rolloutHistory?: RolloutRevision[] } | null>>(query, { ns: namespace, name }).then(
      (data) => current && setState({ revisions: data[kind.single]?.rolloutHistory ?? [] }),
      (error: Error) => current && setState((s) => ({ ...s, error })),
    );
    return () => {
      current = false;
    };
  }, [kind.single, namespace, name, version]);
  return state;
}
