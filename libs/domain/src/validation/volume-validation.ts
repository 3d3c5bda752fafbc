import type { StatusCause } from '../meta/types';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './field-errors';
import type { FieldPath } from './field-path';
import { asArray, asNumber, asRecord, asString, isRecord } from './json-access';
import { isDNS1123Label } from './name-rules';
import { tryParseQuantityExact } from './quantity';

/** Volume sources in the order the server checks them (only one may be set). */
const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc',
  'flexVolume', 'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk',
  'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
] as const;

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const VOLUME_FIELD_PATHS = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid']);

export function validatePathNoBacksteps(target: string, path: FieldPath): StatusCause[] {
  return target.split(/[\\/]/).includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  if (target.startsWith('/')) errs.push(invalid(path, target, 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(target, path));
  return errs;
}

function validateLocalNonReservedPath(target: string, path: FieldPath): StatusCause[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateMode(mode: unknown, path: FieldPath): StatusCause[] {
  const m = asNumber(mode);
  return m !== undefined && (m > 0o777 || m < 0) ? [invalid(path, m, FILE_MODE_ERROR)] : [];
}

function validateKeyToPaths(items: unknown, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  asArray(items).forEach((raw, i) => {
    const kp = asRecord(raw);
    const p = path.index(i);
    if (!asString(kp.key)) errs.push(required(p.child('key')));
    if (!asString(kp.path)) errs.push(required(p.child('path')));
    errs.push(...validateLocalNonReservedPath(asString(kp.path), p.child('path')));
    errs.push(...validateMode(kp.mode, p.child('mode')));
  });
  return errs;
}

function validateDownwardAPIFile(raw: unknown, path: FieldPath): StatusCause[] {
  const f = asRecord(raw);
  const errs: StatusCause[] = [];
  const filePath = asString(f.path);
  if (!filePath) errs.push(required(path.child('path')));
  errs.push(...validateLocalNonReservedPath(filePath, path.child('path')));
  if (isRecord(f.fieldRef)) {
    const fieldPath = asString(f.fieldRef.fieldPath);
    const base = fieldPath.replace(/\[.*\]$/, '');
    if (!fieldPath) errs.push(required(path.child('fieldRef', 'fieldPath')));
    else if (!VOLUME_FIELD_PATHS.has(base)) {
      errs.push(notSupported(path.child('fieldRef', 'fieldPath'), fieldPath, [...VOLUME_FIELD_PATHS].sort()));
    }
    if (isRecord(f.resourceFieldRef)) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (isRecord(f.resourceFieldRef)) {
    if (!asString(f.resourceFieldRef.containerName)) errs.push(required(path.child('resourceFieldRef', 'containerName')));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(f.mode, path.child('mode')));
  return errs;
}

function validateSource(kind: string, src: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  switch (kind) {
    case 'emptyDir': {
      const limit = src.sizeLimit;
      const q = typeof limit === 'string' || typeof limit === 'number' ? tryParseQuantityExact(limit) : undefined;
      if (q && q.nanos < 0n) errs.push(forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
      break;
    }
    case 'hostPath': {
      const p = asString(src.path);
      if (!p) return [required(path.child('path'))];
      errs.push(...validatePathNoBacksteps(p, path.child('path')));
      const type = src.type === undefined || src.type === null ? '' : asString(src.type);
      if (!HOST_PATH_TYPES.includes(type)) errs.push(notSupported(path.child('type'), type, HOST_PATH_TYPES));
      break;
    }
    case 'secret':
      if (!asString(src.secretName)) errs.push(required(path.child('secretName')));
      errs.push(...validateMode(src.defaultMode, path.child('defaultMode')));
      errs.push(...validateKeyToPaths(src.items, path.child('items')));
      break;
    case 'configMap':
      if (!asString(src.name)) errs.push(required(path.child('name')));
      errs.push(...validateMode(src.defaultMode, path.child('defaultMode')));
      errs.push(...validateKeyToPaths(src.items, path.child('items')));
      break;
    case 'persistentVolumeClaim':
      if (!asString(src.claimName)) errs.push(required(path.child('claimName')));
      break;
    case 'nfs': {
      if (!asString(src.server)) errs.push(required(path.child('server')));
      const p = asString(src.path);
      if (!p) errs.push(required(path.child('path')));
      if (!p.startsWith('/')) errs.push(invalid(path.child('path'), p, 'must be an absolute path'));
      break;
    }
    case 'downwardAPI':
      errs.push(...validateMode(src.defaultMode, path.child('defaultMode')));
      for (const f of asArray(src.items)) errs.push(...validateDownwardAPIFile(f, path));
      break;
    case 'projected':
      errs.push(...validateMode(src.defaultMode, path.child('defaultMode')));
      asArray(src.sources).forEach((raw, i) => {
        const s = asRecord(raw);
        const sp = path.child('sources').index(i);
        for (const kindName of ['secret', 'configMap'] as const) {
          if (!isRecord(s[kindName])) continue;
          const ref = s[kindName] as Record<string, unknown>;
          if (!asString(ref.name)) errs.push(required(sp.child(kindName, 'name')));
          errs.push(...validateKeyToPaths(ref.items, sp.child(kindName, 'items')));
        }
        if (isRecord(s.serviceAccountToken) && !asString(s.serviceAccountToken.path)) {
          errs.push(required(sp.child('serviceAccountToken', 'path')));
        }
      });
      break;
    default:
      break;
  }
  return errs;
}

export interface ValidatedVolumes {
  /** Names of volumes that passed, which mounts may refer to. */
  names: Set<string>;
  errors: StatusCause[];
}

/** `spec.volumes`: unique DNS-label names, exactly one source each. */
export function validateVolumes(volumes: unknown, path: FieldPath): ValidatedVolumes {
  const names = new Set<string>();
  const errors: StatusCause[] = [];
  asArray(volumes).forEach((raw, i) => {
    const vol = asRecord(raw);
    const p = path.index(i);
    const name = asString(vol.name);
    const el: StatusCause[] = [];
    let count = 0;
    for (const kind of VOLUME_SOURCES) {
      if (!isRecord(vol[kind])) continue;
      if (count > 0) {
        el.push(forbidden(p.child(kind), 'may not specify more than 1 volume type'));
        continue;
      }
      count++;
      el.push(...validateSource(kind, vol[kind] as Record<string, unknown>, p.child(kind)));
    }
    if (count === 0) el.push(required(p, 'must specify a volume type'));
    if (!name) el.push(required(p.child('name')));
    else for (const msg of isDNS1123Label(name)) el.push(invalid(p.child('name'), name, msg));
    if (names.has(name)) el.push(duplicate(p.child('name'), name));
    if (el.length === 0) names.add(name);
    errors.push(...el);
  });
  return { names, errors };
}

const PROPAGATION_MODES = ['Bidirectional', 'HostToContainer', 'None'];

/** A container's `volumeMounts`: each names a declared volume and a unique mount path. */
export function validateVolumeMounts(mounts: unknown, volumes: Set<string>, privileged: boolean, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const mountPoints = new Set<string>();
  asArray(mounts).forEach((raw, i) => {
    const m = asRecord(raw);
    const p = path.index(i);
    const name = asString(m.name);
    const mountPath = asString(m.mountPath);
    if (!name) errs.push(required(p.child('name')));
    if (!volumes.has(name)) errs.push(notFound(p.child('name'), name));
    if (!mountPath) errs.push(required(p.child('mountPath')));
    if (mountPoints.has(mountPath)) errs.push(invalid(p.child('mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    // The server reports these two against the list path, not the item; kept for parity.
    const subPath = asString(m.subPath);
    const subPathExpr = asString(m.subPathExpr);
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, path.child('subPath')));
    if (subPathExpr) {
      if (subPath) errs.push(invalid(p.child('subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, path.child('subPathExpr')));
    }
    if (m.mountPropagation !== undefined && m.mountPropagation !== null) {
      const mode = asString(m.mountPropagation);
      if (!PROPAGATION_MODES.includes(mode)) {
        errs.push(notSupported(path.child('mountPropagation'), mode, PROPAGATION_MODES));
      } else if (mode === 'Bidirectional' && !privileged) {
        errs.push(forbidden(path.child('mountPropagation'), 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}
