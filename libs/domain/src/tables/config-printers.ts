import type { KubeObject } from '../meta/types';
import { asObj, asStr, dig } from './format';
import { since } from './human-duration';
import { AGE_COLUMN, column, NAME_COLUMN, TablePrinter, wideColumn } from './types';

const keyCount = (value: unknown): number => Object.keys(asObj(value)).length;

export const CONFIG_MAP_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Data', 'string', 'Number of keys, text and binary.'), AGE_COLUMN],
  cells(cm, now) {
    return [cm.metadata?.name ?? '', keyCount(cm.data) + keyCount(cm.binaryData), since(cm.metadata?.creationTimestamp, now)];
  },
};

export const SECRET_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Type', 'string', 'How the secret data is used.'), column('Data', 'string', 'Number of keys.'), AGE_COLUMN],
  cells(secret, now) {
    return [secret.metadata?.name ?? '', asStr(secret.type), keyCount(secret.data), since(secret.metadata?.creationTimestamp, now)];
  },
};

const ACCESS_MODE_SHORT: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `RWO,RWX`: access modes in their short form and a fixed order. */
export function accessModesText(modes: unknown): string {
  const list = Array.isArray(modes) ? modes : [];
  return ACCESS_MODE_SHORT.filter(([mode]) => list.includes(mode)).map(([, short]) => short).join(',');
}

/** Storage class of a claim: the legacy annotation wins over spec.storageClassName. */
function claimClass(pvc: KubeObject): string {
  const annotated = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (annotated !== undefined) return annotated;
  return asStr(asObj(pvc.spec).storageClassName);
}

export const PVC_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Phase of the claim: Pending, Bound or Lost.'),
    column('Volume', 'string', 'PersistentVolume bound to the claim.'),
    column('Capacity', 'string', 'Storage of the bound volume.'),
    column('Access Modes', 'string', 'Access modes of the bound volume.'),
    column('StorageClass', 'string', 'StorageClass of the claim.'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the claim.'),
    AGE_COLUMN,
    wideColumn('VolumeMode', 'string', 'Filesystem or Block.'),
  ],
  cells(pvc, now) {
    const spec = asObj(pvc.spec);
    const status = asObj(pvc.status);
    const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : asStr(status.phase);
    const volumeName = asStr(spec.volumeName);
    const capacity = volumeName ? asStr(dig(status, 'capacity').storage) || '0' : '';
    const accessModes = volumeName ? accessModesText(status.accessModes) : '';
    return [
      pvc.metadata?.name ?? '',
      phase,
      volumeName,
      capacity,
      accessModes,
      claimClass(pvc),
      asStr(spec.volumeAttributesClassName) || '<unset>',
      since(pvc.metadata?.creationTimestamp, now),
      asStr(spec.volumeMode) || '<unset>',
    ];
  },
};
