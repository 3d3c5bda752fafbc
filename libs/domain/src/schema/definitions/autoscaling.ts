import {
  atomicList, autoscalingV1, autoscalingV2, Definitions, int32, int64, kindObj, labelSelector, mergeList, obj, quantity, ref, Schema, str,
  time,
} from '../dsl';

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

const crossVersionRef = (description: string): Schema => ref(autoscalingV2('CrossVersionObjectReference'), description);
const identifier = (): Schema => ref(autoscalingV2('MetricIdentifier'), 'The metric.');
const target = (): Schema => ref(autoscalingV2('MetricTarget'), 'Target value of the metric.');
const current = (): Schema => ref(autoscalingV2('MetricValueStatus'), 'Current value of the metric.');

/** autoscaling/v2 HorizontalPodAutoscaler, and autoscaling/v1 Scale (the scale subresource). */
export const AUTOSCALING_DEFINITIONS: Definitions = {
  [autoscalingV2('HorizontalPodAutoscaler')]: kindObj('Scales a workload between a minimum and a maximum number of replicas to meet metric targets.', {
    spec: ref(autoscalingV2('HorizontalPodAutoscalerSpec'), 'Desired behaviour of the autoscaler.'),
    status: ref(autoscalingV2('HorizontalPodAutoscalerStatus'), 'Most recently observed state. Read-only.'),
  }),
  [autoscalingV2('HorizontalPodAutoscalerSpec')]: obj(
    'Desired behaviour of an autoscaler.',
    {
      scaleTargetRef: crossVersionRef('The workload to scale; it must have a scale subresource.'),
      minReplicas: int32('Lowest replica count. Defaults to 1.'),
      maxReplicas: int32('Highest replica count.'),
      metrics: atomicList(ref(autoscalingV2('MetricSpec')), 'Metrics to meet; the largest replica count proposed wins. Defaults to 80% CPU.'),
      behavior: ref(autoscalingV2('HorizontalPodAutoscalerBehavior'), 'How fast to scale up and down.'),
    },
    ['scaleTargetRef', 'maxReplicas'],
  ),
  [autoscalingV2('CrossVersionObjectReference')]: obj(
    'Points to an object in the same namespace.',
    {
      kind: str('Kind of the object.'),
      name: str('Name of the object.'),
      apiVersion: str('API version of the object.'),
    },
    ['kind', 'name'],
  ),
  [autoscalingV2('MetricSpec')]: obj(
    'One metric to scale on; set the field named by type.',
    {
      type: str('`Resource`, `ContainerResource`, `Pods`, `Object` or `External`.', { enum: METRIC_TYPES }),
      object: ref(autoscalingV2('ObjectMetricSource'), 'A metric of another object of the namespace.'),
      pods: ref(autoscalingV2('PodsMetricSource'), 'A metric averaged over the pods.'),
      resource: ref(autoscalingV2('ResourceMetricSource'), 'CPU or memory of the pods.'),
      containerResource: ref(autoscalingV2('ContainerResourceMetricSource'), 'CPU or memory of one container of the pods.'),
      external: ref(autoscalingV2('ExternalMetricSource'), 'A metric from outside the cluster.'),
    },
    ['type'],
  ),
  [autoscalingV2('ObjectMetricSource')]: obj(
    'A metric describing one object.',
    { describedObject: crossVersionRef('The object the metric describes.'), target: target(), metric: identifier() },
    ['describedObject', 'target', 'metric'],
  ),
  [autoscalingV2('PodsMetricSource')]: obj('A metric of each pod, averaged.', { metric: identifier(), target: target() }, ['metric', 'target']),
  [autoscalingV2('ResourceMetricSource')]: obj(
    'A resource of the pods, as known to the scheduler.',
    { name: str('Resource name, e.g. `cpu` or `memory`.'), target: target() },
    ['name', 'target'],
  ),
  [autoscalingV2('ContainerResourceMetricSource')]: obj(
    'A resource of one container in each pod.',
    { name: str('Resource name.'), target: target(), container: str('Name of the container.') },
    ['name', 'target', 'container'],
  ),
  [autoscalingV2('ExternalMetricSource')]: obj('A metric not tied to a cluster object.', { metric: identifier(), target: target() }, ['metric', 'target']),
  [autoscalingV2('MetricIdentifier')]: obj(
    'Names a metric.',
    {
      name: str('Name of the metric.'),
      selector: labelSelector('Narrows the metric to the series with these labels.'),
    },
    ['name'],
  ),
  [autoscalingV2('MetricTarget')]: obj(
    'Target of a metric.',
    {
      type: str('`Utilization`, `Value` or `AverageValue`.', { enum: ['AverageValue', 'Utilization', 'Value'] }),
      value: quantity('Target value of the metric.'),
      averageValue: quantity('Target value averaged over the pods.'),
      averageUtilization: int32('Target percentage of the requested resource, averaged over the pods.'),
    },
    ['type'],
  ),
  [autoscalingV2('HorizontalPodAutoscalerBehavior')]: obj('Scaling speed of an autoscaler.', {
    scaleUp: ref(autoscalingV2('HPAScalingRules'), 'Rules when scaling up.'),
    scaleDown: ref(autoscalingV2('HPAScalingRules'), 'Rules when scaling down.'),
  }),
  [autoscalingV2('HPAScalingRules')]: obj('Scaling rules in one direction.', {
    stabilizationWindowSeconds: int32('Seconds of past recommendations considered, to avoid flapping.'),
    selectPolicy: str('`Max`, `Min` or `Disabled`: which policy applies.', { enum: ['Disabled', 'Max', 'Min'] }),
    policies: atomicList(ref(autoscalingV2('HPAScalingPolicy')), 'Limits on the change allowed per period.'),
  }),
  [autoscalingV2('HPAScalingPolicy')]: obj(
    'A limit on scaling within a period.',
    {
      type: str('`Pods` or `Percent`.', { enum: ['Percent', 'Pods'] }),
      value: int32('Amount of change allowed.'),
      periodSeconds: int32('Length of the period, 1-1800 seconds.'),
    },
    ['type', 'value', 'periodSeconds'],
  ),
  [autoscalingV2('HorizontalPodAutoscalerStatus')]: obj(
    'Observed state of an autoscaler.',
    {
      observedGeneration: int64('The generation last acted upon.'),
      lastScaleTime: time('When the replica count last changed.'),
      currentReplicas: int32('Replicas currently managed.'),
      desiredReplicas: int32('Replicas wanted by the last computation.'),
      currentMetrics: atomicList(ref(autoscalingV2('MetricStatus')), 'Last read value of each metric.'),
      conditions: mergeList(ref(autoscalingV2('HorizontalPodAutoscalerCondition')), 'type', 'Current conditions of the autoscaler.'),
    },
    ['desiredReplicas'],
  ),
  [autoscalingV2('HorizontalPodAutoscalerCondition')]: obj(
    'One condition of an autoscaler.',
    {
      type: str('`ScalingActive`, `AbleToScale` or `ScalingLimited`.'),
      status: str('`True`, `False` or `Unknown`.'),
      lastTransitionTime: time('When the status last changed.'),
      reason: str('CamelCase reason.'),
      message: str('Human-readable details.'),
    },
    ['type', 'status'],
  ),
  [autoscalingV2('MetricStatus')]: obj(
    'Last read value of one metric.',
    {
      type: str('`Resource`, `ContainerResource`, `Pods`, `Object` or `External`.', { enum: METRIC_TYPES }),
      object: ref(autoscalingV2('ObjectMetricStatus'), 'Value of an object metric.'),
      pods: ref(autoscalingV2('PodsMetricStatus'), 'Value of a pods metric.'),
      resource: ref(autoscalingV2('ResourceMetricStatus'), 'Value of a resource metric.'),
      containerResource: ref(autoscalingV2('ContainerResourceMetricStatus'), 'Value of a container resource metric.'),
      external: ref(autoscalingV2('ExternalMetricStatus'), 'Value of an external metric.'),
    },
    ['type'],
  ),
  [autoscalingV2('ObjectMetricStatus')]: obj(
    'Value of an object metric.',
    { metric: identifier(), current: current(), describedObject: crossVersionRef('The object the metric describes.') },
    ['metric', 'current', 'describedObject'],
  ),
  [autoscalingV2('PodsMetricStatus')]: obj('Value of a pods metric.', { metric: identifier(), current: current() }, ['metric', 'current']),
  [autoscalingV2('ResourceMetricStatus')]: obj('Value of a resource metric.', { name: str('Resource name.'), current: current() }, ['name', 'current']),
  [autoscalingV2('ContainerResourceMetricStatus')]: obj(
    'Value of a container resource metric.',
    { name: str('Resource name.'), current: current(), container: str('Name of the container.') },
    ['name', 'current', 'container'],
  ),
  [autoscalingV2('ExternalMetricStatus')]: obj('Value of an external metric.', { metric: identifier(), current: current() }, ['metric', 'current']),
  [autoscalingV2('MetricValueStatus')]: obj('A metric value.', {
    value: quantity('Value of the metric.'),
    averageValue: quantity('Value averaged over the pods.'),
    averageUtilization: int32('Percentage of the requested resource, averaged over the pods.'),
  }),

  [autoscalingV1('Scale')]: kindObj('The scale subresource of a workload: its desired and current replica counts.', {
    spec: ref(autoscalingV1('ScaleSpec'), 'Desired scale.'),
    status: ref(autoscalingV1('ScaleStatus'), 'Current scale. Read-only.'),
  }),
  [autoscalingV1('ScaleSpec')]: obj('Desired scale.', { replicas: int32('Desired number of replicas.') }),
  [autoscalingV1('ScaleStatus')]: obj(
    'Current scale.',
    {
      replicas: int32('Current number of replicas.'),
      selector: str('Label selector of the pods, in query-string form.'),
    },
    ['replicas'],
  ),
};
