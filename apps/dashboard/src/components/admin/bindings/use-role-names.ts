'use client';
import { useGqlQuery } from '../use-gql-query';
import { CLUSTER_ROLE_NAMES, ROLE_NAMES } from './binding-queries';

type Names = Record<string, { metadata: { name: string } }[] | null>;

/** Names of the ClusterRoles, or of the Roles of a namespace, to suggest; none when the user may not list them. */
export function useRoleNames(kind: 'clusterRole' | 'role', namespace: string): string[] {
  const { data } = useGqlQuery<Names>(kind === 'clusterRole' ? CLUSTER_ROLE_NAMES : ROLE_NAMES, kind === 'clusterRole' ? {} : { namespace });
  const list = data?.[kind === 'clusterRole' ? 'clusterRoles' : 'roles'] ?? [];
  return list.map((r) => r.metadata.name).sort();
}
