import type { Container } from '../kinds/container';
import type { PodSpec } from '../kinds/pod';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { KubeObject } from '../meta/types';

/** The pod template of a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController), if it has one. */
export function podTemplateOf(obj: KubeObject): PodTemplateSpec | undefined {
  const template = (obj.spec as { template?: unknown } | undefined)?.template;
  return typeof template === 'object' && template !== null ? (template as PodTemplateSpec) : undefined;
}

/** The pod spec an action edits: a Pod's own, or its workload's template's. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec | undefined;
  return podTemplateOf(obj)?.spec;
}

/** The containers and init containers of that pod spec, containers first. */
export function allContainersOf(obj: KubeObject): { containers: Container[]; initContainers: Container[] } {
  const spec = podSpecOf(obj);
  return { containers: spec?.containers ?? [], initContainers: spec?.initContainers ?? [] };
}
