import type { KubeObject } from '@skiff/domain';

/** One line of a spec summary: a label and its value as text. */
export type Fact = [string, string];

type Any = Record<string, any>;
const images = (template: Any | undefined) => (template?.spec?.containers ?? []).map((c: Any) => `${c.name}=${c.image}`).join(', ');
const selector = (s: Any | undefined) => Object.entries(s?.matchLabels ?? s ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
const list = (xs: unknown[] | undefined) => (xs ?? []).join(', ');

/** The few spec and status facts that say what an object is and how it is doing, per kind. */
export function specFacts(o: KubeObject): Fact[] {
  const spec = (o.spec ?? {}) as Any;
  const status = (o.status ?? {}) as Any;
  switch (o.kind) {
    case 'Deployment':
      return [
        ['Replicas', `${spec.replicas ?? 1} desired, ${status.updatedReplicas ?? 0} updated, ${status.readyReplicas ?? 0} ready, ${status.availableReplicas ?? 0} available`],
        ['Images', images(spec.template)],
        ['Selector', selector(spec.selector)],
        ['Strategy', spec.strategy?.type === 'Recreate' ? 'Recreate' : `RollingUpdate (max surge ${spec.strategy?.rollingUpdate?.maxSurge ?? '25%'}, max unavailable ${spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%'})`],
        ...(spec.paused ? [['Paused', 'yes: template changes are not rolled out'] as Fact] : []),
      ];
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet':
      return [
        ['Replicas', `${spec.replicas ?? 1} desired, ${status.readyReplicas ?? 0} ready`],
        ['Images', images(spec.template)],
        ['Selector', selector(spec.selector)],
      ];
    case 'DaemonSet':
      return [
        ['Pods', `${status.desiredNumberScheduled ?? 0} desired, ${status.updatedNumberScheduled ?? 0} updated, ${status.numberReady ?? 0} ready`],
        ['Images', images(spec.template)],
      ];
    case 'Pod':
      return [
        ['Phase', status.phase ?? ''],
        ['Node', spec.nodeName ?? '(not scheduled)'],
        ['Pod IP', status.podIP ?? ''],
        ['Containers', (status.containerStatuses ?? []).map((c: Any) => `${c.name} (${c.image}): ${Object.keys(c.state ?? {})[0] ?? '?'}, ${c.restartCount ?? 0} restarts`).join('; ') || images(o)],
      ];
    case 'Service':
      return [
        ['Type', spec.type ?? 'ClusterIP'],
        ['Cluster IP', spec.clusterIP ?? ''],
        ['Ports', (spec.ports ?? []).map((p: Any) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'} → ${p.targetPort ?? p.port}`).join(', ')],
        ['Selector', selector(spec.selector)],
      ];
    case 'Node':
      return [
        ['Addresses', (status.addresses ?? []).map((a: Any) => `${a.type} ${a.address}`).join(', ')],
        ['Capacity', Object.entries(status.capacity ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')],
        ['Schedulable', spec.unschedulable ? 'no (cordoned)' : 'yes'],
        ['Pod CIDR', spec.podCIDR ?? ''],
      ];
    case 'HorizontalPodAutoscaler':
      return [
        ['Target', `${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}`],
        ['Replicas', `${spec.minReplicas ?? 1}–${spec.maxReplicas}, now ${status.currentReplicas ?? 0}, wants ${status.desiredReplicas ?? 0}`],
      ];
    case 'PersistentVolumeClaim':
      return [
        ['Status', status.phase ?? ''],
        ['Access modes', list(spec.accessModes)],
        ['Requested', spec.resources?.requests?.storage ?? ''],
      ];
    default:
      return [];
  }
}
