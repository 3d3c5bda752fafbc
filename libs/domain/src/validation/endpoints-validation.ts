import type { StatusCause } from '../meta/types';
import { invalid, notSupported, required } from './field-errors';
import { FieldPath } from './field-path';
import { asArray, asNumber, asRecord, asString } from './json-access';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidPortNum, nameIsDNSSubdomain } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/**
 * An endpoint address. The real server also refuses loopback and link-local addresses;
 * Skiff's process runtime gives pods loopback IPs (127.64.N.x), so those are allowed.
 */
function validateAddress(addr: unknown, path: FieldPath): StatusCause[] {
  const a = asRecord(addr);
  const errs: StatusCause[] = [];
  const ip = asString(a.ip);
  for (const msg of isValidIP(ip)) errs.push(invalid(path.child('ip'), ip, msg));
  const hostname = asString(a.hostname);
  if (hostname) for (const msg of isDNS1123Label(hostname)) errs.push(invalid(path.child('hostname'), hostname, msg));
  if (a.nodeName !== undefined && a.nodeName !== null) {
    const node = asString(a.nodeName);
    for (const msg of isDNS1123Subdomain(node)) errs.push(invalid(path.child('nodeName'), node, msg));
  }
  if (isValidIP(ip).length === 0 && (ip === '0.0.0.0' || ip === '::')) {
    errs.push(invalid(path.child('ip'), ip, `may not be unspecified (${ip})`));
  }
  return errs;
}

function validatePort(port: unknown, requireName: boolean, path: FieldPath): StatusCause[] {
  const p = asRecord(port);
  const errs: StatusCause[] = [];
  const name = asString(p.name);
  if (requireName && !name) errs.push(required(path.child('name')));
  else if (name) for (const msg of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, msg));
  const num = asNumber(p.port) ?? 0;
  for (const msg of isValidPortNum(num)) errs.push(invalid(path.child('port'), num, msg));
  const protocol = asString(p.protocol);
  if (!protocol) errs.push(required(path.child('protocol')));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(path.child('protocol'), protocol, PROTOCOLS));
  if (p.appProtocol !== undefined && p.appProtocol !== null) {
    const ap = asString(p.appProtocol);
    for (const msg of isQualifiedName(ap)) errs.push(invalid(path.child('appProtocol'), ap, msg));
  }
  return errs;
}

export function validateEndpoints(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  asArray(obj.subsets).forEach((raw, i) => {
    const ss = asRecord(raw);
    const p = FieldPath.root('subsets').index(i);
    const addresses = asArray(ss.addresses);
    const notReady = asArray(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateAddress(a, p.child('addresses').index(j))));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, p.child('notReadyAddresses').index(j))));
    const ports = asArray(ss.ports);
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, p.child('ports').index(j))));
  });
  return errs;
}

export function validateEndpointsUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateEndpoints(obj));
  return errs;
}
