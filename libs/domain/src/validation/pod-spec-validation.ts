import type { StatusCause } from '../meta/types';
import type { LabelSelector } from '../kinds/common';
import { duplicate, forbidden, invalid, notSupported, required } from './field-errors';
import type { FieldPath } from './field-path';
import { goJSON, goStringSlice } from './go-format';
import { asArray, asNumber, asRecord, asString, asText, isRecord, MAX_INT32 } from './json-access';
import { validateContainers, validateInitContainers } from './container-validation';
import { validateLabelName, validateLabels, validateLabelSelector } from './labels-validation';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP } from './name-rules';
import { validateResourceRequirements } from './resources-validation';
import { validateTolerations } from './tolerations-validation';
import { validateVolumes } from './volume-validation';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

export interface PodSpecOptions {
  /** True for a Pod itself; false for the template inside a workload. */
  isPod: boolean;
  /** Volume names that exist besides spec.volumes (a StatefulSet's claim templates). */
  extraVolumeNames?: readonly string[];
}

function validateEnum(value: unknown, supported: string[], path: FieldPath): StatusCause[] {
  const v = asString(value);
  if (!v) return [required(path)];
  return supported.includes(v) ? [] : [notSupported(path, v, supported)];
}

function validateNameList(value: unknown, path: FieldPath, check: (s: string) => string[]): StatusCause[] {
  const s = asString(value);
  return s ? check(s).map((msg) => invalid(path, s, msg)) : [];
}

function validateIDs(sc: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const range = (v: unknown, p: FieldPath) => {
    const n = asNumber(v);
    if (n !== undefined && (n < 0 || n > 4294967295)) errs.push(invalid(p, n, inclusiveRangeError(0, 4294967295)));
  };
  range(sc.fsGroup, path.child('fsGroup'));
  range(sc.runAsUser, path.child('runAsUser'));
  range(sc.runAsGroup, path.child('runAsGroup'));
  asArray(sc.supplementalGroups).forEach((g, i) => range(g, path.child('supplementalGroups').index(i)));
  return errs;
}

function validatePodSecurityContext(spec: Record<string, unknown>, path: FieldPath): StatusCause[] {
  if (!isRecord(spec.securityContext)) return [];
  const sc = spec.securityContext;
  const errs = validateIDs(sc, path);
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(invalid(path.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  if (sc.fsGroupChangePolicy !== undefined) {
    const v = asString(sc.fsGroupChangePolicy);
    if (!['Always', 'OnRootMismatch'].includes(v)) errs.push(notSupported(path.child('fsGroupChangePolicy'), v, ['Always', 'OnRootMismatch']));
  }
  return errs;
}

function validateHostNetworkPorts(spec: Record<string, unknown>, path: FieldPath, isPod: boolean): StatusCause[] {
  if (spec.hostNetwork !== true) return [];
  const errs: StatusCause[] = [];
  asArray(spec.containers).forEach((c, i) => {
    asArray(asRecord(c).ports).forEach((raw, j) => {
      const port = asRecord(raw);
      const hp = asNumber(port.hostPort) ?? 0;
      const cp = asNumber(port.containerPort) ?? 0;
      if ((isPod || hp !== 0) && hp !== cp) {
        errs.push(invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateNodeSelectorTerm(term: unknown, path: FieldPath): StatusCause[] {
  const t = asRecord(term);
  const errs: StatusCause[] = [];
  asArray(t.matchExpressions).forEach((raw, i) => {
    const r = asRecord(raw);
    const p = path.child('matchExpressions').index(i);
    const op = asString(r.operator);
    const values = asArray(r.values);
    if (!NODE_SELECTOR_OPERATORS.includes(op)) errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
    else if ((op === 'In' || op === 'NotIn') && values.length === 0) {
      errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
      errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else if ((op === 'Gt' || op === 'Lt') && (values.length !== 1 || !/^-?\d+$/.test(asText(values[0])))) {
      errs.push(required(p.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
    }
    errs.push(...validateLabelName(asString(r.key), p.child('key')));
  });
  return errs;
}

function validatePodAffinityTerm(term: unknown, p: FieldPath): StatusCause[] {
  const t = asRecord(term);
  const errs: StatusCause[] = [];
  errs.push(...validateLabelSelector(t.labelSelector as LabelSelector | undefined, p.child('labelSelector')));
  errs.push(...validateLabelSelector(t.namespaceSelector as LabelSelector | undefined, p.child('namespaceSelector')));
  for (const ns of asArray(t.namespaces)) {
    for (const msg of isDNS1123Label(asString(ns))) errs.push(invalid(p.child('namespace'), asString(ns), msg));
  }
  const key = asString(t.topologyKey);
  if (!key) errs.push(required(p.child('topologyKey'), 'can not be empty'));
  else errs.push(...validateLabelName(key, p.child('topologyKey')));
  return errs;
}

/** Affinity: the selector shapes the scheduler relies on. */
function validateAffinity(affinity: unknown, path: FieldPath): StatusCause[] {
  if (!isRecord(affinity)) return [];
  const errs: StatusCause[] = [];
  const na = asRecord(affinity.nodeAffinity);
  if (isRecord(na.requiredDuringSchedulingIgnoredDuringExecution)) {
    const p = path.child('nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution');
    const terms = asArray(na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms);
    if (terms.length === 0) errs.push(required(p.child('nodeSelectorTerms'), 'must have at least one node selector term'));
    terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, p.child('nodeSelectorTerms').index(i))));
  }
  asArray(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
    const pref = asRecord(raw);
    const p = path.child('nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution').index(i);
    const w = asNumber(pref.weight) ?? 0;
    if (w <= 0 || w > 100) errs.push(invalid(p.child('weight'), w, 'must be in the range 1-100'));
    errs.push(...validateNodeSelectorTerm(pref.preference, p.child('preference')));
  });
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = asRecord(affinity[kind]);
    const p = path.child(kind);
    asArray(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      errs.push(...validatePodAffinityTerm(t, p.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
    });
    asArray(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
      const w = asRecord(raw);
      const wp = p.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      const weight = asNumber(w.weight) ?? 0;
      if (weight <= 0 || weight > 100) errs.push(invalid(wp.child('weight'), weight, 'must be in the range 1-100'));
      errs.push(...validatePodAffinityTerm(w.podAffinityTerm, wp.child('podAffinityTerm')));
    });
  }
  return errs;
}

function validateDNSConfig(spec: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const policy = asString(spec.dnsPolicy);
  const cfg = spec.dnsConfig;
  if (policy === 'None') {
    if (!isRecord(cfg)) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (asArray(cfg.nameservers).length === 0) {
      return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!isRecord(cfg)) return [];
  const errs: StatusCause[] = [];
  const nameservers = asArray(cfg.nameservers).map(asText);
  if (nameservers.length > 3) errs.push(invalid(path.child('nameservers'), goStringSlice(nameservers), 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => {
    for (const msg of isValidIP(ns)) errs.push(invalid(path.child('nameservers').index(i), ns, msg));
  });
  const searches = asArray(cfg.searches).map(asText);
  if (searches.length > 32) errs.push(invalid(path.child('searches'), goStringSlice(searches), 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(path.child('searches'), goStringSlice(searches), 'must not have more than 2048 characters (including spaces) in the search list'));
  }
  searches.forEach((s, i) => {
    if (s === '.') return;
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
    for (const msg of isDNS1123Subdomain(trimmed.replace(/_/g, 'a'))) errs.push(invalid(path.child('searches').index(i), trimmed, msg));
  });
  asArray(cfg.options).forEach((o, i) => {
    if (!asString(asRecord(o).name)) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

function validateTopologySpread(constraints: unknown, path: FieldPath): StatusCause[] {
  const list = asArray(constraints).map(asRecord);
  const errs: StatusCause[] = [];
  list.forEach((c, i) => {
    const p = path.index(i);
    const skew = asNumber(c.maxSkew) ?? 0;
    if (skew <= 0) errs.push(invalid(p.child('maxSkew'), skew, 'must be greater than zero'));
    const key = asString(c.topologyKey);
    if (!key) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    const action = asString(c.whenUnsatisfiable);
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(action)) {
      errs.push(notSupported(p.child('whenUnsatisfiable'), action, ['DoNotSchedule', 'ScheduleAnyway']));
    }
    if (list.slice(i + 1).some((o) => asString(o.topologyKey) === key && asString(o.whenUnsatisfiable) === action)) {
      errs.push(duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${key}, ${action}}`));
    }
    const minDomains = asNumber(c.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) errs.push(invalid(p.child('minDomains'), minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule') {
        errs.push(invalid(p.child('minDomains'), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
      }
    }
    errs.push(...validateLabelSelector(c.labelSelector as LabelSelector | undefined, p.child('labelSelector')));
  });
  return errs;
}

/** A PodSpec, for a Pod or for the template of a workload. */
export function validatePodSpec(specValue: unknown, path: FieldPath, opts: PodSpecOptions): StatusCause[] {
  const spec = asRecord(specValue);
  const errs: StatusCause[] = [];
  const grace = asNumber(spec.terminationGracePeriodSeconds);
  if (grace === undefined) errs.push(required(path.child('terminationGracePeriodSeconds')));
  const vols = validateVolumes(spec.volumes, path.child('volumes'));
  errs.push(...vols.errors);
  for (const extra of opts.extraVolumeNames ?? []) vols.names.add(extra);
  errs.push(...validateContainers(spec.containers, vols.names, grace, path.child('containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols.names, grace, path.child('initContainers')));
  errs.push(...validateHostNetworkPorts(spec, path, opts.isPod));
  errs.push(...validateEnum(spec.restartPolicy, RESTART_POLICIES, path.child('restartPolicy')));
  errs.push(...validateEnum(spec.dnsPolicy, DNS_POLICIES, path.child('dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(spec, path.child('securityContext')));
  asArray(spec.imagePullSecrets).forEach((ref, i) => {
    const keys = Object.keys(asRecord(ref));
    if (keys.some((k) => k !== 'name')) errs.push(invalid(path.child('imagePullSecrets').index(i), goJSON(ref), 'only name may be set'));
  });
  errs.push(...validateAffinity(spec.affinity, path.child('affinity')));
  errs.push(...validateDNSConfig(spec, path.child('dnsConfig')));
  asArray(spec.readinessGates).forEach((g, i) => {
    const type = asString(asRecord(g).conditionType);
    for (const msg of isQualifiedName(type)) errs.push(invalid(path.child('readinessGates').index(i).child('conditionType'), type, msg));
  });
  const gates = new Set<string>();
  asArray(spec.schedulingGates).forEach((g, i) => {
    const name = asString(asRecord(g).name);
    for (const msg of isQualifiedName(name)) errs.push(invalid(path.child('schedulingGates').index(i), name, msg));
    if (gates.has(name)) errs.push(duplicate(path.child('schedulingGates').index(i), name));
    gates.add(name);
  });
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints, path.child('topologySpreadConstraints')));
  errs.push(...validateNameList(spec.serviceAccountName, path.child('serviceAccountName'), isDNS1123Subdomain));
  errs.push(...validateNameList(spec.nodeName, path.child('nodeName'), isDNS1123Subdomain));
  const ads = asNumber(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  errs.push(...validateNameList(spec.hostname, path.child('hostname'), isDNS1123Label));
  errs.push(...validateNameList(spec.subdomain, path.child('subdomain'), isDNS1123Label));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  asArray(spec.hostAliases).forEach((raw, i) => {
    const ha = asRecord(raw);
    const p = path.child('hostAliases').index(i);
    for (const msg of isValidIP(asString(ha.ip))) errs.push(invalid(p.child('ip'), asString(ha.ip), msg));
    asArray(ha.hostnames).forEach((h, j) => {
      for (const msg of isDNS1123Subdomain(asString(h))) errs.push(invalid(p.child('hostnames').index(j), asString(h), msg));
    });
  });
  errs.push(...validateNameList(spec.priorityClassName, path.child('priorityClassName'), isDNS1123Subdomain));
  if (spec.runtimeClassName !== undefined && spec.runtimeClassName !== null) {
    const rc = asString(spec.runtimeClassName);
    for (const msg of isDNS1123Subdomain(rc)) errs.push(invalid(path.child('runtimeClassName'), rc, msg));
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null) {
    errs.push(...validateEnum(spec.preemptionPolicy, ['PreemptLowerPriority', 'Never'], path.child('preemptionPolicy')));
  }
  // The server reuses container resource checks here, so errors read `overhead.limits[...]`.
  if (isRecord(spec.overhead)) errs.push(...validateResourceRequirements({ limits: spec.overhead }, path.child('overhead')));
  if (isRecord(spec.os)) {
    const name = asString(spec.os.name);
    if (!name) errs.push(required(path.child('os', 'name'), 'cannot be empty'));
    else if (!['linux', 'windows'].includes(name)) errs.push(notSupported(path.child('os'), name, ['linux', 'windows']));
  }
  return errs;
}

