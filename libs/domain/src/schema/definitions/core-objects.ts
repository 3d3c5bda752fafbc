import {
  bool, bytes, core, Definitions, int32, int64, kindObj, map, mergeList, microTime, obj, ref, str, strMap, time,
} from '../dsl';

/** ConfigMaps, Secrets, Events, ReplicationControllers, Bindings and object references. */
export const CORE_OBJECT_DEFINITIONS: Definitions = {
  [core('ConfigMap')]: kindObj('Non-secret configuration data as key/value pairs.', {
    immutable: bool('When true the data can no longer be changed, only the object deleted.'),
    data: strMap('UTF-8 values by key. Keys are letters, digits, `-`, `_` and `.`.'),
    binaryData: map(bytes(), 'Binary values by key, base64 in JSON; keys must not repeat those of data.'),
  }),
  [core('Secret')]: kindObj('Sensitive data, such as passwords, tokens or keys.', {
    immutable: bool('When true the data can no longer be changed, only the object deleted.'),
    data: map(bytes(), 'Values by key, base64 in JSON.'),
    stringData: strMap('Write-only convenience: plain text values merged into data on write.'),
    type: str('How the data is used, e.g. `Opaque`, `kubernetes.io/tls`, `kubernetes.io/dockerconfigjson`.'),
  }),
  [core('ObjectReference')]: obj('Points to an API object, or a part of one.', {
    kind: str('Kind of the object.'),
    namespace: str('Namespace of the object.'),
    name: str('Name of the object.'),
    uid: str('UID of the object.'),
    apiVersion: str('API version of the object.'),
    resourceVersion: str('Version of the object the reference was made from.'),
    fieldPath: str('Part of the object, e.g. `spec.containers{web}` for one container of a pod.'),
  }),
  [core('Event')]: kindObj(
    'A report of something that happened to an object, such as a pod being scheduled or an image pulled.',
    {
      involvedObject: ref(core('ObjectReference'), 'The object the event is about.'),
      reason: str('Short CamelCase reason, e.g. `Scheduled` or `BackOff`.'),
      message: str('Human-readable description.'),
      source: ref(core('EventSource'), 'Component that reported the event.'),
      firstTimestamp: time('When the event was first seen.'),
      lastTimestamp: time('When the event was most recently seen.'),
      count: int32('Times the event was seen.'),
      type: str('`Normal` or `Warning`.'),
      eventTime: microTime('When the event first happened, to the microsecond.'),
      series: ref(core('EventSeries'), 'Data about a series of repeated events.'),
      action: str('What was done, or failed, about the object.'),
      related: ref(core('ObjectReference'), 'A second object the event involves.'),
      reportingComponent: str('Controller that emitted the event, e.g. `kubelet`.'),
      reportingInstance: str('Instance of that controller, e.g. the node name.'),
    },
    ['metadata', 'involvedObject'],
  ),
  [core('EventSource')]: obj('Who reported an event.', {
    component: str('Reporting component.'),
    host: str('Node of the reporting component.'),
  }),
  [core('EventSeries')]: obj('A run of repeated events.', {
    count: int32('Occurrences so far.'),
    lastObservedTime: microTime('Time of the last occurrence.'),
  }),
  [core('Binding')]: kindObj(
    'Binds a pod to a node; posted to the binding subresource by a scheduler.',
    { target: ref(core('ObjectReference'), 'The node to bind to.') },
    ['target'],
  ),
  [core('ReplicationController')]: kindObj('The original way to keep a number of pod replicas running; prefer Deployments.', {
    spec: ref(core('ReplicationControllerSpec'), 'Desired behaviour of the controller.'),
    status: ref(core('ReplicationControllerStatus'), 'Most recently observed state. Read-only.'),
  }),
  [core('ReplicationControllerSpec')]: obj('Desired behaviour of a replication controller.', {
    replicas: int32('Desired number of pods. Defaults to 1.'),
    minReadySeconds: int32('Seconds a new pod must be ready before it counts as available.'),
    selector: strMap('Labels of the pods to manage; defaults to the template labels.', 'atomic'),
    template: ref(core('PodTemplateSpec'), 'Pods created when replicas are missing.'),
  }),
  [core('ReplicationControllerStatus')]: obj(
    'Observed state of a replication controller.',
    {
      replicas: int32('Pods currently managed.'),
      fullyLabeledReplicas: int32('Pods whose labels match the template labels.'),
      readyReplicas: int32('Pods ready.'),
      availableReplicas: int32('Pods ready for at least minReadySeconds.'),
      observedGeneration: int64('The generation last acted upon.'),
      conditions: mergeList(ref(core('ReplicationControllerCondition')), 'type', 'Current conditions of the controller.'),
    },
    ['replicas'],
  ),
  [core('ReplicationControllerCondition')]: obj(
    'One condition of a replication controller.',
    {
      type: str('Kind of condition, e.g. `ReplicaFailure`.'),
      status: str('`True`, `False` or `Unknown`.'),
      lastTransitionTime: time('When the status last changed.'),
      reason: str('CamelCase reason.'),
      message: str('Human-readable details.'),
    },
    ['type', 'status'],
  ),
};
