/**
 * Protobuf field numbers of the messages Skiff decodes, as k8s.io/api and
 * apimachinery number them (their generated.proto files), with each field's JSON name.
 */
export interface ProtoField {
  name: string;
  /** A scalar, or the name of another message in PROTO_MESSAGES (or Time, Quantity, IntOrString). */
  type: string;
  repeated?: boolean;
  /** map<string, type>. */
  map?: boolean;
  /**
   * A pointer in Go: sent only when set, so a zero value is meant. Other scalar fields
   * are always sent by Go's encoder, and their zero value means "unset" (omitted in JSON).
   */
  nullable?: boolean;
}

type Table = Record<number, ProtoField>;

const f = (name: string, type: string): ProtoField => ({ name, type });
const list = (name: string, type: string): ProtoField => ({ name, type, repeated: true });
const map = (name: string, type: string): ProtoField => ({ name, type, map: true });
const ptr = (name: string, type: string): ProtoField => ({ name, type, nullable: true });

export const PROTO_MESSAGES: Record<string, Table> = {
  // apimachinery
  Unknown: { 1: f('typeMeta', 'TypeMeta'), 2: f('raw', 'bytes'), 3: f('contentEncoding', 'string'), 4: f('contentType', 'string') },
  TypeMeta: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') },
  ObjectMeta: {
    1: f('name', 'string'),
    2: f('generateName', 'string'),
    3: f('namespace', 'string'),
    5: f('uid', 'string'),
    6: f('resourceVersion', 'string'),
    7: f('generation', 'int64'),
    8: f('creationTimestamp', 'Time'),
    9: f('deletionTimestamp', 'Time'),
    10: ptr('deletionGracePeriodSeconds', 'int64'),
    11: map('labels', 'string'),
    12: map('annotations', 'string'),
    13: list('ownerReferences', 'OwnerReference'),
    14: list('finalizers', 'string'),
  },
  OwnerReference: {
    1: f('kind', 'string'),
    3: f('name', 'string'),
    4: f('uid', 'string'),
    5: f('apiVersion', 'string'),
    6: ptr('controller', 'bool'),
    7: ptr('blockOwnerDeletion', 'bool'),
  },
  LabelSelector: { 1: map('matchLabels', 'string'), 2: list('matchExpressions', 'LabelSelectorRequirement') },
  LabelSelectorRequirement: { 1: f('key', 'string'), 2: f('operator', 'string'), 3: list('values', 'string') },

  // core/v1
  Namespace: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'NamespaceSpec'), 3: f('status', 'NamespaceStatus') },
  NamespaceSpec: { 1: list('finalizers', 'string') },
  NamespaceStatus: { 1: f('phase', 'string') },
  ConfigMap: { 1: f('metadata', 'ObjectMeta'), 2: map('data', 'string'), 3: map('binaryData', 'bytes'), 4: ptr('immutable', 'bool') },
  Secret: { 1: f('metadata', 'ObjectMeta'), 2: map('data', 'bytes'), 3: f('type', 'string'), 4: map('stringData', 'string'), 5: ptr('immutable', 'bool') },
  Pod: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'PodSpec') },
  PodTemplateSpec: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'PodSpec') },
  PodSpec: {
    2: list('containers', 'Container'),
    3: f('restartPolicy', 'string'),
    4: ptr('terminationGracePeriodSeconds', 'int64'),
    5: ptr('activeDeadlineSeconds', 'int64'),
    6: f('dnsPolicy', 'string'),
    7: map('nodeSelector', 'string'),
    8: f('serviceAccountName', 'string'),
    9: f('serviceAccount', 'string'),
    10: f('nodeName', 'string'),
    11: f('hostNetwork', 'bool'),
    16: f('hostname', 'string'),
    17: f('subdomain', 'string'),
    19: f('schedulerName', 'string'),
    20: list('initContainers', 'Container'),
    24: f('priorityClassName', 'string'),
    25: ptr('priority', 'int32'),
    30: ptr('enableServiceLinks', 'bool'),
    31: ptr('preemptionPolicy', 'string'),
  },
  Container: {
    1: f('name', 'string'),
    2: f('image', 'string'),
    3: list('command', 'string'),
    4: list('args', 'string'),
    5: f('workingDir', 'string'),
    6: list('ports', 'ContainerPort'),
    7: list('env', 'EnvVar'),
    8: f('resources', 'ResourceRequirements'),
    13: f('terminationMessagePath', 'string'),
    14: f('imagePullPolicy', 'string'),
    16: f('stdin', 'bool'),
    17: f('stdinOnce', 'bool'),
    18: f('tty', 'bool'),
    20: f('terminationMessagePolicy', 'string'),
  },
  ContainerPort: { 1: f('name', 'string'), 2: f('hostPort', 'int32'), 3: f('containerPort', 'int32'), 4: f('protocol', 'string'), 5: f('hostIP', 'string') },
  EnvVar: { 1: f('name', 'string'), 2: f('value', 'string') },
  ResourceRequirements: { 1: map('limits', 'Quantity'), 2: map('requests', 'Quantity') },
  Service: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'ServiceSpec') },
  ServiceSpec: {
    1: list('ports', 'ServicePort'),
    2: map('selector', 'string'),
    3: f('clusterIP', 'string'),
    4: f('type', 'string'),
    5: list('externalIPs', 'string'),
    7: f('sessionAffinity', 'string'),
    8: f('loadBalancerIP', 'string'),
    9: list('loadBalancerSourceRanges', 'string'),
    10: f('externalName', 'string'),
    11: f('externalTrafficPolicy', 'string'),
    12: f('healthCheckNodePort', 'int32'),
    13: f('publishNotReadyAddresses', 'bool'),
    17: ptr('ipFamilyPolicy', 'string'),
    18: list('clusterIPs', 'string'),
    19: list('ipFamilies', 'string'),
    20: ptr('allocateLoadBalancerNodePorts', 'bool'),
    21: ptr('loadBalancerClass', 'string'),
    22: ptr('internalTrafficPolicy', 'string'),
  },
  ServicePort: { 1: f('name', 'string'), 2: f('protocol', 'string'), 3: f('port', 'int32'), 4: f('targetPort', 'IntOrString'), 5: f('nodePort', 'int32'), 6: ptr('appProtocol', 'string') },

  // apps/v1
  Deployment: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'DeploymentSpec') },
  DeploymentSpec: {
    1: ptr('replicas', 'int32'),
    2: f('selector', 'LabelSelector'),
    3: f('template', 'PodTemplateSpec'),
    4: f('strategy', 'DeploymentStrategy'),
    5: f('minReadySeconds', 'int32'),
    6: ptr('revisionHistoryLimit', 'int32'),
    7: f('paused', 'bool'),
    9: ptr('progressDeadlineSeconds', 'int32'),
  },
  DeploymentStrategy: { 1: f('type', 'string'), 2: f('rollingUpdate', 'RollingUpdateDeployment') },
  RollingUpdateDeployment: { 1: f('maxUnavailable', 'IntOrString'), 2: f('maxSurge', 'IntOrString') },

  // rbac.authorization.k8s.io/v1
  Role: { 1: f('metadata', 'ObjectMeta'), 2: list('rules', 'PolicyRule') },
  ClusterRole: { 1: f('metadata', 'ObjectMeta'), 2: list('rules', 'PolicyRule'), 3: f('aggregationRule', 'AggregationRule') },
  PolicyRule: { 1: list('verbs', 'string'), 2: list('apiGroups', 'string'), 3: list('resources', 'string'), 4: list('resourceNames', 'string'), 5: list('nonResourceURLs', 'string') },
  AggregationRule: { 1: list('clusterRoleSelectors', 'LabelSelector') },
  RoleBinding: { 1: f('metadata', 'ObjectMeta'), 2: list('subjects', 'Subject'), 3: f('roleRef', 'RoleRef') },
  ClusterRoleBinding: { 1: f('metadata', 'ObjectMeta'), 2: list('subjects', 'Subject'), 3: f('roleRef', 'RoleRef') },
  // authorization.k8s.io/v1: what kubectl auth can-i posts (only the spec; the server fills the status)
  SelfSubjectAccessReview: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'SelfSubjectAccessReviewSpec') },
  SelfSubjectAccessReviewSpec: { 1: f('resourceAttributes', 'ResourceAttributes'), 2: f('nonResourceAttributes', 'NonResourceAttributes') },
  ResourceAttributes: { 1: f('namespace', 'string'), 2: f('verb', 'string'), 3: f('group', 'string'), 4: f('version', 'string'), 5: f('resource', 'string'), 6: f('subresource', 'string'), 7: f('name', 'string') },
  NonResourceAttributes: { 1: f('path', 'string'), 2: f('verb', 'string') },
  SelfSubjectRulesReview: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'SelfSubjectRulesReviewSpec') },
  SelfSubjectRulesReviewSpec: { 1: f('namespace', 'string') },
  Subject: { 1: f('kind', 'string'), 2: f('apiGroup', 'string'), 3: f('name', 'string'), 4: f('namespace', 'string') },
  RoleRef: { 1: f('apiGroup', 'string'), 2: f('kind', 'string'), 3: f('name', 'string') },
};
