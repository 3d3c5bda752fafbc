import {
  core, Definitions, kindObj, labelSelector, map, mergeList, obj, ref, resourceList, str, strList, time,
} from '../dsl';

const ACCESS_MODES = 'Access modes: `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`.';

/** PersistentVolumeClaims. */
export const CORE_STORAGE_DEFINITIONS: Definitions = {
  [core('PersistentVolumeClaim')]: kindObj('A request for storage, bound to a PersistentVolume.', {
    spec: ref(core('PersistentVolumeClaimSpec'), 'The storage requested.'),
    status: ref(core('PersistentVolumeClaimStatus'), 'Observed state of the claim. Read-only.'),
  }),
  [core('PersistentVolumeClaimSpec')]: obj('The storage a claim asks for.', {
    accessModes: strList(`Wanted ${ACCESS_MODES}`),
    selector: labelSelector('Labels of the volumes that may be bound.'),
    resources: ref(core('VolumeResourceRequirements'), 'Minimum resources (size) of the volume.'),
    volumeName: str('Binds to this PersistentVolume by name.'),
    storageClassName: str('StorageClass of the volume; empty string means no class.'),
    volumeMode: str('`Filesystem` (default) or `Block`.', { enum: ['Block', 'Filesystem'] }),
    dataSource: ref(core('TypedLocalObjectReference'), 'Object (snapshot or claim) to fill the new volume from.'),
    dataSourceRef: ref(core('TypedObjectReference'), 'Like dataSource, and may point to any populator object.'),
    volumeAttributesClassName: str('VolumeAttributesClass of the volume.'),
  }),
  [core('VolumeResourceRequirements')]: obj('Size requirements of a volume.', {
    limits: resourceList('Most storage allowed.'),
    requests: resourceList('Least storage needed, e.g. `storage: 10Gi`.'),
  }),
  [core('TypedLocalObjectReference')]: obj(
    'Points to an object of any kind in the same namespace.',
    {
      apiGroup: str('API group of the object; empty for the core group.'),
      kind: str('Kind of the object.'),
      name: str('Name of the object.'),
    },
    ['kind', 'name'],
  ),
  [core('TypedObjectReference')]: obj(
    'Points to an object of any kind, possibly in another namespace.',
    {
      apiGroup: str('API group of the object; empty for the core group.'),
      kind: str('Kind of the object.'),
      name: str('Name of the object.'),
      namespace: str('Namespace of the object.'),
    },
    ['kind', 'name'],
  ),
  [core('PersistentVolumeClaimStatus')]: obj('Observed state of a claim.', {
    phase: str('`Pending`, `Bound` or `Lost`.', { enum: ['Bound', 'Lost', 'Pending'] }),
    accessModes: strList(`Actual ${ACCESS_MODES}`),
    capacity: resourceList('Actual resources of the bound volume.'),
    conditions: mergeList(ref(core('PersistentVolumeClaimCondition')), 'type', 'Current conditions of the claim.'),
    allocatedResources: resourceList('Resources allocated to the claim, during and after a resize.'),
    allocatedResourceStatuses: map(str(), 'State of a resize, by resource.', 'granular'),
    currentVolumeAttributesClassName: str('VolumeAttributesClass currently applied.'),
    modifyVolumeStatus: ref(core('ModifyVolumeStatus'), 'State of a volume modification.'),
  }),
  [core('PersistentVolumeClaimCondition')]: obj(
    'One condition of a claim.',
    {
      type: str('Kind of condition, e.g. `Resizing`.'),
      status: str('`True`, `False` or `Unknown`.'),
      lastProbeTime: time('When the condition was last probed.'),
      lastTransitionTime: time('When the status last changed.'),
      reason: str('CamelCase reason.'),
      message: str('Human-readable details.'),
    },
    ['type', 'status'],
  ),
  [core('ModifyVolumeStatus')]: obj(
    'State of a change of VolumeAttributesClass.',
    {
      targetVolumeAttributesClassName: str('Class being applied.'),
      status: str('`Pending`, `InProgress` or `Infeasible`.'),
    },
    ['status'],
  ),
};
