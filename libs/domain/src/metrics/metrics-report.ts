import type { StatusCause } from '../meta/types';
import { duplicate, invalid, notSupported, required } from '../validation/field-errors';
import { FieldPath } from '../validation/field-path';
import { isDNS1123Label, isDNS1123Subdomain } from '../validation/name-rules';

/**
 * What an agent pushes to `POST /skiff/v1/metrics` every `--metrics-seconds`: the usage
 * of each node it plays and of each running container there, measured over the window
 * since its previous report (the vocabulary of the kubelet's Summary API).
 */
export interface ContainerUsage {
  name: string;
  /** CPU used over the window, in billionths of a core. */
  usageNanoCores: number;
  /** Memory in use at the end of the window. */
  workingSetBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  uid: string;
  containers: ContainerUsage[];
}

export interface NodeUsage {
  name: string;
  usageNanoCores: number;
  workingSetBytes: number;
  pods: PodUsage[];
}

export interface MetricsReport {
  kind: 'MetricsReport';
  apiVersion: 'skiff.io/v1';
  /** When the measurement was taken (the end of the window), RFC 3339. */
  timestamp: string;
  windowSeconds: number;
  nodes: NodeUsage[];
}

export const METRICS_REPORT_LIMITS = { nodes: 10_000, podsPerNode: 1_000, containersPerPod: 100, maxWindowSeconds: 3600 };

/** At most this many causes are reported: a broken agent should not get a megabyte of errors back. */
const MAX_CAUSES = 20;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates an agent's report; `report` (only the known fields) when there are no causes. */
export function parseMetricsReport(body: unknown): { report?: MetricsReport; causes: StatusCause[] } {
  const causes: StatusCause[] = [];
  const add = (c: StatusCause) => causes.length < MAX_CAUSES && causes.push(c);
  if (!isObject(body)) return { causes: [invalid(FieldPath.root(), null, 'must be a JSON object')] };

  if (body.kind !== undefined && body.kind !== 'MetricsReport') add(notSupported('kind', String(body.kind), ['MetricsReport']));
  if (body.apiVersion !== undefined && body.apiVersion !== 'skiff.io/v1') add(notSupported('apiVersion', String(body.apiVersion), ['skiff.io/v1']));
  const timestamp = body.timestamp;
  if (timestamp === undefined) add(required('timestamp'));
  else if (typeof timestamp !== 'string' || !RFC3339.test(timestamp) || !Number.isFinite(Date.parse(timestamp))) add(invalid('timestamp', String(timestamp), 'must be an RFC 3339 time'));
  const window = body.windowSeconds;
  if (window === undefined) add(required('windowSeconds'));
  else if (typeof window !== 'number' || !Number.isFinite(window) || window <= 0 || window > METRICS_REPORT_LIMITS.maxWindowSeconds) {
    add(invalid('windowSeconds', typeof window === 'number' ? window : String(window), `must be a number of seconds above 0 and at most ${METRICS_REPORT_LIMITS.maxWindowSeconds}`));
  }

  const nodes = list(body.nodes, FieldPath.root('nodes'), 1, METRICS_REPORT_LIMITS.nodes, add);
  const nodeNames = new Set<string>();
  const outNodes: NodeUsage[] = [];
  nodes.forEach((n, i) => {
    const at = FieldPath.root('nodes').index(i);
    if (!isObject(n)) return add(invalid(at, null, 'must be an object'));
    const name = name_(n.name, at.child('name'), isDNS1123Subdomain, add);
    if (name !== undefined) {
      if (nodeNames.has(name)) add(duplicate(at.child('name'), name));
      nodeNames.add(name);
    }
    const cpu = amount(n.usageNanoCores, at.child('usageNanoCores'), add);
    const memory = amount(n.workingSetBytes, at.child('workingSetBytes'), add);
    const pods: PodUsage[] = [];
    const podKeys = new Set<string>();
    list(n.pods ?? [], at.child('pods'), 0, METRICS_REPORT_LIMITS.podsPerNode, add).forEach((p, j) => {
      const pat = at.child('pods').index(j);
      if (!isObject(p)) return add(invalid(pat, null, 'must be an object'));
      const namespace = name_(p.namespace, pat.child('namespace'), isDNS1123Label, add);
      const podName = name_(p.name, pat.child('name'), isDNS1123Subdomain, add);
      if (namespace !== undefined && podName !== undefined) {
        const key = `${namespace}/${podName}`;
        if (podKeys.has(key)) add(duplicate(pat.child('name'), podName));
        podKeys.add(key);
      }
      let uid: string | undefined;
      if (p.uid === undefined || p.uid === '') add(required(pat.child('uid')));
      else if (typeof p.uid !== 'string' || p.uid.length > 128) add(invalid(pat.child('uid'), String(p.uid), 'must be a string of at most 128 characters'));
      else uid = p.uid;
      const containers: ContainerUsage[] = [];
      const containerNames = new Set<string>();
      list(p.containers, pat.child('containers'), 1, METRICS_REPORT_LIMITS.containersPerPod, add).forEach((c, k) => {
        const cat = pat.child('containers').index(k);
        if (!isObject(c)) return add(invalid(cat, null, 'must be an object'));
        const cname = name_(c.name, cat.child('name'), isDNS1123Label, add);
        if (cname !== undefined) {
          if (containerNames.has(cname)) add(duplicate(cat.child('name'), cname));
          containerNames.add(cname);
        }
        const ccpu = amount(c.usageNanoCores, cat.child('usageNanoCores'), add);
        const cmem = amount(c.workingSetBytes, cat.child('workingSetBytes'), add);
        if (cname !== undefined && ccpu !== undefined && cmem !== undefined) containers.push({ name: cname, usageNanoCores: ccpu, workingSetBytes: cmem });
      });
      if (namespace !== undefined && podName !== undefined && uid !== undefined) pods.push({ namespace, name: podName, uid, containers });
    });
    if (name !== undefined && cpu !== undefined && memory !== undefined) outNodes.push({ name, usageNanoCores: cpu, workingSetBytes: memory, pods });
  });

  if (causes.length) return { causes };
  return { report: { kind: 'MetricsReport', apiVersion: 'skiff.io/v1', timestamp: timestamp as string, windowSeconds: window as number, nodes: outNodes }, causes };
}

function list(v: unknown, at: FieldPath, min: number, max: number, add: (c: StatusCause) => void): unknown[] {
  if (v === undefined) {
    add(required(at));
    return [];
  }
  if (!Array.isArray(v)) {
    add(invalid(at, null, 'must be a list'));
    return [];
  }
  if (v.length < min) {
    add(required(at, `must list at least ${min}`));
    return [];
  }
  if (v.length > max) {
    // field.TooMany, as the API server words it.
    add({ reason: 'FieldValueTooMany', field: at.toString(), message: `Too many: ${v.length}: must have at most ${max} items` });
    return [];
  }
  return v;
}

function name_(v: unknown, at: FieldPath, rule: (s: string) => string[], add: (c: StatusCause) => void): string | undefined {
  if (v === undefined || v === '') {
    add(required(at));
    return undefined;
  }
  if (typeof v !== 'string') {
    add(invalid(at, String(v), 'must be a string'));
    return undefined;
  }
  const errs = rule(v);
  if (errs.length) {
    add(invalid(at, v, errs[0]));
    return undefined;
  }
  return v;
}

/** A count (nanocores, bytes): a whole number from 0 up. */
function amount(v: unknown, at: FieldPath, add: (c: StatusCause) => void): number | undefined {
  if (v === undefined) {
    add(required(at));
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    add(invalid(at, typeof v === 'number' ? v : String(v), 'must be a whole number, 0 or more'));
    return undefined;
  }
  return v;
}
