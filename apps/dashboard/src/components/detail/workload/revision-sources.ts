'use client';
import { useMemo } from 'react';
import type { KubeObject, PodTemplateSpec } from '@skiff/domain';
import { revisionDataTemplate } from '@skiff/domain/statefulsets/controller-history';
import { kindByName, type DashboardKind } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { isOwnedBy, podSelectorOf } from './pod-selector';

/** ControllerRevisions are not listed in the navigation, but GraphQL serves and streams them like every kind. */
const CONTROLLER_REVISION: DashboardKind = {
  kind: 'ControllerRevision',
  slug: 'controllerrevisions',
  title: 'Controller Revisions',
  namespaced: true,
  list: 'controllerRevisions',
  single: 'controllerRevision',
  changed: 'controllerRevisionChanged',
  apiBase: '/apis/apps/v1',
  resource: 'controllerrevisions',
  group: 'Workloads',
};
const REPLICA_SET = kindByName('ReplicaSet')!;

/**
 * The objects holding a workload's revisions, live: a Deployment's ReplicaSets, a
 * StatefulSet's or DaemonSet's ControllerRevisions (as kubectl rollout history reads them:
 * by the selector, then by owner).
 */
export function useRevisionSources(kind: DashboardKind, workload: KubeObject): { sources: KubeObject[]; loading: boolean; error?: Error } {
  const sourceKind = kind.kind === 'Deployment' ? REPLICA_SET : CONTROLLER_REVISION;
  const { items, loading, error } = useLiveList(sourceKind, [workload.metadata.namespace ?? 'default'], podSelectorOf(workload));
  const sources = useMemo(() => items.filter((o) => isOwnedBy(o, new Set([workload.metadata.uid ?? '']))), [items, workload.metadata.uid]);
  return { sources, loading, error };
}

/** The pod template a revision's source holds: a ReplicaSet's spec.template, a ControllerRevision's data. */
export function templateOfSource(source: KubeObject | undefined): PodTemplateSpec | undefined {
  if (!source) return undefined;
  if (source.kind === 'ControllerRevision') return revisionDataTemplate((source as { data?: unknown }).data);
  return (source.spec as { template?: PodTemplateSpec } | undefined)?.template;
}
