import { asArray, asNumber, asRecord, asString, asText, isRecord } from '../validation/json-access';

type Obj = Record<string, unknown>;

/** How long ClientIP session affinity sticks by default (3 hours). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

function isExternallyAccessible(spec: Obj): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && asArray(spec.externalIPs).length > 0);
}

/**
 * IP family fields as the allocator fills them on this single-stack IPv4 cluster.
 * Headless services without a selector ask for both families, as the real one does.
 */
function defaultIPFamilies(spec: Obj): void {
  if (spec.type === 'ExternalName') return;
  const clusterIP = asString(spec.clusterIP);
  if (clusterIP && asArray(spec.clusterIPs).length === 0) spec.clusterIPs = [clusterIP];
  const headlessSelectorless = clusterIP === 'None' && Object.keys(asRecord(spec.selector)).length === 0;
  const families = asArray(spec.ipFamilies).map(asText);
  if (!spec.ipFamilyPolicy) {
    spec.ipFamilyPolicy = families.length === 2 || asArray(spec.clusterIPs).length === 2 || headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  }
  if (families.length === 0) {
    const first = asArray(spec.clusterIPs).map(asText).find((ip) => ip !== 'None');
    families.push(first && first.includes(':') ? 'IPv6' : 'IPv4');
  }
  if (headlessSelectorless && families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') {
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  }
  spec.ipFamilies = families;
}

/** Service: ClusterIP, no session affinity, TCP ports targeting themselves, Cluster traffic policies. */
export function defaultService(obj: Obj): void {
  if (!isRecord(obj.spec)) obj.spec = {};
  const spec = obj.spec as Obj;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = asNumber(asRecord(asRecord(spec.sessionAffinityConfig).clientIP).timeoutSeconds);
    if (timeout === undefined) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of asArray(spec.ports)) {
    if (!isRecord(p)) continue;
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (isExternallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (!spec.internalTrafficPolicy && ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(asText(spec.type))) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && typeof spec.allocateLoadBalancerNodePorts !== 'boolean') spec.allocateLoadBalancerNodePorts = true;
  defaultIPFamilies(spec);
}

/**
 * Before an update is validated, fields the allocator assigned and the client left out
 * (cluster IPs, node ports by port name, the health-check port) are kept from the stored
 * Service, as the real registry does, so a plain replace does not read as a change.
 */
export function carryOverAllocatedServiceFields(next: Obj, prev: Obj): void {
  const spec = isRecord(next.spec) ? next.spec : (next.spec = {});
  const old = asRecord(prev.spec);
  const needsClusterIP = (s: Obj) => s.type !== 'ExternalName';
  if (needsClusterIP(spec) && needsClusterIP(old)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (asArray(spec.clusterIPs).length === 0 && asArray(old.clusterIPs).length > 0) spec.clusterIPs = [...asArray(old.clusterIPs)];
  }
  const needsNodePorts = (s: Obj) => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
  if (needsNodePorts(spec) && needsNodePorts(old)) {
    const used = new Set(asArray(spec.ports).map((p) => asNumber(asRecord(p).nodePort)).filter((n) => n));
    const byName = new Map(asArray(old.ports).map((p) => [asString(asRecord(p).name), asNumber(asRecord(p).nodePort)]));
    for (const p of asArray(spec.ports)) {
      if (!isRecord(p) || p.nodePort) continue;
      const oldPort = byName.get(asString(p.name));
      if (oldPort && !used.has(oldPort)) p.nodePort = oldPort;
    }
  }
  const needsHealthCheck = (s: Obj) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
  if (needsHealthCheck(spec) && needsHealthCheck(old) && !spec.healthCheckNodePort && old.healthCheckNodePort) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}
