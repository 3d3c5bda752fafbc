import { atomicList, core, Definitions, int32, int64, labelSelector, obj, ref, str, strList, time } from '../dsl';

const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];

/** Where pods may run: affinity, tolerations, topology spread, taints. */
export const CORE_SCHEDULING_DEFINITIONS: Definitions = {
  [core('Affinity')]: obj('Scheduling affinity rules of a pod.', {
    nodeAffinity: ref(core('NodeAffinity'), 'Rules on the labels of the node.'),
    podAffinity: ref(core('PodAffinity'), 'Rules to run near certain other pods.'),
    podAntiAffinity: ref(core('PodAntiAffinity'), 'Rules to stay away from certain other pods.'),
  }),
  [core('NodeAffinity')]: obj('Rules on the labels of the node a pod runs on.', {
    requiredDuringSchedulingIgnoredDuringExecution: ref(core('NodeSelector'), 'Hard rule: the node must match it at scheduling time.'),
    preferredDuringSchedulingIgnoredDuringExecution: atomicList(ref(core('PreferredSchedulingTerm')), 'Soft rules: nodes matching more weight are preferred.'),
  }),
  [core('NodeSelector')]: obj(
    'Matches nodes: any one of the terms must match.',
    { nodeSelectorTerms: atomicList(ref(core('NodeSelectorTerm')), 'The terms, ORed together.') },
    ['nodeSelectorTerms'],
  ),
  [core('NodeSelectorTerm')]: obj('A set of node requirements, ANDed together.', {
    matchExpressions: atomicList(ref(core('NodeSelectorRequirement')), 'Requirements on node labels.'),
    matchFields: atomicList(ref(core('NodeSelectorRequirement')), 'Requirements on node fields (only `metadata.name`).'),
  }),
  [core('NodeSelectorRequirement')]: obj(
    'A condition on one node label or field.',
    {
      key: str('Label key or field name.'),
      operator: str('`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`.', { enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] }),
      values: strList('Values to compare with; a single integer for Gt and Lt, none for Exists and DoesNotExist.'),
    },
    ['key', 'operator'],
  ),
  [core('PreferredSchedulingTerm')]: obj(
    'A weighted soft node rule.',
    {
      weight: int32('Weight, 1-100.'),
      preference: ref(core('NodeSelectorTerm'), 'The term nodes should match.'),
    },
    ['weight', 'preference'],
  ),
  [core('PodAffinity')]: obj('Rules to place a pod in the same topology domain as other pods.', {
    requiredDuringSchedulingIgnoredDuringExecution: atomicList(ref(core('PodAffinityTerm')), 'Hard rules, all must hold.'),
    preferredDuringSchedulingIgnoredDuringExecution: atomicList(ref(core('WeightedPodAffinityTerm')), 'Soft rules, summed by weight.'),
  }),
  [core('PodAntiAffinity')]: obj('Rules to keep a pod out of topology domains holding other pods.', {
    requiredDuringSchedulingIgnoredDuringExecution: atomicList(ref(core('PodAffinityTerm')), 'Hard rules, all must hold.'),
    preferredDuringSchedulingIgnoredDuringExecution: atomicList(ref(core('WeightedPodAffinityTerm')), 'Soft rules, summed by weight.'),
  }),
  [core('PodAffinityTerm')]: obj(
    'A set of pods, and the topology key that defines "near" them.',
    {
      labelSelector: labelSelector('Pods the rule is about.'),
      namespaces: strList('Namespaces searched for those pods; empty means the namespace of this pod.'),
      topologyKey: str('Node label whose value defines a topology domain, e.g. `kubernetes.io/hostname`.'),
      namespaceSelector: labelSelector('Namespaces searched, by label; added to `namespaces`.'),
      matchLabelKeys: strList('Label keys whose values on this pod are added to the label selector as `In` requirements.'),
      mismatchLabelKeys: strList('Label keys whose values on this pod are added to the label selector as `NotIn` requirements.'),
    },
    ['topologyKey'],
  ),
  [core('WeightedPodAffinityTerm')]: obj(
    'A weighted soft pod rule.',
    {
      weight: int32('Weight, 1-100.'),
      podAffinityTerm: ref(core('PodAffinityTerm'), 'The rule.'),
    },
    ['weight', 'podAffinityTerm'],
  ),
  [core('Toleration')]: obj('Lets a pod be scheduled on (or stay on) nodes with a matching taint.', {
    key: str('Taint key to match; empty with Exists matches every taint.'),
    operator: str('`Equal` (default) or `Exists`.', { enum: ['Equal', 'Exists'] }),
    value: str('Taint value to match with Equal.'),
    effect: str('Taint effect to match; empty matches all.', { enum: TAINT_EFFECTS }),
    tolerationSeconds: int64('For NoExecute: how long the pod stays after the taint appears; unset means forever.'),
  }),
  [core('TopologySpreadConstraint')]: obj(
    'How evenly matching pods must be spread across topology domains.',
    {
      maxSkew: int32('Largest allowed difference in matching pods between two domains.'),
      topologyKey: str('Node label whose value defines a domain.'),
      whenUnsatisfiable: str('`DoNotSchedule` or `ScheduleAnyway`.', { enum: ['DoNotSchedule', 'ScheduleAnyway'] }),
      labelSelector: labelSelector('Pods counted in each domain.'),
      minDomains: int32('Minimum number of eligible domains; fewer counts as having zero pods in the missing ones.'),
      nodeAffinityPolicy: str('`Honor` or `Ignore` the node affinity of the pod when counting domains.'),
      nodeTaintsPolicy: str('`Honor` or `Ignore` node taints when counting domains.'),
      matchLabelKeys: strList('Label keys whose values on this pod narrow the label selector.'),
    },
    ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
  ),
  [core('Taint')]: obj(
    'Marks a node so that only pods tolerating it run there.',
    {
      key: str('Taint key.'),
      value: str('Taint value.'),
      effect: str('`NoSchedule`, `PreferNoSchedule` or `NoExecute`.', { enum: TAINT_EFFECTS }),
      timeAdded: time('When a NoExecute taint was added.'),
    },
    ['key', 'effect'],
  ),
};
