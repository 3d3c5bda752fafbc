'use client';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { workloadHealth, type WorkloadHealth } from './workload-health';

const DEPLOYMENTS = kindByName('Deployment');
const STATEFUL_SETS = kindByName('StatefulSet');
const DAEMON_SETS = kindByName('DaemonSet');
const REPLICA_SETS = kindByName('ReplicaSet');
const PODS = kindByName('Pod');

/** Running, pending and failed counts of each workload kind in `namespaces`, live. */
export function useWorkloadHealth(namespaces: string[]): { rows: WorkloadHealth[]; loading: boolean; error?: Error } {
  const lists = [
    { kind: DEPLOYMENTS, list: useLiveList(DEPLOYMENTS, namespaces) },
    { kind: STATEFUL_SETS, list: useLiveList(STATEFUL_SETS, namespaces) },
    { kind: DAEMON_SETS, list: useLiveList(DAEMON_SETS, namespaces) },
    { kind: REPLICA_SETS, list: useLiveList(REPLICA_SETS, namespaces) },
    { kind: PODS, list: useLiveList(PODS, namespaces) },
  ];
  return {
    rows: lists.map(({ kind, list }) => workloadHealth(kind?.title ?? '', list.items)),
    loading: lists.some(({ list }) => list.loading),
    error: lists.find(({ list }) => list.error)?.list.error,
  };
}
