import type { NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from '../kinds/pod';
import {
  matches,
  newRequirement,
  type LabelOperator,
  type LabelRequirement,
  type Labels,
} from '../selectors/label-requirement';
import { labelSelectorFromSet } from '../selectors/label-selector-object';

/** The one node field a `matchFields` requirement can name. */
export const NODE_NAME_FIELD = 'metadata.name';

const LABEL_OPERATORS: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
};

/** A `matchFields` requirement: the node field equals (In) or differs from (NotIn) one value. */
interface FieldRequirement {
  readonly field: string;
  readonly equal: boolean;
  readonly value: string;
}

/** A node selector term parsed once per pod, then matched against many nodes. */
export interface CompiledNodeSelectorTerm {
  readonly labels: readonly LabelRequirement[];
  readonly fields: readonly FieldRequirement[];
}

/**
 * Parses a term as nodeaffinity.newNodeSelectorTerm does. An empty term selects nothing
 * and an invalid one (unknown operator, wrong number of values, a non-integer Gt/Lt
 * bound, a `matchFields` entry other than In/NotIn with one value) is dropped: both
 * yield undefined, and a term list matches a node when any remaining term does.
 */
export function compileNodeSelectorTerm(term: NodeSelectorTerm | undefined): CompiledNodeSelectorTerm | undefined {
  const expressions = term?.matchExpressions ?? [];
  const fieldExpressions = term?.matchFields ?? [];
  if (expressions.length === 0 && fieldExpressions.length === 0) return undefined;
  const labels: LabelRequirement[] = [];
  for (const expr of expressions) {
    const r = labelRequirement(expr);
    if (!r) return undefined;
    labels.push(r);
  }
  const fields: FieldRequirement[] = [];
  for (const expr of fieldExpressions) {
    const values = expr.values ?? [];
    if (values.length !== 1 || (expr.operator !== 'In' && expr.operator !== 'NotIn')) return undefined;
    fields.push({ field: expr.key, equal: expr.operator === 'In', value: values[0] });
  }
  return { labels, fields };
}

function labelRequirement(expr: NodeSelectorRequirement): LabelRequirement | undefined {
  const op = Object.prototype.hasOwnProperty.call(LABEL_OPERATORS, expr.operator) ? LABEL_OPERATORS[expr.operator] : undefined;
  if (!op) return undefined;
  const { requirement, errors } = newRequirement(expr.key, op, expr.values ?? []);
  return errors.length ? undefined : requirement;
}

/** Whether a compiled term matches a node by its name and labels. */
export function nodeSelectorTermMatches(term: CompiledNodeSelectorTerm, nodeName: string, labels: Labels): boolean {
  for (const f of term.fields) {
    const actual = f.field === NODE_NAME_FIELD ? nodeName : '';
    if ((actual === f.value) !== f.equal) return false;
  }
  return matches(term.labels, labels);
}

/**
 * What a pod requires of a node's labels and name (nodeaffinity.RequiredNodeAffinity):
 * its `nodeSelector` AND any one of its required node affinity terms.
 */
export interface RequiredNodeAffinity {
  /** `spec.nodeSelector` as `key=value` requirements (empty: no constraint). */
  readonly nodeSelector: readonly LabelRequirement[];
  /** The usable required terms; undefined when the pod has no required node affinity. */
  readonly terms: readonly CompiledNodeSelectorTerm[] | undefined;
}

/** Compiles a pod's nodeSelector and required node affinity; undefined when it has neither. */
export function compileRequiredNodeAffinity(spec: PodSpec | undefined): RequiredNodeAffinity | undefined {
  const nodeSelector = labelSelectorFromSet(spec?.nodeSelector);
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (nodeSelector.length === 0 && !required) return undefined;
  let terms: CompiledNodeSelectorTerm[] | undefined;
  if (required) {
    terms = [];
    for (const t of required.nodeSelectorTerms ?? []) {
      const compiled = compileNodeSelectorTerm(t);
      if (compiled) terms.push(compiled);
    }
  }
  return { nodeSelector, terms };
}

/** Whether a node satisfies a pod's nodeSelector and required node affinity. */
export function requiredNodeAffinityMatches(affinity: RequiredNodeAffinity, nodeName: string, labels: Labels): boolean {
  if (affinity.nodeSelector.length && !matches(affinity.nodeSelector, labels)) return false;
  if (!affinity.terms) return true;
  for (const term of affinity.terms) if (nodeSelectorTermMatches(term, nodeName, labels)) return true;
  return false;
}

/** A preferred node affinity term with its weight, compiled. */
export interface WeightedNodeSelectorTerm {
  readonly weight: number;
  readonly term: CompiledNodeSelectorTerm;
}

/**
 * A pod's preferred node affinity terms, compiled (nodeaffinity.NewPreferredSchedulingTerms):
 * terms of weight 0, empty terms and invalid terms are left out.
 */
export function compilePreferredNodeAffinity(spec: PodSpec | undefined): WeightedNodeSelectorTerm[] {
  const preferred = spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const out: WeightedNodeSelectorTerm[] = [];
  for (const p of preferred) {
    if (!p.weight) continue;
    const term = compileNodeSelectorTerm(p.preference);
    if (term) out.push({ weight: p.weight, term });
  }
  return out;
}
