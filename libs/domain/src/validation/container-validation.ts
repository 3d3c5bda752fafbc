import type { StatusCause } from '../meta/types';
import { duplicate, forbidden, invalid, notSupported, required } from './field-errors';
import type { FieldPath } from './field-path';
import { asArray, asNumber, asRecord, asString, isRecord } from './json-access';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './name-rules';
import { validateContainerProbe, validateLifecycle } from './probe-validation';
import { validateResourceRequirements } from './resources-validation';
import { validateVolumeMounts } from './volume-validation';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
/** Paths the v1 downward API knows at all; others fail conversion first. */
const DOWNWARD_API_LABELS = new Set([
  ...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase',
]);
const ENV_RESOURCE_PATHS = [
  'limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory',
];

export function validateContainerPorts(ports: unknown, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const names = new Set<string>();
  asArray(ports).forEach((raw, i) => {
    const port = asRecord(raw);
    const p = path.index(i);
    const name = asString(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const msg of msgs) errs.push(invalid(p.child('name'), name, msg));
      else if (names.has(name)) errs.push(duplicate(p.child('name'), name));
      else names.add(name);
    }
    const containerPort = asNumber(port.containerPort) ?? 0;
    if (containerPort === 0) errs.push(required(p.child('containerPort')));
    else for (const msg of isValidPortNum(containerPort)) errs.push(invalid(p.child('containerPort'), containerPort, msg));
    const hostPort = asNumber(port.hostPort) ?? 0;
    if (hostPort !== 0) for (const msg of isValidPortNum(hostPort)) errs.push(invalid(p.child('hostPort'), hostPort, msg));
    const protocol = asString(port.protocol);
    if (!protocol) errs.push(required(p.child('protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(p.child('protocol'), protocol, PROTOCOLS));
  });
  return errs;
}

function validateKeySelector(ref: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const name = asString(ref.name);
  for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(path.child('name'), name, msg));
  const key = asString(ref.key);
  if (!key) errs.push(required(path.child('key')));
  else for (const msg of isConfigMapKey(key)) errs.push(invalid(path.child('key'), key, msg));
  return errs;
}

function validateObjectFieldSelector(ref: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const apiVersion = asString(ref.apiVersion);
  if (!apiVersion) return [required(path.child('apiVersion'))];
  const fieldPath = asString(ref.fieldPath);
  if (!fieldPath) return [required(path.child('fieldPath'))];
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath);
  const base = sub ? sub[1] : fieldPath;
  if (apiVersion !== 'v1') {
    return [invalid(path.child('fieldPath'), fieldPath, `error converting fieldPath: unsupported pod version: ${apiVersion}`)];
  }
  if (!DOWNWARD_API_LABELS.has(base)) {
    return [invalid(path.child('fieldPath'), fieldPath, `error converting fieldPath: field label not supported: ${base}`)];
  }
  if (sub) {
    const key = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2];
    return isQualifiedName(key).map((msg) => invalid(path, key, msg));
  }
  return ENV_FIELD_PATHS.includes(base) ? [] : [notSupported(path.child('fieldPath'), base, ENV_FIELD_PATHS)];
}

function validateEnvValueFrom(ev: Record<string, unknown>, path: FieldPath): StatusCause[] {
  if (!isRecord(ev.valueFrom)) return [];
  const from = ev.valueFrom;
  const errs: StatusCause[] = [];
  let sources = 0;
  if (isRecord(from.fieldRef)) {
    sources++;
    errs.push(...validateObjectFieldSelector(from.fieldRef, path.child('fieldRef')));
  }
  if (isRecord(from.resourceFieldRef)) {
    sources++;
    const resource = asString(from.resourceFieldRef.resource);
    const rp = path.child('resourceFieldRef');
    if (!resource) errs.push(required(rp.child('resource')));
    else if (!ENV_RESOURCE_PATHS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
      errs.push(notSupported(rp.child('resource'), resource, ENV_RESOURCE_PATHS));
    }
  }
  if (isRecord(from.configMapKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, path.child('configMapKeyRef')));
  }
  if (isRecord(from.secretKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, path.child('secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (asString(ev.value).length !== 0) {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnv(env: unknown, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  asArray(env).forEach((raw, i) => {
    const ev = asRecord(raw);
    const p = path.index(i);
    const name = asString(ev.name);
    if (!name) errs.push(required(p.child('name')));
    else for (const msg of isRelaxedEnvVarName(name)) errs.push(invalid(p.child('name'), name, msg));
    errs.push(...validateEnvValueFrom(ev, p.child('valueFrom')));
  });
  return errs;
}

export function validateEnvFrom(envFrom: unknown, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  asArray(envFrom).forEach((raw, i) => {
    const ef = asRecord(raw);
    const p = path.index(i);
    const prefix = asString(ef.prefix);
    if (prefix) for (const msg of isRelaxedEnvVarName(prefix)) errs.push(invalid(p.child('prefix'), prefix, msg));
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      if (!isRecord(ef[kind])) continue;
      sources++;
      const name = asString((ef[kind] as Record<string, unknown>).name);
      if (!name) errs.push(required(p.child(kind, 'name')));
      else for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(p.child(kind, 'name'), name, msg));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateSecurityContext(sc: unknown, path: FieldPath): StatusCause[] {
  if (!isRecord(sc)) return [];
  const errs: StatusCause[] = [];
  for (const f of ['runAsUser', 'runAsGroup']) {
    const id = asNumber(sc[f]);
    if (id !== undefined && (id < 0 || id > 4294967295)) errs.push(invalid(path.child(f), id, 'must be between 0 and 4294967295, inclusive'));
  }
  if (sc.procMount !== undefined && !['Default', 'Unmasked'].includes(asString(sc.procMount))) {
    errs.push(notSupported(path.child('procMount'), asString(sc.procMount), ['Default', 'Unmasked']));
  }
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    errs.push(invalid(path, '', 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
  }
  return errs;
}

/** What every container kind checks: name, image, ports, env, mounts, policies, resources. */
function validateContainerCommon(ctr: Record<string, unknown>, volumes: Set<string>, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const name = asString(ctr.name);
  if (!name) errs.push(required(path.child('name')));
  else for (const msg of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, msg));
  if (!asString(ctr.image)) errs.push(required(path.child('image')));
  const tmp = asString(ctr.terminationMessagePolicy);
  if (!tmp) errs.push(required(path.child('terminationMessagePolicy')));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
  }
  errs.push(...validateContainerPorts(ctr.ports, path.child('ports')));
  errs.push(...validateEnv(ctr.env, path.child('env')));
  errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom')));
  const privileged = asRecord(ctr.securityContext).privileged === true;
  errs.push(...validateVolumeMounts(ctr.volumeMounts, volumes, privileged, path.child('volumeMounts')));
  const pull = asString(ctr.imagePullPolicy);
  if (!pull) errs.push(required(path.child('imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(path.child('imagePullPolicy'), pull, PULL_POLICIES));
  errs.push(...validateResourceRequirements(ctr.resources, path.child('resources')));
  errs.push(...validateSecurityContext(ctr.securityContext, path.child('securityContext')));
  return errs;
}

/** Host ports must not collide across containers (protocol/hostIP/port). */
export function checkHostPortConflicts(containers: unknown[], path: FieldPath, seen = new Set<string>()): StatusCause[] {
  const errs: StatusCause[] = [];
  containers.forEach((raw, ci) => {
    asArray(asRecord(raw).ports).forEach((rp, pi) => {
      const port = asRecord(rp);
      const hostPort = asNumber(port.hostPort) ?? 0;
      if (hostPort === 0) return;
      const key = `${asString(port.protocol)}/${asString(port.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

/** `containers`: at least one, unique names, probes and lifecycle hooks. */
export function validateContainers(containers: unknown, volumes: Set<string>, gracePeriod: number | undefined, path: FieldPath): StatusCause[] {
  const list = asArray(containers);
  if (list.length === 0) return [required(path)];
  const errs: StatusCause[] = [];
  const names = new Set<string>();
  list.forEach((raw, i) => {
    const ctr = asRecord(raw);
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, p));
    const name = asString(ctr.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else names.add(name);
    if (isRecord(ctr.lifecycle)) errs.push(...validateLifecycle(ctr.lifecycle, p.child('lifecycle'), gracePeriod));
    for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      errs.push(...validateContainerProbe(kind, ctr[kind], p.child(kind), gracePeriod));
    }
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

/** `initContainers`: names unique across all containers; hooks and probes only on sidecars. */
export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  volumes: Set<string>,
  gracePeriod: number | undefined,
  path: FieldPath,
): StatusCause[] {
  const errs: StatusCause[] = [];
  const names = new Set(asArray(containers).map((c) => asString(asRecord(c).name)));
  asArray(initContainers).forEach((raw, i) => {
    const ctr = asRecord(raw);
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, p));
    let sidecar = false;
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      const rp = asString(ctr.restartPolicy);
      if (rp !== 'Always') errs.push(notSupported(p.child('restartPolicy'), rp, ['Always']));
      sidecar = rp === 'Always';
    }
    const name = asString(ctr.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else if (name) names.add(name);
    errs.push(...checkHostPortConflicts([ctr], path));
    if (sidecar) {
      if (isRecord(ctr.lifecycle)) errs.push(...validateLifecycle(ctr.lifecycle, p.child('lifecycle'), gracePeriod));
      for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        errs.push(...validateContainerProbe(kind, ctr[kind], p.child(kind), gracePeriod));
      }
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[f] !== undefined && ctr[f] !== null) {
          errs.push(forbidden(p.child(f), 'may not be set for init containers without restartPolicy=Always'));
        }
      }
    }
  });
  return errs;
}
