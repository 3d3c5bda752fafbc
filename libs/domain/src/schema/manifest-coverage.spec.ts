import { findUnknownFields } from './unknown-fields';

/** A pod spec that uses most of what a v1.32 PodSpec offers. */
const podSpec = {
  initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', startupProbe: { grpc: { port: 9901, service: 'health' } } }],
  containers: [
    {
      name: 'app',
      image: 'registry/app:1',
      imagePullPolicy: 'IfNotPresent',
      command: ['/app'],
      args: ['--port=8080'],
      workingDir: '/srv',
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP', hostPort: 0, hostIP: '' }],
      env: [
        { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'CFG', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k', optional: true } } },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 'sec', key: 'pw' } } },
      ],
      envFrom: [{ prefix: 'X_', configMapRef: { name: 'cfg', optional: true } }, { secretRef: { name: 'sec' } }],
      resources: { limits: { cpu: '1', memory: '256Mi' }, requests: { cpu: '100m' }, claims: [{ name: 'gpu', request: 'one' }] },
      resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
      volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true, recursiveReadOnly: 'IfPossible', subPath: 'x', mountPropagation: 'None' }],
      volumeDevices: [{ name: 'raw', devicePath: '/dev/xvda' }],
      livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP', httpHeaders: [{ name: 'X', value: 'y' }] }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, terminationGracePeriodSeconds: 5 },
      readinessProbe: { tcpSocket: { port: 8080 } },
      lifecycle: { postStart: { exec: { command: ['true'] } }, preStop: { sleep: { seconds: 5 } } },
      securityContext: {
        runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, procMount: 'Default',
        capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, seccompProfile: { type: 'RuntimeDefault' }, appArmorProfile: { type: 'RuntimeDefault' },
        seLinuxOptions: { level: 's0:c1' }, windowsOptions: { runAsUserName: 'x' },
      },
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'FallbackToLogsOnError',
      stdin: false,
      tty: false,
    },
  ],
  ephemeralContainers: [{ name: 'debug', image: 'busybox', targetContainerName: 'app' }],
  volumes: [
    { name: 'data', persistentVolumeClaim: { claimName: 'data', readOnly: false } },
    { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
    { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: 'a.txt', mode: 0o400 }], defaultMode: 0o644, optional: true } },
    { name: 'sec', secret: { secretName: 'sec', defaultMode: 0o400 } },
    { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
    {
      name: 'all',
      projected: {
        defaultMode: 0o444,
        sources: [
          { serviceAccountToken: { audience: 'vault', expirationSeconds: 3600, path: 'token' } },
          { clusterTrustBundle: { signerName: 'example.com/ca', labelSelector: { matchLabels: { a: 'b' } }, path: 'ca.pem', optional: true } },
          { configMap: { name: 'cfg' } },
          { secret: { name: 'sec', items: [{ key: 'k', path: 'k' }] } },
          { downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } }] } },
        ],
      },
    },
    { name: 'scratch', ephemeral: { volumeClaimTemplate: { metadata: { labels: { a: 'b' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
    { name: 'csi', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { a: 'b' }, nodePublishSecretRef: { name: 's' } } },
    { name: 'img', image: { reference: 'quay.io/data:1', pullPolicy: 'IfNotPresent' } },
    { name: 'nfs', nfs: { server: 'nas', path: '/export' } },
  ],
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  activeDeadlineSeconds: 600,
  dnsPolicy: 'ClusterFirst',
  dnsConfig: { nameservers: ['1.1.1.1'], searches: ['svc'], options: [{ name: 'ndots', value: '2' }] },
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  serviceAccountName: 'app',
  automountServiceAccountToken: false,
  nodeName: '',
  hostNetwork: false,
  hostPID: false,
  hostIPC: false,
  shareProcessNamespace: false,
  hostUsers: false,
  hostname: 'app',
  subdomain: 'apps',
  setHostnameAsFQDN: false,
  hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }],
  imagePullSecrets: [{ name: 'regcred' }],
  securityContext: {
    fsGroup: 2000, fsGroupChangePolicy: 'OnRootMismatch', runAsGroup: 3000, supplementalGroups: [4000], supplementalGroupsPolicy: 'Merge',
    sysctls: [{ name: 'net.core.somaxconn', value: '1024' }], seLinuxChangePolicy: 'MountOption', seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' },
  },
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }], matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n9'] }] }] },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } }],
    },
    podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'zone', namespaces: ['db'], namespaceSelector: {}, matchLabelKeys: ['pod-template-hash'], mismatchLabelKeys: ['tenant'] }] },
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }, topologyKey: 'kubernetes.io/hostname' } }] },
  },
  tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
  topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, minDomains: 2, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore', matchLabelKeys: ['pod-template-hash'] }],
  priorityClassName: 'high',
  priority: 1000,
  preemptionPolicy: 'PreemptLowerPriority',
  readinessGates: [{ conditionType: 'example.com/ready' }],
  runtimeClassName: 'gvisor',
  enableServiceLinks: false,
  overhead: { cpu: '10m' },
  os: { name: 'linux' },
  schedulingGates: [{ name: 'wait' }],
  resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpu-template' }],
  resources: { limits: { cpu: '2' } },
};

const meta = (name: string) => ({
  name,
  namespace: 'default',
  generateName: '',
  uid: 'u',
  resourceVersion: '1',
  generation: 1,
  creationTimestamp: '2025-01-01T00:00:00Z',
  labels: { app: name },
  annotations: { note: 'x' },
  ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u2', controller: true, blockOwnerDeletion: true }],
  finalizers: ['example.com/cleanup'],
  managedFields: [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} }, subresource: '' }],
});

const MANIFESTS: [string, unknown][] = [
  ['Deployment', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'),
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, minReadySeconds: 5, revisionHistoryLimit: 3, paused: false, progressDeadlineSeconds: 600 },
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 0, collisionCount: 0, conditions: [{ type: 'Available', status: 'True', lastUpdateTime: 't', lastTransitionTime: 't', reason: 'r', message: 'm' }] },
  }],
  ['StatefulSet', {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db'),
    spec: {
      replicas: 3, serviceName: 'db', podManagementPolicy: 'Parallel', selector: { matchLabels: { app: 'db' } }, template: { spec: podSpec },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', volumeMode: 'Filesystem', resources: { requests: { storage: '10Gi' } }, dataSourceRef: { kind: 'VolumeSnapshot', name: 's', apiGroup: 'snapshot.storage.k8s.io' } } }],
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' }, ordinals: { start: 1 }, minReadySeconds: 0, revisionHistoryLimit: 10,
    },
    status: { replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, currentRevision: 'a', updateRevision: 'a', observedGeneration: 1, collisionCount: 0 },
  }],
  ['DaemonSet', {
    metadata: meta('agent'),
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: podSpec }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, minReadySeconds: 0, revisionHistoryLimit: 10 },
    status: { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 0, observedGeneration: 1 },
  }],
  ['ReplicaSet', { metadata: meta('rs'), spec: { replicas: 1, minReadySeconds: 0, selector: { matchLabels: { a: 'b' } }, template: { spec: podSpec } }, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }],
  ['ReplicationController', { metadata: meta('rc'), spec: { replicas: 1, selector: { a: 'b' }, template: { spec: podSpec } }, status: { replicas: 1 } }],
  ['ControllerRevision', { metadata: meta('rev'), data: { spec: {} }, revision: 3 }],
  ['Pod', {
    metadata: meta('p'), spec: podSpec,
    status: {
      phase: 'Running', qosClass: 'Burstable', hostIP: '10.0.0.1', hostIPs: [{ ip: '10.0.0.1' }], podIP: '10.1.0.5', podIPs: [{ ip: '10.1.0.5' }], startTime: 't', nominatedNodeName: '',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: 't' }], resize: '',
      containerStatuses: [{
        name: 'app', ready: true, started: true, restartCount: 0, image: 'i', imageID: 'id', containerID: 'containerd://x', state: { running: { startedAt: 't' } },
        lastState: { terminated: { exitCode: 1, signal: 0, reason: 'Error', message: '', startedAt: 't', finishedAt: 't', containerID: 'c' } },
        allocatedResources: { cpu: '1' }, resources: { limits: { cpu: '1' } }, volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true, recursiveReadOnly: 'Disabled' }],
        user: { linux: { uid: 1000, gid: 1000, supplementalGroups: [4000] } }, allocatedResourcesStatus: [{ name: 'claim:gpu', resources: [{ resourceID: 'gpu-0', health: 'Healthy' }] }],
      }],
      resourceClaimStatuses: [{ name: 'gpu', resourceClaimName: 'p-gpu' }],
    },
  }],
  ['Service', {
    metadata: meta('svc'),
    spec: {
      type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http', nodePort: 30080 }], clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'],
      ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', externalIPs: [], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }, loadBalancerIP: '', loadBalancerSourceRanges: ['0.0.0.0/0'],
      externalTrafficPolicy: 'Local', healthCheckNodePort: 31000, internalTrafficPolicy: 'Cluster', publishNotReadyAddresses: false, allocateLoadBalancerNodePorts: true, loadBalancerClass: 'x', trafficDistribution: 'PreferClose', externalName: '',
    },
    status: { loadBalancer: { ingress: [{ ip: '1.2.3.4', hostname: 'lb', ipMode: 'VIP', ports: [{ port: 80, protocol: 'TCP', error: 'x' }] }] }, conditions: [{ type: 'x', status: 'True', observedGeneration: 1, lastTransitionTime: 't', reason: 'r', message: 'm' }] },
  }],
  ['Endpoints', { metadata: meta('svc'), subsets: [{ addresses: [{ ip: '10.1.0.5', hostname: 'h', nodeName: 'n1', targetRef: { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', apiVersion: 'v1', fieldPath: '' } }], notReadyAddresses: [], ports: [{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' }] }] }],
  ['HorizontalPodAutoscaler', {
    metadata: meta('hpa'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        { type: 'ContainerResource', containerResource: { name: 'memory', container: 'app', target: { type: 'AverageValue', averageValue: '200Mi' } } },
        { type: 'Pods', pods: { metric: { name: 'rps', selector: { matchLabels: { a: 'b' } } }, target: { type: 'AverageValue', averageValue: '10' } } },
        { type: 'Object', object: { describedObject: { kind: 'Ingress', name: 'i', apiVersion: 'networking.k8s.io/v1' }, metric: { name: 'hits' }, target: { type: 'Value', value: '2k' } } },
        { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] }, scaleUp: { policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] } },
    },
    status: {
      observedGeneration: 1, lastScaleTime: 't', currentReplicas: 2, desiredReplicas: 2,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 40, averageValue: '100m' } } }, { type: 'External', external: { metric: { name: 'q' }, current: { value: '1' } } }],
      conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: 't', reason: 'r', message: 'm' }],
    },
  }],
  ['Lease', { metadata: meta('l'), spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: '2025-01-01T00:00:00.000000Z', renewTime: '2025-01-01T00:00:00.000000Z', leaseTransitions: 1, strategy: 'OldestEmulationVersion', preferredHolder: 'you' } }],
  ['PersistentVolumeClaim', {
    metadata: meta('data'),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' }, limits: { storage: '2Gi' } }, selector: { matchLabels: { a: 'b' } }, volumeName: 'pv1', storageClassName: 'std', volumeMode: 'Block', dataSource: { kind: 'PersistentVolumeClaim', name: 'src' }, volumeAttributesClassName: 'gold' },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, allocatedResources: { storage: '1Gi' }, allocatedResourceStatuses: { storage: 'ControllerResizeInProgress' }, conditions: [{ type: 'Resizing', status: 'True', lastProbeTime: 't', lastTransitionTime: 't', reason: 'r', message: 'm' }], currentVolumeAttributesClassName: 'gold', modifyVolumeStatus: { targetVolumeAttributesClassName: 'silver', status: 'InProgress' } },
  }],
  ['Node', {
    metadata: meta('n1'),
    spec: { podCIDR: '10.1.0.0/24', podCIDRs: ['10.1.0.0/24'], providerID: 'skiff://n1', unschedulable: false, taints: [{ key: 'k', value: 'v', effect: 'NoSchedule', timeAdded: 't' }] },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4' }, phase: '', conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: 't', lastTransitionTime: 't', reason: 'KubeletReady', message: 'ok' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.1' }], daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { machineID: 'm', systemUUID: 's', bootID: 'b', kernelVersion: '6.1', osImage: 'Debian', containerRuntimeVersion: 'containerd://1.7', kubeletVersion: 'v1.32.0', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' },
      images: [{ names: ['nginx'], sizeBytes: 1 }], volumesInUse: [], volumesAttached: [{ name: 'v', devicePath: '/dev/x' }],
      runtimeHandlers: [{ name: 'runc', features: { recursiveReadOnlyMounts: true, userNamespaces: true } }], features: { supplementalGroupsPolicy: true },
    },
  }],
  ['Namespace', { metadata: meta('ns'), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active', conditions: [{ type: 'x', status: 'False', lastTransitionTime: 't', reason: 'r', message: 'm' }] } }],
  ['Event', {
    metadata: meta('e'), involvedObject: { kind: 'Pod', name: 'p', namespace: 'default', uid: 'u', apiVersion: 'v1', resourceVersion: '1', fieldPath: 'spec.containers{app}' }, reason: 'Pulled', message: 'ok',
    source: { component: 'kubelet', host: 'n1' }, firstTimestamp: 't', lastTimestamp: 't', count: 2, type: 'Normal', eventTime: null, series: { count: 2, lastObservedTime: 't' }, action: 'Pull',
    related: { kind: 'Node', name: 'n1' }, reportingComponent: 'kubelet', reportingInstance: 'n1',
  }],
  ['ConfigMap', { metadata: meta('cm'), data: { a: 'b' }, binaryData: { c: 'AAEC' }, immutable: true }],
  ['Role', { metadata: meta('r'), rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['web'] }] }],
  ['ClusterRole', {
    metadata: meta('cr'),
    rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }],
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-cr': 'true' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }] },
  }],
  ['RoleBinding', {
    metadata: meta('rb'),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
    subjects: [{ kind: 'ServiceAccount', apiGroup: '', name: 'default', namespace: 'default' }, { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }],
  }],
  ['ClusterRoleBinding', { metadata: meta('crb'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cr' }, subjects: [{ kind: 'Group', name: 'devs' }] }],
  ['Secret', { metadata: meta('s'), type: 'Opaque', data: { a: 'Yg==' }, stringData: { b: 'c' }, immutable: false }],
  ['DeployHook', {
    metadata: meta('web'),
    spec: { target: { kind: 'Deployment', name: 'web', container: 'web' }, secretRef: { name: 'web-hook' }, tagPatterns: ['v*'], type: 'github' },
    status: { webhookPath: '/hooks/u', lastDelivery: { id: 'd1', time: 't', outcome: 'applied', image: 'web:2.0', message: 'm' } },
  }],
];

describe('the v1.32 schema model', () => {
  it.each(MANIFESTS)('declares every field of a fully populated %s', (kind, manifest) => {
    expect(findUnknownFields(kind, manifest)).toEqual([]);
  });
});
