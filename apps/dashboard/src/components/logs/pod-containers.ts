import type { KubeObject } from '@skiff/domain';

interface PodSpec {
  initContainers?: { name: string }[];
  containers?: { name: string }[];
  ephemeralContainers?: { name: string }[];
}

/** A pod's containers by name: init containers first, as kubectl lists them. */
export function podContainers(pod: KubeObject): string[] {
  const spec = (pod.spec ?? {}) as PodSpec;
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => c.name);
}

/** The container `kubectl logs` picks when none is named: the annotated default, else the first app container. */
export function defaultContainer(pod: KubeObject): string | undefined {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const spec = (pod.spec ?? {}) as PodSpec;
  return annotated && podContainers(pod).includes(annotated) ? annotated : (spec.containers?.[0]?.name ?? podContainers(pod)[0]);
}
