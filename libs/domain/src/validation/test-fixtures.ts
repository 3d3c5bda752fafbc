/** Objects for specs: valid as written, then defaulted the way the server would. */
import { applyDefaults } from '../defaults/apply-defaults';
import type { KubeObject } from '../meta/types';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defaulted(kind: string, obj: Json): Json {
  const copy = JSON.parse(JSON.stringify(obj)) as Json;
  applyDefaults(kind, copy as unknown as KubeObject);
  return copy;
}

export function podTemplate(labels: Record<string, string> = { app: 'web' }): Json {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } };
}

export function pod(overrides: Json = {}): Json {
  return defaulted('Pod', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    ...overrides,
  });
}

export function deployment(): Json {
  return defaulted('Deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
  });
}

export function service(spec: Json = {}): Json {
  return defaulted('Service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  });
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const richPodSpec = (): Json => ({
  serviceAccountName: 'web',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  securityContext: { runAsUser: 1000, fsGroup: 2000 },
  imagePullSecrets: [{ name: 'registry' }],
  hostAliases: [{ ip: '10.0.0.1', hostnames: ['db.local'] }],
  dnsConfig: { nameservers: ['10.0.0.10'], searches: ['svc.cluster.local'], options: [{ name: 'ndots', value: '2' }] },
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'cpu', operator: 'Gt', values: ['4'] }] } }],
    },
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 50, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } } },
      ],
    },
  },
  tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }, { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
  topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }],
  volumes: [
    { name: 'config', configMap: { name: 'web-config', items: [{ key: 'app.yaml', path: 'app.yaml', mode: 0o600 }] } },
    { name: 'secret', secret: { secretName: 'web-secret' } },
    { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
    { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
    { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'ca' } }] } },
    { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
    { name: 'host', hostPath: { path: '/var/log' } },
  ],
  initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'], volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }],
  containers: [
    {
      name: 'web',
      image: 'nginx:1.27',
      ports: [{ name: 'http', containerPort: 80 }, { containerPort: 9090, protocol: 'UDP' }],
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
        { name: 'KEY', valueFrom: { secretKeyRef: { name: 'web-secret', key: 'key' } } },
      ],
      envFrom: [{ configMapRef: { name: 'web-env' }, prefix: 'CFG_' }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '0.5', memory: '128Mi' } },
      volumeMounts: [{ name: 'config', mountPath: '/etc/web' }, { name: 'token', mountPath: '/var/run/token', readOnly: true }],
      livenessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 5 },
      readinessProbe: { tcpSocket: { port: 'http' } },
      startupProbe: { exec: { command: ['true'] }, failureThreshold: 30 },
      lifecycle: { preStop: { exec: { command: ['sleep', '1'] } } },
      securityContext: { allowPrivilegeEscalation: false, runAsGroup: 10 },
    },
  ],
});

const workload = (kind: string, apiVersion: string, spec: Json): Json => ({
  apiVersion,
  kind,
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'example.com/note': 'x' } },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: richPodSpec() }, ...spec },
});

/**
 * One valid object of every kind Skiff validates, as a client writes it (before
 * defaulting), each filling many optional fields so fuzzers reach deep checks.
 */
export function sampleObjects(): Record<string, Json> {
  return {
    Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } }, spec: { finalizers: ['kubernetes'] } },
    Node: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1', labels: { zone: 'a' } },
      spec: { podCIDR: '10.244.0.0/24', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
      status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, addresses: [{ type: 'InternalIP', address: '10.0.0.5' }] },
    },
    Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'default', labels: { app: 'web' } }, spec: richPodSpec() },
    Service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        type: 'NodePort',
        selector: { app: 'web' },
        sessionAffinity: 'ClientIP',
        ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 5353, nodePort: 30053 }],
      },
    },
    Endpoints: {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.1.0.4', nodeName: 'node-1' }], notReadyAddresses: [{ ip: '10.1.0.5' }], ports: [{ name: 'http', port: 80 }] }],
    },
    Event: {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.17a', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Scheduled',
      message: 'ok',
      type: 'Normal',
    },
    ConfigMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'default' }, data: { 'app.yaml': 'a: 1' }, binaryData: { blob: 'AAE=' } },
    Secret: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-secret', namespace: 'default' }, data: { key: 'c2VjcmV0' }, stringData: { extra: 'plain' } },
    ReplicationController: {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { app: 'web' }, template: { metadata: { labels: { app: 'web' } }, spec: richPodSpec() } },
    },
    PersistentVolumeClaim: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'web-data', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', selector: { matchLabels: { disk: 'ssd' } } },
    },
    Deployment: workload('Deployment', 'apps/v1', { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '10%' } }, minReadySeconds: 5 }),
    ReplicaSet: workload('ReplicaSet', 'apps/v1', { replicas: 2 }),
    StatefulSet: (() => {
      const set = workload('StatefulSet', 'apps/v1', {
        serviceName: 'web',
        replicas: 2,
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      });
      set.spec.template.spec.containers[0].volumeMounts.push({ name: 'www', mountPath: '/www' });
      return set;
    })(),
    DaemonSet: workload('DaemonSet', 'apps/v1', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } }),
    ControllerRevision: { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'web-7d9', namespace: 'default' }, revision: 1, data: { spec: {} } },
    HorizontalPodAutoscaler: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } },
      },
    },
    Lease: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 } },
    Role: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pod-reader', namespace: 'default' },
      rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }],
    },
    ClusterRole: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'system:reader' },
      rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }],
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate': 'true' } }] },
    },
    RoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'alice-view', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'web', namespace: 'default' }],
    },
    ClusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ops-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'ops' }],
    },
    DeployHook: {
      apiVersion: 'skiff.io/v1alpha1',
      kind: 'DeployHook',
      metadata: { name: 'web', namespace: 'default' },
      spec: { target: { kind: 'Deployment', name: 'web', container: 'web' }, secretRef: { name: 'web-hook' }, tagPatterns: ['v*'], type: 'generic' },
    },
  };
}

/** Every key and leaf value of `docs` (plus prototype member names): material for random documents that reach real checks. */
export function vocabularyOf(docs: unknown): { keys: string[]; leaves: unknown[] } {
  const keys = new Set<string>(['toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty']);
  const leaves = new Set<unknown>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        keys.add(k);
        visit(child);
      }
    } else leaves.add(v);
  };
  visit(docs);
  return { keys: [...keys], leaves: [...leaves] };
}

export type JsonPath = (string | number)[];

/** The path of every field and list item in `v`, parents before children. */
export function allPaths(v: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = prefix.length ? [prefix] : [];
  if (Array.isArray(v)) v.forEach((child, i) => out.push(...allPaths(child, [...prefix, i])));
  else if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) out.push(...allPaths(child, [...prefix, k]));
  }
  return out;
}

/** Sets (or with `undefined`, removes) the value at a non-empty path, as an own field even for `__proto__`. */
export function setAt(root: Json, path: JsonPath, value: unknown): void {
  let holder = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) holder = holder[part] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete holder[last];
  else Object.defineProperty(holder, last, { value, enumerable: true, writable: true, configurable: true });
}

/** Only what JSON can carry, read back as a JSON body parser would. */
export function asJson<T>(v: T): T {
  const text = JSON.stringify(v);
  return (text === undefined ? null : JSON.parse(text)) as T;
}
