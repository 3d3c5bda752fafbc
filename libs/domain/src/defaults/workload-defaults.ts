import { asArray, asRecord, isRecord } from '../validation/json-access';
import { defaultPodTemplate } from './pod-spec-defaults';
import { defaultPersistentVolumeClaimSpec } from './persistent-volume-claim-defaults';

type Obj = Record<string, unknown>;

function specOf(obj: Obj): Obj {
  if (!isRecord(obj.spec)) obj.spec = {};
  return obj.spec as Obj;
}

function defaultNumber(holder: Obj, field: string, value: number): void {
  if (typeof holder[field] !== 'number') holder[field] = value;
}

/** Deployment: 1 replica, RollingUpdate 25%/25%, 10 old ReplicaSets kept, 600 s progress deadline. */
export function defaultDeployment(obj: Obj): void {
  const spec = specOf(obj);
  defaultNumber(spec, 'replicas', 1);
  const strategy = isRecord(spec.strategy) ? spec.strategy : (spec.strategy = {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  defaultNumber(spec, 'revisionHistoryLimit', 10);
  defaultNumber(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
}

export function defaultReplicaSet(obj: Obj): void {
  const spec = specOf(obj);
  defaultNumber(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

/** ReplicationController: selector and object labels come from the template's labels when unset. */
export function defaultReplicationController(obj: Obj): void {
  const spec = specOf(obj);
  const labels = asRecord(asRecord(spec.template).metadata).labels;
  if (isRecord(labels)) {
    if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = isRecord(obj.metadata) ? obj.metadata : (obj.metadata = {});
    if (!isRecord(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  defaultNumber(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

/** StatefulSet: OrderedReady, RollingUpdate from partition 0, claims retained, 10 revisions. */
export function defaultStatefulSet(obj: Obj): void {
  const spec = specOf(obj);
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    if (!isRecord(strategy.rollingUpdate)) strategy.rollingUpdate = {};
  }
  if (strategy.type === 'RollingUpdate' && isRecord(strategy.rollingUpdate)) {
    defaultNumber(strategy.rollingUpdate, 'partition', 0);
  }
  const retention = isRecord(spec.persistentVolumeClaimRetentionPolicy)
    ? spec.persistentVolumeClaimRetentionPolicy
    : (spec.persistentVolumeClaimRetentionPolicy = {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  defaultNumber(spec, 'replicas', 1);
  defaultNumber(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  // Claim templates are full PVC objects on the wire, so they get PVC defaults (status included).
  for (const claim of asArray(spec.volumeClaimTemplates)) {
    if (!isRecord(claim)) continue;
    if (!isRecord(claim.spec)) claim.spec = {};
    defaultPersistentVolumeClaimSpec(claim.spec as Obj);
    const status = isRecord(claim.status) ? claim.status : (claim.status = {});
    if (!status.phase) status.phase = 'Pending';
  }
}

/** DaemonSet: RollingUpdate one node at a time (maxUnavailable 1, maxSurge 0), 10 revisions. */
export function defaultDaemonSet(obj: Obj): void {
  const spec = specOf(obj);
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  defaultNumber(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
}
