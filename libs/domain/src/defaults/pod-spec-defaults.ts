import { asArray, isRecord } from '../validation/json-access';
import { defaultContainer } from './container-defaults';
import { canonicalizeQuantityField, canonicalizeResourceList } from './resource-list-defaults';

/** 0644: the mode files from secrets, config maps and the downward API get by default. */
const DEFAULT_FILE_MODE = 0o644;

const VOLUME_SOURCE_KEYS = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc',
  'flexVolume', 'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk',
  'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
];

function defaultFieldRefs(items: unknown): void {
  for (const item of asArray(items)) {
    if (isRecord(item) && isRecord(item.fieldRef) && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
}

export function defaultVolume(vol: unknown): void {
  if (!isRecord(vol)) return;
  // A volume with no source is an emptyDir.
  if (!VOLUME_SOURCE_KEYS.some((k) => isRecord(vol[k]))) vol.emptyDir = {};
  if (isRecord(vol.emptyDir)) canonicalizeQuantityField(vol.emptyDir, 'sizeLimit');
  if (isRecord(vol.hostPath) && vol.hostPath.type === undefined) vol.hostPath.type = '';
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = vol[k];
    if (isRecord(src) && src.defaultMode === undefined) src.defaultMode = DEFAULT_FILE_MODE;
  }
  if (isRecord(vol.downwardAPI)) defaultFieldRefs(vol.downwardAPI.items);
  if (isRecord(vol.projected)) {
    for (const s of asArray(vol.projected.sources)) {
      if (!isRecord(s)) continue;
      if (isRecord(s.downwardAPI)) defaultFieldRefs(s.downwardAPI.items);
      if (isRecord(s.serviceAccountToken) && s.serviceAccountToken.expirationSeconds === undefined) {
        s.serviceAccountToken.expirationSeconds = 3600;
      }
    }
  }
  if (isRecord(vol.ephemeral) && isRecord(vol.ephemeral.volumeClaimTemplate)) {
    const spec = vol.ephemeral.volumeClaimTemplate.spec;
    if (isRecord(spec) && !spec.volumeMode) spec.volumeMode = 'Filesystem';
  }
}

/**
 * PodSpec defaults, shared by Pods and every workload's pod template
 * (restart Always, ClusterFirst DNS, 30 s grace period, default-scheduler).
 */
export function defaultPodSpec(spec: unknown): void {
  if (!isRecord(spec)) return;
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!isRecord(spec.securityContext)) spec.securityContext = {};
  if (typeof spec.terminationGracePeriodSeconds !== 'number') spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const v of asArray(spec.volumes)) defaultVolume(v);
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of asArray(spec[list])) defaultContainer(c);
  }
  if (isRecord(spec.overhead)) canonicalizeResourceList(spec.overhead);
}

/** A workload's pod template: only the PodSpec defaults (no Pod-only ones). */
export function defaultPodTemplate(template: unknown): void {
  if (!isRecord(template)) return;
  defaultPodSpec(template.spec);
}
