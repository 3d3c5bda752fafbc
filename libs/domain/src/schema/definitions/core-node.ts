import {
  arr, atomicList, bool, core, Definitions, int32, int64, kindObj, mergeList, obj, ref, resourceList, str, strList, time,
} from '../dsl';

/** Nodes and Namespaces (the two cluster-scoped kinds). */
export const CORE_NODE_DEFINITIONS: Definitions = {
  [core('Node')]: kindObj('A machine (real or virtual) that runs pods.', {
    spec: ref(core('NodeSpec'), 'How the node is configured.'),
    status: ref(core('NodeStatus'), 'Most recently observed state of the node, reported by its kubelet. Read-only.'),
  }),
  [core('NodeSpec')]: obj('Configuration of a node.', {
    podCIDR: str('IP range assigned to the pods of the node.'),
    podCIDRs: arr(str(), 'IP ranges assigned to the pods of the node, one per family.', { patchStrategy: 'merge', listType: 'set' }),
    providerID: str('ID of the node in the cloud provider, `<provider>://<id>`.'),
    unschedulable: bool('Keep new pods off the node (cordon).'),
    taints: atomicList(ref(core('Taint')), 'Taints that repel pods not tolerating them.'),
    configSource: ref(core('NodeConfigSource'), 'Deprecated dynamic kubelet configuration.'),
    externalID: str('Deprecated.'),
  }),
  [core('NodeConfigSource')]: obj('Deprecated: where a kubelet reads its configuration from.', {
    configMap: ref(core('ConfigMapNodeConfigSource'), 'A ConfigMap holding the configuration.'),
  }),
  [core('ConfigMapNodeConfigSource')]: obj(
    'A ConfigMap holding kubelet configuration.',
    {
      namespace: str('Namespace of the ConfigMap.'),
      name: str('Name of the ConfigMap.'),
      uid: str('UID of the ConfigMap.'),
      resourceVersion: str('Resource version of the ConfigMap.'),
      kubeletConfigKey: str('Key holding the configuration.'),
    },
    ['namespace', 'name', 'kubeletConfigKey'],
  ),
  [core('NodeStatus')]: obj('Observed state of a node.', {
    capacity: resourceList('Total resources of the node.'),
    allocatable: resourceList('Resources available to pods, after system reservations.'),
    phase: str('Deprecated; not set.'),
    conditions: mergeList(ref(core('NodeCondition')), 'type', 'Current conditions of the node, e.g. Ready or MemoryPressure.'),
    addresses: mergeList(ref(core('NodeAddress')), 'type', 'Addresses of the node.'),
    daemonEndpoints: ref(core('NodeDaemonEndpoints'), 'Ports of the daemons on the node.'),
    nodeInfo: ref(core('NodeSystemInfo'), 'Versions and identifiers of the node.'),
    images: atomicList(ref(core('ContainerImage')), 'Images present on the node.'),
    volumesInUse: strList('Attached volumes in use by pods.'),
    volumesAttached: atomicList(ref(core('AttachedVolume')), 'Volumes attached to the node.'),
    config: ref(core('NodeConfigStatus'), 'Deprecated dynamic configuration status.'),
    runtimeHandlers: atomicList(ref(core('NodeRuntimeHandler')), 'Runtime handlers available on the node.'),
    features: ref(core('NodeFeatures'), 'Features the node implements.'),
  }),
  [core('NodeCondition')]: obj(
    'One condition of a node.',
    {
      type: str('`Ready`, `MemoryPressure`, `DiskPressure`, `PIDPressure` or `NetworkUnavailable`.'),
      status: str('`True`, `False` or `Unknown`.'),
      lastHeartbeatTime: time('When the condition was last reported.'),
      lastTransitionTime: time('When the status last changed.'),
      reason: str('CamelCase reason for the last transition.'),
      message: str('Human-readable details.'),
    },
    ['type', 'status'],
  ),
  [core('NodeAddress')]: obj(
    'An address of a node.',
    {
      type: str('`Hostname`, `InternalIP`, `ExternalIP`, `InternalDNS` or `ExternalDNS`.'),
      address: str('The address.'),
    },
    ['type', 'address'],
  ),
  [core('NodeDaemonEndpoints')]: obj('Ports of the daemons of a node.', {
    kubeletEndpoint: ref(core('DaemonEndpoint'), 'Port of the kubelet.'),
  }),
  [core('DaemonEndpoint')]: obj('A daemon port.', { Port: int32('Port number.') }, ['Port']),
  [core('NodeSystemInfo')]: obj(
    'Identifiers and versions of a node.',
    {
      machineID: str('Machine ID reported by the node.'),
      systemUUID: str('System UUID reported by the node.'),
      bootID: str('Boot ID reported by the node.'),
      kernelVersion: str('Kernel version (`uname -r`).'),
      osImage: str('OS image, e.g. `Debian GNU/Linux 12 (bookworm)`.'),
      containerRuntimeVersion: str('Container runtime and version, e.g. `containerd://1.7.0`.'),
      kubeletVersion: str('Kubelet version.'),
      kubeProxyVersion: str('Deprecated: kube-proxy version.'),
      operatingSystem: str('Operating system, e.g. `linux`.'),
      architecture: str('CPU architecture, e.g. `amd64`.'),
    },
    [
      'machineID', 'systemUUID', 'bootID', 'kernelVersion', 'osImage', 'containerRuntimeVersion', 'kubeletVersion', 'kubeProxyVersion',
      'operatingSystem', 'architecture',
    ],
  ),
  [core('ContainerImage')]: obj('An image on a node.', {
    names: strList('Names the image is known by.'),
    sizeBytes: int64('Size of the image in bytes.'),
  }),
  [core('AttachedVolume')]: obj(
    'A volume attached to a node.',
    {
      name: str('Name of the volume.'),
      devicePath: str('Where the device is available on the node.'),
    },
    ['name', 'devicePath'],
  ),
  [core('NodeConfigStatus')]: obj('Deprecated dynamic kubelet configuration status.', {
    assigned: ref(core('NodeConfigSource'), 'Configuration the node should use.'),
    active: ref(core('NodeConfigSource'), 'Configuration the node uses.'),
    lastKnownGood: ref(core('NodeConfigSource'), 'Fallback configuration.'),
    error: str('Problem with the configuration.'),
  }),
  [core('NodeRuntimeHandler')]: obj('A runtime handler of a node.', {
    name: str('Name of the handler; empty for the default one.'),
    features: ref(core('NodeRuntimeHandlerFeatures'), 'Features of the handler.'),
  }),
  [core('NodeRuntimeHandlerFeatures')]: obj('Features of a runtime handler.', {
    recursiveReadOnlyMounts: bool('Supports recursive read-only mounts.'),
    userNamespaces: bool('Supports user namespaces.'),
  }),
  [core('NodeFeatures')]: obj('Features implemented by a node.', {
    supplementalGroupsPolicy: bool('Supports the supplementalGroupsPolicy pod field.'),
  }),
  [core('Namespace')]: kindObj('A scope for names, and a unit for policy and quota.', {
    spec: ref(core('NamespaceSpec'), 'Behaviour of the namespace.'),
    status: ref(core('NamespaceStatus'), 'Observed state of the namespace. Read-only.'),
  }),
  [core('NamespaceSpec')]: obj('Behaviour of a namespace.', {
    finalizers: strList('Finalizers that must be cleared before the namespace is removed.'),
  }),
  [core('NamespaceStatus')]: obj('Observed state of a namespace.', {
    phase: str('`Active` or `Terminating`.', { enum: ['Active', 'Terminating'] }),
    conditions: mergeList(ref(core('NamespaceCondition')), 'type', 'Current conditions of the namespace.'),
  }),
  [core('NamespaceCondition')]: obj(
    'One condition of a namespace.',
    {
      type: str('Kind of condition, e.g. `NamespaceDeletionContentFailure`.'),
      status: str('`True`, `False` or `Unknown`.'),
      lastTransitionTime: time('When the status last changed.'),
      reason: str('CamelCase reason.'),
      message: str('Human-readable details.'),
    },
    ['type', 'status'],
  ),
};
