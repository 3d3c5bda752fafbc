import {
  apps, atomicList, bool, core, Definitions, int32, int64, intOrString, kindObj, labelSelector, mergeList, obj, RAW_EXTENSION, ref,
  Schema, str, time,
} from '../dsl';

/** The condition type every apps/v1 workload status uses. */
function condition(description: string, withUpdateTime = false): Schema {
  return obj(
    description,
    {
      type: str('Kind of condition, e.g. `Available` or `Progressing`.'),
      status: str('`True`, `False` or `Unknown`.'),
      ...(withUpdateTime ? { lastUpdateTime: time('When the condition was last updated.') } : {}),
      lastTransitionTime: time('When the status last changed.'),
      reason: str('CamelCase reason for the last transition.'),
      message: str('Human-readable details.'),
    },
    ['type', 'status'],
  );
}

const selector = (): Schema => labelSelector('Labels of the pods this object manages; must match the template labels. Cannot be changed.');
const template = (): Schema => ref(core('PodTemplateSpec'), 'Pods created by this object.');
const revisionHistoryLimit = (): Schema => int32('Old revisions kept to allow rollback. Defaults to 10.');
const minReadySeconds = (): Schema => int32('Seconds a new pod must be ready, without crashing, before it counts as available.');
const collisionCount = (): Schema => int32('Counter used to avoid name collisions of revisions.');

/** apps/v1: Deployments, ReplicaSets, StatefulSets, DaemonSets, ControllerRevisions. */
export const APPS_DEFINITIONS: Definitions = {
  [apps('Deployment')]: kindObj('Declarative updates of pods through ReplicaSets.', {
    spec: ref(apps('DeploymentSpec'), 'Desired behaviour of the deployment.'),
    status: ref(apps('DeploymentStatus'), 'Most recently observed state. Read-only.'),
  }),
  [apps('DeploymentSpec')]: obj(
    'Desired behaviour of a deployment.',
    {
      replicas: int32('Desired number of pods. Defaults to 1.'),
      selector: selector(),
      template: template(),
      strategy: ref(apps('DeploymentStrategy'), 'How old pods are replaced by new ones.', { patchStrategy: 'retainKeys' }),
      minReadySeconds: minReadySeconds(),
      revisionHistoryLimit: revisionHistoryLimit(),
      paused: bool('Stop rolling out template changes until unpaused.'),
      progressDeadlineSeconds: int32('Seconds without progress before the rollout is reported as failed. Defaults to 600.'),
    },
    ['selector', 'template'],
  ),
  [apps('DeploymentStrategy')]: obj('How a deployment replaces its pods.', {
    type: str('`RollingUpdate` (default) or `Recreate`.', { enum: ['Recreate', 'RollingUpdate'] }),
    rollingUpdate: ref(apps('RollingUpdateDeployment'), 'Settings of a rolling update.'),
  }),
  [apps('RollingUpdateDeployment')]: obj('Pace of a rolling update.', {
    maxUnavailable: intOrString('Pods (or percentage of desired) that may be unavailable during the update. Defaults to 25%.'),
    maxSurge: intOrString('Pods (or percentage of desired) that may exist above the desired count. Defaults to 25%.'),
  }),
  [apps('DeploymentStatus')]: obj('Observed state of a deployment.', {
    observedGeneration: int64('The generation last acted upon.'),
    replicas: int32('Pods managed, old and new.'),
    updatedReplicas: int32('Pods with the current template.'),
    readyReplicas: int32('Pods ready.'),
    availableReplicas: int32('Pods ready for at least minReadySeconds.'),
    unavailableReplicas: int32('Pods still needed for the deployment to be at full capacity.'),
    conditions: mergeList(ref(apps('DeploymentCondition')), 'type', 'Current conditions: Available, Progressing, ReplicaFailure.'),
    collisionCount: collisionCount(),
  }),
  [apps('DeploymentCondition')]: condition('One condition of a deployment.', true),

  [apps('ReplicaSet')]: kindObj('Keeps a number of identical pods running.', {
    spec: ref(apps('ReplicaSetSpec'), 'Desired behaviour of the replica set.'),
    status: ref(apps('ReplicaSetStatus'), 'Most recently observed state. Read-only.'),
  }),
  [apps('ReplicaSetSpec')]: obj(
    'Desired behaviour of a replica set.',
    {
      replicas: int32('Desired number of pods. Defaults to 1.'),
      minReadySeconds: minReadySeconds(),
      selector: selector(),
      template: template(),
    },
    ['selector'],
  ),
  [apps('ReplicaSetStatus')]: obj(
    'Observed state of a replica set.',
    {
      replicas: int32('Pods currently managed.'),
      fullyLabeledReplicas: int32('Pods whose labels match the template labels.'),
      readyReplicas: int32('Pods ready.'),
      availableReplicas: int32('Pods ready for at least minReadySeconds.'),
      observedGeneration: int64('The generation last acted upon.'),
      conditions: mergeList(ref(apps('ReplicaSetCondition')), 'type', 'Current conditions of the replica set.'),
    },
    ['replicas'],
  ),
  [apps('ReplicaSetCondition')]: condition('One condition of a replica set.'),

  [apps('StatefulSet')]: kindObj('Pods with stable names and storage, created and updated in order.', {
    spec: ref(apps('StatefulSetSpec'), 'Desired behaviour of the stateful set.'),
    status: ref(apps('StatefulSetStatus'), 'Most recently observed state. Read-only.'),
  }),
  [apps('StatefulSetSpec')]: obj(
    'Desired behaviour of a stateful set.',
    {
      replicas: int32('Desired number of pods. Defaults to 1.'),
      selector: selector(),
      template: template(),
      volumeClaimTemplates: atomicList(ref(core('PersistentVolumeClaim')), 'Claims created for each pod, named `<claim>-<pod>`.'),
      serviceName: str('Headless service that gives the pods their DNS names.'),
      podManagementPolicy: str('`OrderedReady` (default) or `Parallel`: how pods are created and deleted.', {
        enum: ['OrderedReady', 'Parallel'],
      }),
      updateStrategy: ref(apps('StatefulSetUpdateStrategy'), 'How pods are updated when the template changes.'),
      revisionHistoryLimit: revisionHistoryLimit(),
      minReadySeconds: minReadySeconds(),
      persistentVolumeClaimRetentionPolicy: ref(apps('StatefulSetPersistentVolumeClaimRetentionPolicy'), 'What happens to the claims when pods go away.'),
      ordinals: ref(apps('StatefulSetOrdinals'), 'Numbering of the pods.'),
    },
    ['selector', 'template', 'serviceName'],
  ),
  [apps('StatefulSetUpdateStrategy')]: obj('How a stateful set updates its pods.', {
    type: str('`RollingUpdate` (default) or `OnDelete`.', { enum: ['OnDelete', 'RollingUpdate'] }),
    rollingUpdate: ref(apps('RollingUpdateStatefulSetStrategy'), 'Settings of a rolling update.'),
  }),
  [apps('RollingUpdateStatefulSetStrategy')]: obj('Settings of a stateful set rolling update.', {
    partition: int32('Only pods with an ordinal at or above this are updated.'),
    maxUnavailable: intOrString('Pods that may be unavailable during the update. Defaults to 1.'),
  }),
  [apps('StatefulSetPersistentVolumeClaimRetentionPolicy')]: obj('Lifecycle of the claims of a stateful set.', {
    whenDeleted: str('`Retain` (default) or `Delete` the claims when the stateful set is deleted.'),
    whenScaled: str('`Retain` (default) or `Delete` the claims of pods removed by a scale down.'),
  }),
  [apps('StatefulSetOrdinals')]: obj('Numbering of stateful set pods.', {
    start: int32('Ordinal of the first pod. Defaults to 0.'),
  }),
  [apps('StatefulSetStatus')]: obj(
    'Observed state of a stateful set.',
    {
      observedGeneration: int64('The generation last acted upon.'),
      replicas: int32('Pods created.'),
      readyReplicas: int32('Pods ready.'),
      currentReplicas: int32('Pods at currentRevision.'),
      updatedReplicas: int32('Pods at updateRevision.'),
      currentRevision: str('Revision of the pods before the update in progress.'),
      updateRevision: str('Revision the pods are updated to.'),
      collisionCount: collisionCount(),
      conditions: mergeList(ref(apps('StatefulSetCondition')), 'type', 'Current conditions of the stateful set.'),
      availableReplicas: int32('Pods ready for at least minReadySeconds.'),
    },
    ['replicas'],
  ),
  [apps('StatefulSetCondition')]: condition('One condition of a stateful set.'),

  [apps('DaemonSet')]: kindObj('Runs one copy of a pod on every eligible node.', {
    spec: ref(apps('DaemonSetSpec'), 'Desired behaviour of the daemon set.'),
    status: ref(apps('DaemonSetStatus'), 'Most recently observed state. Read-only.'),
  }),
  [apps('DaemonSetSpec')]: obj(
    'Desired behaviour of a daemon set.',
    {
      selector: selector(),
      template: template(),
      updateStrategy: ref(apps('DaemonSetUpdateStrategy'), 'How pods are updated when the template changes.'),
      minReadySeconds: minReadySeconds(),
      revisionHistoryLimit: revisionHistoryLimit(),
    },
    ['selector', 'template'],
  ),
  [apps('DaemonSetUpdateStrategy')]: obj('How a daemon set updates its pods.', {
    type: str('`RollingUpdate` (default) or `OnDelete`.', { enum: ['OnDelete', 'RollingUpdate'] }),
    rollingUpdate: ref(apps('RollingUpdateDaemonSet'), 'Settings of a rolling update.'),
  }),
  [apps('RollingUpdateDaemonSet')]: obj('Pace of a daemon set rolling update.', {
    maxUnavailable: intOrString('Nodes (or percentage) whose pod may be unavailable during the update. Defaults to 1.'),
    maxSurge: intOrString('Nodes (or percentage) that may run an old and a new pod at once. Defaults to 0.'),
  }),
  [apps('DaemonSetStatus')]: obj(
    'Observed state of a daemon set.',
    {
      currentNumberScheduled: int32('Nodes running a daemon pod that should.'),
      numberMisscheduled: int32('Nodes running a daemon pod that should not.'),
      desiredNumberScheduled: int32('Nodes that should run a daemon pod.'),
      numberReady: int32('Nodes whose daemon pod is ready.'),
      observedGeneration: int64('The generation last acted upon.'),
      updatedNumberScheduled: int32('Nodes running an up-to-date daemon pod.'),
      numberAvailable: int32('Nodes whose daemon pod is available.'),
      numberUnavailable: int32('Nodes whose daemon pod is missing or unavailable.'),
      collisionCount: collisionCount(),
      conditions: mergeList(ref(apps('DaemonSetCondition')), 'type', 'Current conditions of the daemon set.'),
    },
    ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'],
  ),
  [apps('DaemonSetCondition')]: condition('One condition of a daemon set.'),

  [apps('ControllerRevision')]: kindObj(
    'An immutable snapshot of the state a StatefulSet or DaemonSet rolled out, used for rollback.',
    {
      data: ref(RAW_EXTENSION, 'The serialized state (a patch of the template).'),
      revision: int64('Revision number.'),
    },
    ['revision'],
  ),
};
