import { Errors, carryOverAllocatedServiceFields, type KubeObject, type UpdateScope, type ResourceType, type StatusCause } from '@skiff/domain';
import { keyString, type ObjectKey } from '../store/store-types';
import { ipToNumber, ipToString, parseCidr } from './cidr';
import { admitNode } from './node-admission';
import { RetryWrite } from './retry-write';

/** What admission needs from the rest of the server. */
export interface Admission {
  serviceCidr: string;
  nodePortRange: [number, number];
  /** The pod range Nodes get their podCIDR slices from, and the slices' prefix length. */
  podCidr: string;
  nodeCidrMaskSize: number;
  /** Claims currently held whose names start with `prefix` (e.g. `clusterip:`). */
  usedClaims(prefix: string): Promise<Set<string>>;
}

export interface Admitted {
  object: KubeObject;
  /** The unique values the object will hold; undefined leaves them unchanged. */
  claims?: string[];
  /** Inside the write: refuse values another object already holds. */
  checkClaims(holder: (claim: string) => string | undefined, key: ObjectKey): void;
}

interface ServicePort {
  name?: string;
  port?: number;
  protocol?: string;
  nodePort?: number;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
}

const noClaims: Admitted['checkClaims'] = () => undefined;

export async function admitCreate(adm: Admission, type: ResourceType, obj: KubeObject): Promise<Admitted> {
  if (type.kind === 'Service') return admitService(adm, obj, undefined);
  if (type.kind === 'Node') return admitNode(adm, obj, undefined);
  return { object: obj, checkClaims: noClaims };
}

export async function admitUpdate(adm: Admission, type: ResourceType, obj: KubeObject, old: KubeObject, scope: UpdateScope): Promise<Admitted> {
  if (type.kind === 'Service' && scope === 'main') return admitService(adm, obj, old);
  if (type.kind === 'Node' && scope === 'main') return admitNode(adm, obj, old);
  return { object: obj, checkClaims: noClaims };
}

/**
 * Cluster IPs from the service range and node ports from 30000-32767, held as
 * claims written with the Service: a value two Services want is refused to the
 * second (422 when asked for, a fresh pick when chosen at random).
 */
async function admitService(adm: Admission, input: KubeObject, old: KubeObject | undefined): Promise<Admitted> {
  const obj = structuredClone(input);
  const spec = ((obj.spec ??= {}) as ServiceSpec);
  const oldSpec = (old?.spec ?? {}) as ServiceSpec;
  const causes: StatusCause[] = [];
  const chosen = new Set<string>();
  const claims: string[] = [];
  const type = spec.type ?? 'ClusterIP';

  if (old) carryOverAllocatedServiceFields(obj, old);
  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
  } else if (spec.clusterIP) {
    const n = ipToNumber(spec.clusterIP);
    const { base, size } = parseCidr(adm.serviceCidr);
    if (n === undefined) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: `Invalid value: "${spec.clusterIP}": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)` });
    } else if (n <= base || n >= base + size - 1) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs',
        message: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${adm.serviceCidr}`,
      });
    } else {
      spec.clusterIPs = [spec.clusterIP];
      claims.push(`clusterip:${spec.clusterIP}`);
      if (spec.clusterIP !== oldSpec.clusterIP) chosen.add(`clusterip:${spec.clusterIP}`);
    }
  } else {
    const used = await adm.usedClaims('clusterip:');
    const ip = pickFree(parseCidr(adm.serviceCidr), used);
    if (!ip) throw Errors.internal(`failed to allocate a serviceIP: range is full`);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    claims.push(`clusterip:${ip}`);
  }

  if (type === 'NodePort' || type === 'LoadBalancer') {
    const [low, high] = adm.nodePortRange;
    let used: Set<string> | undefined;
    for (const [i, p] of (spec.ports ?? []).entries()) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      if (p.nodePort) {
        if (p.nodePort < low || p.nodePort > high) {
          causes.push({
            reason: 'FieldValueInvalid',
            field: `spec.ports[${i}].nodePort`,
            message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${low}-${high}`,
          });
          continue;
        }
        const c = `nodeport:${proto}:${p.nodePort}`;
        if (claims.includes(c)) {
          causes.push({ reason: 'FieldValueDuplicate', field: `spec.ports[${i}].nodePort`, message: `Duplicate value: ${p.nodePort}` });
          continue;
        }
        claims.push(c);
        if (!oldSpec.ports?.some((o) => o.nodePort === p.nodePort)) chosen.add(c);
      } else {
        used ??= await adm.usedClaims(`nodeport:`);
        const taken = new Set([...used, ...claims]);
        let port: number | undefined;
        for (let tries = 0; tries < 4 * (high - low + 1) && !port; tries++) {
          const candidate = low + Math.floor(Math.random() * (high - low + 1));
          if (!taken.has(`nodeport:${proto}:${candidate}`)) port = candidate;
        }
        if (!port) throw Errors.internal('failed to allocate a nodePort: range is full');
        p.nodePort = port;
        claims.push(`nodeport:${proto}:${port}`);
      }
    }
  } else {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (causes.length) throw Errors.invalid('', 'Service', obj.metadata.name ?? '', causes);

  return {
    object: obj,
    claims,
    checkClaims: (holder, key) => {
      const me = keyString(key);
      const taken: StatusCause[] = [];
      for (const c of claims) {
        const h = holder(c);
        if (!h || h === me) continue;
        if (!chosen.has(c) && !(old && isKept(c, oldSpec))) throw new RetryWrite();
        taken.push(takenCause(c, spec));
      }
      if (taken.length) throw Errors.invalid('', 'Service', obj.metadata.name ?? '', taken);
    },
  };
}

function isKept(claim: string, oldSpec: ServiceSpec): boolean {
  return claim === `clusterip:${oldSpec.clusterIP}` || !!oldSpec.ports?.some((p) => claim.endsWith(`:${p.nodePort}`));
}

function takenCause(claim: string, spec: ServiceSpec): StatusCause {
  if (claim.startsWith('clusterip:')) {
    const ip = claim.slice('clusterip:'.length);
    return {
      reason: 'FieldValueInvalid',
      field: 'spec.clusterIPs',
      message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: provided IP is already allocated`,
    };
  }
  const port = Number(claim.split(':')[2]);
  const i = (spec.ports ?? []).findIndex((p) => p.nodePort === port);
  return { reason: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${port}: provided port is already allocated` };
}

/** A random free address, skipping the network, the first host (kept for the `kubernetes` Service) and broadcast. */
function pickFree(range: { base: number; size: number }, used: Set<string>): string | undefined {
  const first = range.base + 2;
  const count = range.size - 3;
  const start = Math.floor(Math.random() * count);
  for (let i = 0; i < count; i++) {
    const ip = ipToString(first + ((start + i) % count));
    if (!used.has(`clusterip:${ip}`)) return ip;
  }
  return undefined;
}
