import { isRecord } from '../validation/json-access';
import { canonicalizeResourceList } from './resource-list-defaults';

type Obj = Record<string, unknown>;

export function defaultPersistentVolumeClaimSpec(spec: Obj): void {
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem';
  if (isRecord(spec.resources)) {
    canonicalizeResourceList(spec.resources.requests);
    canonicalizeResourceList(spec.resources.limits);
  }
}

/** PVC: Filesystem volume mode; a new claim reads as Pending until bound. */
export function defaultPersistentVolumeClaim(obj: Obj): void {
  if (!isRecord(obj.spec)) obj.spec = {};
  defaultPersistentVolumeClaimSpec(obj.spec as Obj);
  const status = isRecord(obj.status) ? obj.status : (obj.status = {});
  if (!status.phase) status.phase = 'Pending';
  canonicalizeResourceList(status.capacity);
}
