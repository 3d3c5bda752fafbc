import {
  fieldSelectorMatches,
  matches,
  parseFieldSelectorForKind,
  parseLabelSelector,
  type FieldRequirement,
  type KubeObject,
  type LabelRequirement,
  type ResourceType,
} from '@skiff/domain';
import type { ListQuery } from '../store/resource-store';

/** A list or watch filter: namespace, label selector and field selector, checked the same way for both. */
export class ListFilter {
  private constructor(
    readonly type: ResourceType,
    readonly namespace: string,
    readonly labels: LabelRequirement[],
    readonly fields: FieldRequirement[],
  ) {}

  static parse(type: ResourceType, namespace: string, labelSelector?: string, fieldSelector?: string): ListFilter {
    return new ListFilter(
      type,
      type.namespaced ? namespace : '',
      parseLabelSelector(labelSelector ?? ''),
      parseFieldSelectorForKind(type.kind, fieldSelector ?? ''),
    );
  }

  matches(obj: KubeObject): boolean {
    if (this.namespace && obj.metadata.namespace !== this.namespace) return false;
    if (this.labels.length && !matches(this.labels, obj.metadata.labels ?? {})) return false;
    if (this.fields.length && !fieldSelectorMatches(this.type.kind, this.fields, obj)) return false;
    return true;
  }

  /** The parts Postgres can narrow with its indexes; `matches` still checks everything. */
  storeQuery(): ListQuery {
    const q: ListQuery = {};
    if (this.namespace) q.namespace = this.namespace;
    const contain: Record<string, string> = {};
    for (const r of this.labels) {
      if ((r.operator === '=' || r.operator === '==' || (r.operator === 'in' && r.values.length === 1)) && r.values.length) contain[r.key] = r.values[0];
      else if (r.operator === 'exists') (q.labelsHave ??= []).push(r.key);
    }
    if (Object.keys(contain).length) q.labelsContain = contain;
    for (const f of this.fields) {
      if (f.operator !== '=') continue;
      if (f.field === 'metadata.namespace' && !q.namespace) q.namespace = f.value;
      if (f.field === 'spec.nodeName' && this.type.kind === 'Pod') q.nodeName = f.value;
    }
    return q;
  }
}
