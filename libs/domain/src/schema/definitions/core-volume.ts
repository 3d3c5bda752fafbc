import {
  atomicList, bool, core, Definitions, int32, int64, labelSelector, obj, objectMeta, opaque, quantity, ref, str, strMap,
} from '../dsl';

/**
 * Volume sources tied to a cloud or storage vendor: not modelled field by field, any
 * content is accepted (the kubelet plugin validates it).
 */
const VENDOR_SOURCES: Record<string, [string, string]> = {
  gcePersistentDisk: ['GCEPersistentDiskVolumeSource', 'A GCE persistent disk (deprecated in favour of its CSI driver).'],
  awsElasticBlockStore: ['AWSElasticBlockStoreVolumeSource', 'An AWS EBS volume (deprecated in favour of its CSI driver).'],
  gitRepo: ['GitRepoVolumeSource', 'A git repository cloned into an empty directory (deprecated).'],
  iscsi: ['ISCSIVolumeSource', 'An iSCSI disk.'],
  glusterfs: ['GlusterfsVolumeSource', 'A GlusterFS mount (removed from the kubelet).'],
  rbd: ['RBDVolumeSource', 'A Ceph RBD image (deprecated).'],
  flexVolume: ['FlexVolumeSource', 'A volume handled by an exec-based FlexVolume driver (deprecated).'],
  cinder: ['CinderVolumeSource', 'An OpenStack Cinder volume (deprecated).'],
  cephfs: ['CephFSVolumeSource', 'A CephFS mount (deprecated).'],
  flocker: ['FlockerVolumeSource', 'A Flocker dataset (deprecated).'],
  fc: ['FCVolumeSource', 'A Fibre Channel disk.'],
  azureFile: ['AzureFileVolumeSource', 'An Azure File share (deprecated in favour of its CSI driver).'],
  vsphereVolume: ['VsphereVirtualDiskVolumeSource', 'A vSphere disk (deprecated in favour of its CSI driver).'],
  quobyte: ['QuobyteVolumeSource', 'A Quobyte mount (deprecated).'],
  azureDisk: ['AzureDiskVolumeSource', 'An Azure data disk (deprecated in favour of its CSI driver).'],
  photonPersistentDisk: ['PhotonPersistentDiskVolumeSource', 'A Photon Controller disk (deprecated).'],
  portworxVolume: ['PortworxVolumeSource', 'A Portworx volume (deprecated in favour of its CSI driver).'],
  scaleIO: ['ScaleIOVolumeSource', 'A ScaleIO volume (deprecated).'],
  storageos: ['StorageOSVolumeSource', 'A StorageOS volume (deprecated).'],
};

const vendorFields = Object.fromEntries(Object.entries(VENDOR_SOURCES).map(([field, [type, description]]) => [field, ref(core(type), description)]));
const vendorDefinitions = Object.fromEntries(Object.values(VENDOR_SOURCES).map(([type, description]) => [core(type), opaque(description)]));

/** Pod volumes and their sources. */
export const CORE_VOLUME_DEFINITIONS: Definitions = {
  ...vendorDefinitions,
  [core('Volume')]: obj(
    'A named volume of a pod, with exactly one source.',
    {
      name: str('Name of the volume, a DNS label unique within the pod; volume mounts refer to it.'),
      hostPath: ref(core('HostPathVolumeSource'), 'A file or directory of the node.'),
      emptyDir: ref(core('EmptyDirVolumeSource'), 'A scratch directory that lives as long as the pod.'),
      secret: ref(core('SecretVolumeSource'), 'The keys of a Secret, as files.'),
      nfs: ref(core('NFSVolumeSource'), 'An NFS export.'),
      persistentVolumeClaim: ref(core('PersistentVolumeClaimVolumeSource'), 'A PersistentVolumeClaim of the namespace.'),
      downwardAPI: ref(core('DownwardAPIVolumeSource'), 'Fields of the pod, as files.'),
      configMap: ref(core('ConfigMapVolumeSource'), 'The keys of a ConfigMap, as files.'),
      projected: ref(core('ProjectedVolumeSource'), 'Several sources merged into one directory.'),
      csi: ref(core('CSIVolumeSource'), 'An inline volume served by a CSI driver.'),
      ephemeral: ref(core('EphemeralVolumeSource'), 'A PersistentVolumeClaim created with the pod and deleted with it.'),
      image: ref(core('ImageVolumeSource'), 'The content of an OCI image or artifact, read-only.'),
      ...vendorFields,
    },
    ['name'],
  ),
  [core('HostPathVolumeSource')]: obj(
    'A path on the node.',
    {
      path: str('Path on the node; a symlink is followed.'),
      type: str('What must be at the path: `""`, `DirectoryOrCreate`, `Directory`, `FileOrCreate`, `File`, `Socket`, `CharDevice`, `BlockDevice`.', {
        enum: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
      }),
    },
    ['path'],
  ),
  [core('EmptyDirVolumeSource')]: obj('A directory that starts empty and is deleted with the pod.', {
    medium: str('`""` for the node disk, `Memory` for tmpfs.'),
    sizeLimit: quantity('Largest size the directory may reach.'),
  }),
  [core('SecretVolumeSource')]: obj('Exposes the keys of a Secret as files.', {
    secretName: str('Name of the Secret in the pod namespace.'),
    items: atomicList(ref(core('KeyToPath')), 'Keys to expose and their file paths; all keys when empty.'),
    defaultMode: int32('Permission bits of the files, 0000-0777. Defaults to 0644.'),
    optional: bool('Do not fail when the Secret or a listed key is missing.'),
  }),
  [core('ConfigMapVolumeSource')]: obj('Exposes the keys of a ConfigMap as files.', {
    name: str('Name of the ConfigMap in the pod namespace.'),
    items: atomicList(ref(core('KeyToPath')), 'Keys to expose and their file paths; all keys when empty.'),
    defaultMode: int32('Permission bits of the files, 0000-0777. Defaults to 0644.'),
    optional: bool('Do not fail when the ConfigMap or a listed key is missing.'),
  }),
  [core('KeyToPath')]: obj(
    'Maps a key to a file.',
    {
      key: str('The key.'),
      path: str('Relative file path; must not contain `..`.'),
      mode: int32('Permission bits of this file, overriding defaultMode.'),
    },
    ['key', 'path'],
  ),
  [core('NFSVolumeSource')]: obj(
    'An NFS export.',
    {
      server: str('Host name or IP of the NFS server.'),
      path: str('Exported path.'),
      readOnly: bool('Mount read-only.'),
    },
    ['server', 'path'],
  ),
  [core('PersistentVolumeClaimVolumeSource')]: obj(
    'Uses a PersistentVolumeClaim of the pod namespace.',
    {
      claimName: str('Name of the claim.'),
      readOnly: bool('Mount read-only.'),
    },
    ['claimName'],
  ),
  [core('DownwardAPIVolumeSource')]: obj('Exposes fields of the pod as files.', {
    items: atomicList(ref(core('DownwardAPIVolumeFile')), 'The files.'),
    defaultMode: int32('Permission bits of the files. Defaults to 0644.'),
  }),
  [core('DownwardAPIVolumeFile')]: obj(
    'One downward API file.',
    {
      path: str('Relative file path.'),
      fieldRef: ref(core('ObjectFieldSelector'), 'A field of the pod: name, namespace, uid, labels or annotations.'),
      resourceFieldRef: ref(core('ResourceFieldSelector'), 'A resource limit or request of a container.'),
      mode: int32('Permission bits of this file.'),
    },
    ['path'],
  ),
  [core('ProjectedVolumeSource')]: obj('Several volume sources projected into one directory.', {
    sources: atomicList(ref(core('VolumeProjection')), 'The sources.'),
    defaultMode: int32('Permission bits of the files. Defaults to 0644.'),
  }),
  [core('VolumeProjection')]: obj('One source of a projected volume; exactly one field.', {
    secret: ref(core('SecretProjection'), 'Keys of a Secret.'),
    downwardAPI: ref(core('DownwardAPIProjection'), 'Fields of the pod.'),
    configMap: ref(core('ConfigMapProjection'), 'Keys of a ConfigMap.'),
    serviceAccountToken: ref(core('ServiceAccountTokenProjection'), 'A token of the pod service account.'),
    clusterTrustBundle: ref(core('ClusterTrustBundleProjection'), 'Certificates of ClusterTrustBundles.'),
  }),
  [core('SecretProjection')]: obj('Keys of a Secret in a projected volume.', {
    name: str('Name of the Secret.'),
    items: atomicList(ref(core('KeyToPath')), 'Keys to expose; all when empty.'),
    optional: bool('Do not fail when the Secret or a key is missing.'),
  }),
  [core('ConfigMapProjection')]: obj('Keys of a ConfigMap in a projected volume.', {
    name: str('Name of the ConfigMap.'),
    items: atomicList(ref(core('KeyToPath')), 'Keys to expose; all when empty.'),
    optional: bool('Do not fail when the ConfigMap or a key is missing.'),
  }),
  [core('DownwardAPIProjection')]: obj('Fields of the pod in a projected volume.', {
    items: atomicList(ref(core('DownwardAPIVolumeFile')), 'The files.'),
  }),
  [core('ServiceAccountTokenProjection')]: obj(
    'A bound token of the pod service account.',
    {
      audience: str('Intended audience of the token; defaults to the API server.'),
      expirationSeconds: int64('Requested lifetime of the token; it is rotated before it ends. Defaults to 1 hour.'),
      path: str('Relative file path of the token.'),
    },
    ['path'],
  ),
  [core('ClusterTrustBundleProjection')]: obj(
    'Certificates of one or more ClusterTrustBundles, as a PEM file.',
    {
      name: str('A single bundle, by name.'),
      signerName: str('Bundles of this signer, together with labelSelector.'),
      labelSelector: labelSelector('Bundles of the signer that match these labels.'),
      optional: bool('Do not fail when no bundle is found.'),
      path: str('Relative file path.'),
    },
    ['path'],
  ),
  [core('CSIVolumeSource')]: obj(
    'An inline ephemeral volume handled by a CSI driver.',
    {
      driver: str('Name of the CSI driver.'),
      readOnly: bool('Mount read-only.'),
      fsType: str('Filesystem type, e.g. `ext4`.'),
      volumeAttributes: strMap('Driver-specific properties.'),
      nodePublishSecretRef: ref(core('LocalObjectReference'), 'Secret passed to the driver when mounting.'),
    },
    ['driver'],
  ),
  [core('EphemeralVolumeSource')]: obj('A volume backed by a claim created for the pod.', {
    volumeClaimTemplate: ref(core('PersistentVolumeClaimTemplate'), 'Template of the claim; it is named `<pod>-<volume>`.'),
  }),
  [core('PersistentVolumeClaimTemplate')]: obj(
    'Template of a PersistentVolumeClaim.',
    {
      metadata: objectMeta('Labels and annotations copied to the claim.'),
      spec: ref(core('PersistentVolumeClaimSpec'), 'Spec of the claim.'),
    },
    ['spec'],
  ),
  [core('ImageVolumeSource')]: obj('Mounts an OCI image or artifact.', {
    reference: str('Image or artifact reference.'),
    pullPolicy: str('`Always`, `Never` or `IfNotPresent`.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
  }),
};
