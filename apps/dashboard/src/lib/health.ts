import type { KubeObject } from '@skiff/domain';

export type Health = 'ok' | 'pending' | 'failed';

/** How an object is doing, from what its status says (pods by phase and readiness, workloads by ready replicas, nodes by Ready). */
export function objectHealth(o: KubeObject): Health {
  const status = (o.status ?? {}) as Record<string, any>;
  const spec = (o.spec ?? {}) as Record<string, any>;
  switch (o.kind) {
    case 'Pod': {
      if (o.metadata.deletionTimestamp) return 'pending';
      if (status.phase === 'Failed') return 'failed';
      const waiting = (status.containerStatuses ?? []).some((c: any) => ['CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'Error'].includes(c.state?.waiting?.reason ?? c.state?.terminated?.reason));
      if (waiting) return 'failed';
      if (status.phase === 'Succeeded') return 'ok';
      const ready = (status.conditions ?? []).find((c: any) => c.type === 'Ready')?.status === 'True';
      return status.phase === 'Running' && ready ? 'ok' : 'pending';
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController': {
      const want = spec.replicas ?? 1;
      return (status.readyReplicas ?? 0) >= want && (status.updatedReplicas ?? want) >= want ? 'ok' : 'pending';
    }
    case 'DaemonSet':
      return (status.numberReady ?? 0) >= (status.desiredNumberScheduled ?? 0) ? 'ok' : 'pending';
    case 'Node':
      return (status.conditions ?? []).find((c: any) => c.type === 'Ready')?.status === 'True' ? 'ok' : 'failed';
    case 'Event':
      return (o as any).type === 'Warning' ? 'failed' : 'ok';
    case 'PersistentVolumeClaim':
      return status.phase === 'Bound' ? 'ok' : 'pending';
    case 'Namespace':
      return status.phase === 'Terminating' ? 'pending' : 'ok';
    default:
      return 'ok';
  }
}
