import type { StatusCause } from '../meta/types';
import { duplicate, forbidden, invalid, notSupported, required } from './field-errors';
import { FieldPath } from './field-path';
import { goLiteral, goQuote, goStringSlice } from './go-format';
import { asArray, asNumber, asRecord, asString, asText, isRecord } from './json-access';
import { validateLabels } from './labels-validation';
import { isDNS1123Label, isDNS1123Subdomain, isIPv4, isIPv6, isQualifiedName, isValidIP, isValidPortNum, nameIsDNS1035Label } from './name-rules';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { validatePortNumOrName } from './probe-validation';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** The node port range the allocator hands out; a port given by hand must fall in it. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

function clusterIPsOf(spec: Record<string, unknown>): string[] {
  const ips = asArray(spec.clusterIPs).map(asText);
  if (ips.length) return ips;
  const ip = asString(spec.clusterIP);
  return ip ? [ip] : [];
}

export function isHeadlessService(spec: Record<string, unknown>): boolean {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 && ips[0] === 'None';
}

function isExternallyAccessible(spec: Record<string, unknown>): boolean {
  const type = asString(spec.type);
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && asArray(spec.externalIPs).length > 0);
}

/** A ServicePort as the server prints it in duplicate-port errors. */
function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validateServicePort(port: Record<string, unknown>, requireName: boolean, names: Set<string>, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const name = asString(port.name);
  if (requireName && !name) errs.push(required(path.child('name')));
  else if (name) {
    for (const msg of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, msg));
    if (names.has(name)) errs.push(duplicate(path.child('name'), name));
    else names.add(name);
  }
  const num = asNumber(port.port) ?? 0;
  for (const msg of isValidPortNum(num)) errs.push(invalid(path.child('port'), num, msg));
  const protocol = asString(port.protocol);
  if (!protocol) errs.push(required(path.child('protocol')));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(path.child('protocol'), protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(port.targetPort ?? 0, path.child('targetPort')));
  if (port.appProtocol !== undefined && port.appProtocol !== null) {
    const ap = asString(port.appProtocol);
    for (const msg of isQualifiedName(ap)) errs.push(invalid(path.child('appProtocol'), ap, msg));
  }
  return errs;
}

function validateClusterIPFields(spec: Record<string, unknown>, specPath: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const ipsPath = specPath.child('clusterIPs');
  const clusterIP = asString(spec.clusterIP);
  const ips = asArray(spec.clusterIPs).map(asText);
  if (clusterIP) {
    if (ips.length === 0) errs.push(required(ipsPath));
    else if (ips[0] !== clusterIP) errs.push(invalid(ipsPath, goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalid(ipsPath, goStringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  asArray(spec.ipFamilies).map(asText).forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(specPath.child('ipFamilies').index(i), f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(specPath.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
    const policy = asString(spec.ipFamilyPolicy);
    if (!IP_FAMILY_POLICIES.includes(policy)) errs.push(notSupported(specPath.child('ipFamilyPolicy'), policy, IP_FAMILY_POLICIES));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid(ipsPath, goStringSlice(ips), "'None' must be the first and only value"));
      }
      return;
    }
    for (const msg of isValidIP(ip)) {
      badIPs = true;
      errs.push(invalid(ipsPath.index(i), ip, msg));
    }
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, goStringSlice(ips), 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && isIPv6(ips[0]) === isIPv6(ips[1])) {
    errs.push(invalid(ipsPath, goStringSlice(ips), 'may specify no more than one IP for each IP family'));
  }
  const families = asArray(spec.ipFamilies).map(asText);
  if (!isHeadlessService(spec)) {
    ips.forEach((ip, i) => {
      if (i >= families.length) return;
      if (families[i] === 'IPv4' && isIPv6(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !isIPv6(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

function validateServiceSpec(spec: Record<string, unknown>, specPath: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const type = asString(spec.type);
  const ports = asArray(spec.ports).map(asRecord);
  const headless = isHeadlessService(spec);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required(specPath.child('ports')));
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
    errs.push(invalid(specPath.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (clusterIPsOf(spec).length > 0) errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
    if (asArray(spec.ipFamilies).length > 0) errs.push(forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      errs.push(forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    }
    const cname = asString(spec.externalName).replace(/\.$/, '');
    if (cname) for (const msg of isDNS1123Subdomain(cname)) errs.push(invalid(specPath.child('externalName'), cname, msg));
    else errs.push(required(specPath.child('externalName')));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, specPath.child('ports').index(i))));
  if (isRecord(spec.selector)) errs.push(...validateLabels(spec.selector, specPath.child('selector')));
  const affinity = asString(spec.sessionAffinity);
  if (!affinity) errs.push(required(specPath.child('sessionAffinity')));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported(specPath.child('sessionAffinity'), affinity, ['ClientIP', 'None']));
  const cfgPath = specPath.child('sessionAffinityConfig');
  if (affinity === 'ClientIP') {
    const why = 'when session affinity type is ClientIP';
    const cfg = spec.sessionAffinityConfig;
    if (!isRecord(cfg)) errs.push(required(cfgPath, why));
    else if (!isRecord(cfg.clientIP)) errs.push(required(cfgPath.child('clientIP'), why));
    else {
      const timeout = asNumber(cfg.clientIP.timeoutSeconds);
      const tp = cfgPath.child('clientIP', 'timeoutSeconds');
      if (timeout === undefined) errs.push(required(tp, why));
      else if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
        errs.push(invalid(tp, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
      }
    }
  } else if (affinity === 'None' && isRecord(spec.sessionAffinityConfig)) {
    errs.push(forbidden(cfgPath, 'must not be set when session affinity is None'));
  }
  if (type !== 'ExternalName') errs.push(...validateClusterIPFields(spec, specPath));
  asArray(spec.externalIPs).forEach((ip, i) => {
    for (const msg of isValidIP(asText(ip))) errs.push(invalid(specPath.child('externalIPs').index(i), asText(ip), msg));
  });
  if (!type) errs.push(required(specPath.child('type')));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported(specPath.child('type'), type, SERVICE_TYPES));
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const pp = specPath.child('ports').index(i);
    const nodePort = asNumber(p.nodePort) ?? 0;
    const protocol = asString(p.protocol);
    if (nodePort !== 0) {
      if (type === 'ClusterIP') errs.push(forbidden(pp.child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
      else if (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max) {
        // Reported by the allocator on the real server; same message.
        errs.push(
          invalid(pp.child('nodePort'), nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`),
        );
      }
      const key = `${protocol}/${nodePort}`;
      if (nodePorts.has(key)) errs.push(duplicate(pp.child('nodePort'), nodePort));
      nodePorts.add(key);
    }
  });
  ports.forEach((p, i) => {
    const protocol = asString(p.protocol);
    const num = asNumber(p.port) ?? 0;
    const key = `${protocol}/${num}`;
    if (portKeys.has(key)) errs.push(duplicate(specPath.child('ports').index(i), goLiteral(goServicePortKey(protocol, num))));
    portKeys.add(key);
  });
  const ranges = asArray(spec.loadBalancerSourceRanges).map(asText);
  if (ranges.length) {
    // The server names this field with a capital L.
    const rp = specPath.child('LoadBalancerSourceRanges');
    if (type !== 'LoadBalancer') errs.push(forbidden(rp, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      if (!isCIDR(r.trim())) errs.push(invalid(rp.index(i), r.trim(), 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    });
  }
  const allocate = spec.allocateLoadBalancerNodePorts;
  if (allocate !== undefined && allocate !== null && type !== 'LoadBalancer') {
    errs.push(forbidden(specPath.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && (allocate === undefined || allocate === null)) {
    errs.push(required(FieldPath.root('allocateLoadBalancerNodePorts')));
  }
  if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass !== null) {
    const cls = asString(spec.loadBalancerClass);
    if (type !== 'LoadBalancer') errs.push(forbidden(specPath.child('loadBalancerClass'), "may only be used when `type` is 'LoadBalancer'"));
    else for (const msg of isQualifiedName(cls)) errs.push(invalid(specPath.child('loadBalancerClass'), cls, msg));
  }
  const etp = asString(spec.externalTrafficPolicy);
  if (!isExternallyAccessible(spec)) {
    if (etp) errs.push(invalid(specPath.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(required(specPath.child('externalTrafficPolicy')));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupported(specPath.child('externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  }
  const hcnp = asNumber(spec.healthCheckNodePort) ?? 0;
  const needsHealthCheck = type === 'LoadBalancer' && etp === 'Local';
  if (!needsHealthCheck && hcnp !== 0) {
    errs.push(invalid(specPath.child('healthCheckNodePort'), hcnp, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (needsHealthCheck && hcnp !== 0) {
    // Only a given port is checked: when missing, the allocator assigns one, as on the real server.
    for (const msg of isValidPortNum(hcnp)) errs.push(invalid(specPath.child('healthCheckNodePort'), hcnp, msg));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined || itp === null) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required(specPath.child('internalTrafficPolicy')));
  } else if (itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported(specPath.child('internalTrafficPolicy'), asString(itp), ['Cluster', 'Local']));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null && spec.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported(specPath.child('trafficDistribution'), asString(spec.trafficDistribution), ['PreferClose']));
  }
  return errs;
}

function isCIDR(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  if (rest.length || bits === undefined || !/^\d+$/.test(bits)) return false;
  const n = Number(bits);
  return (isIPv4(ip) && n <= 32) || (isIPv6(ip) && n <= 128);
}

export function validateService(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNS1035Label });
  errs.push(...validateServiceSpec(asRecord(obj.spec), FieldPath.root('spec')));
  return errs;
}

/**
 * An update may not move an allocated cluster IP or IP family (it may add or drop the
 * secondary one), nor a LoadBalancer's class or health-check port.
 */
export function validateServiceUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  const spec = asRecord(obj.spec);
  const prev = asRecord(old.spec);
  const ipsPath = FieldPath.root('spec', 'clusterIPs');
  const external = asString(spec.type) === 'ExternalName' || asString(prev.type) === 'ExternalName';
  if (!external && !(isHeadlessService(spec) && isHeadlessService(prev))) {
    const next = clusterIPsOf(spec);
    const before = clusterIPsOf(prev);
    if (next.length === before.length) {
      before.forEach((ip, i) => {
        if (ip !== next[i]) errs.push(invalid(ipsPath.index(i), goStringSlice(next), 'may not change once set'));
      });
    } else if (next.length < before.length) {
      if (next.length === 0) errs.push(invalid(ipsPath.index(0), goStringSlice(next), 'primary clusterIP can not be unset'));
      else if (next[0] !== before[0]) errs.push(invalid(ipsPath.index(0), goStringSlice(next), 'may not change once set'));
      if (next.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
        errs.push(invalid(FieldPath.root('spec', 'ipFamilyPolicy'), asString(spec.ipFamilyPolicy) || null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
      }
    } else if (before.length > 0 && next[0] !== before[0]) {
      errs.push(invalid(ipsPath.index(0), goStringSlice(next), 'may not change once set'));
    }
    if (isHeadlessService(spec) === isHeadlessService(prev) && !isHeadlessService(spec)) {
      const fams = asArray(spec.ipFamilies).map(asText);
      const oldFams = asArray(prev.ipFamilies).map(asText);
      if (fams.length && oldFams.length && fams[0] !== oldFams[0]) {
        errs.push(invalid(FieldPath.root('spec', 'ipFamilies').index(0), goStringSlice(fams), 'may not change once set'));
      }
    }
  }
  if (asString(spec.type) === 'LoadBalancer' && asString(prev.type) === 'LoadBalancer' && !deepEqual(spec.loadBalancerClass, prev.loadBalancerClass)) {
    errs.push(invalid(FieldPath.root('spec', 'loadBalancerClass'), asString(spec.loadBalancerClass) || null, 'may not change once set'));
  }
  const needsHC = (s: Record<string, unknown>) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
  if (needsHC(spec) && needsHC(prev) && spec.healthCheckNodePort !== prev.healthCheckNodePort) {
    errs.push(forbidden(FieldPath.root('spec', 'healthCheckNodePort'), 'field is immutable'));
  }
  errs.push(...validateServiceSpec(spec, FieldPath.root('spec')));
  return errs;
}
