import type { EndpointAddress, EndpointSubset } from '../kinds/endpoints';
import type { KubeObject } from '../meta/types';
import { labelSelectorFromSet } from '../selectors/label-selector-object';
import { matches } from '../selectors/label-requirement';

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
}

interface PodLike extends KubeObject {
  spec?: { nodeName?: string; hostname?: string; subdomain?: string; containers?: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[] };
  status?: { podIP?: string; phase?: string; conditions?: { type: string; status: string }[] };
}

/** Whether the endpoints controller manages this Service's Endpoints (it has a selector). */
export function servesEndpoints(service: KubeObject): boolean {
  const spec = service.spec as { selector?: Record<string, string>; type?: string } | undefined;
  return !!spec?.selector && Object.keys(spec.selector).length > 0 && spec.type !== 'ExternalName';
}

/**
 * The subsets of a Service's Endpoints, as the endpoints controller computes them: every
 * pod of its namespace that its selector matches and that has an IP; ready pods under
 * `addresses`, others under `notReadyAddresses` (all ready with publishNotReadyAddresses).
 * A pod being deleted is left out at once, so traffic leaves it before its containers
 * are stopped. Named target ports are looked up per pod; pods whose ports resolve the
 * same way share a subset.
 */
export function endpointSubsets(service: KubeObject, pods: readonly KubeObject[]): EndpointSubset[] {
  const spec = service.spec as { selector?: Record<string, string>; ports?: ServicePort[]; publishNotReadyAddresses?: boolean; clusterIP?: string };
  const selector = labelSelectorFromSet(spec.selector ?? {});
  const namespace = service.metadata.namespace;
  const bySignature = new Map<string, EndpointSubset>();
  for (const pod of pods as PodLike[]) {
    if (pod.metadata.namespace !== namespace || !matches(selector, pod.metadata.labels ?? {})) continue;
    if (!pod.status?.podIP || pod.metadata.deletionTimestamp || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    const ports = (spec.ports ?? []).flatMap((p) => {
      const port = targetPortOf(p, pod);
      return port === undefined ? [] : [{ ...(p.name ? { name: p.name } : {}), port, protocol: p.protocol ?? 'TCP' }];
    });
    // A headless service without ports still lists its pods.
    if (spec.ports?.length && !ports.length) continue;
    const signature = JSON.stringify(ports);
    let subset = bySignature.get(signature);
    if (!subset) bySignature.set(signature, (subset = { ports }));
    const address: EndpointAddress = {
      ip: pod.status.podIP,
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      ...(pod.spec?.hostname && pod.spec.subdomain === service.metadata.name ? { hostname: pod.spec.hostname } : {}),
      targetRef: { kind: 'Pod', namespace: namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
    };
    const ready = spec.publishNotReadyAddresses || pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    const list = ready ? (subset.addresses ??= []) : (subset.notReadyAddresses ??= []);
    list.push(address);
  }
  const subsets = [...bySignature.values()];
  for (const s of subsets) {
    s.addresses?.sort(byIP);
    s.notReadyAddresses?.sort(byIP);
  }
  return subsets.sort((a, b) => JSON.stringify(a.ports).localeCompare(JSON.stringify(b.ports), 'en', { numeric: true }));
}

function targetPortOf(p: ServicePort, pod: PodLike): number | undefined {
  const target = p.targetPort ?? p.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((cp) => cp.name === target && (cp.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
    if (found) return found.containerPort;
  }
  return undefined;
}

function byIP(a: EndpointAddress, b: EndpointAddress): number {
  return a.ip.localeCompare(b.ip, 'en', { numeric: true });
}
