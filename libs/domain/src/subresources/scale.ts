import { Errors } from '../errors/status-error';
import type { LabelSelector } from '../kinds/common';
import type { KubeObject } from '../meta/types';
import { selectorToString } from '../selectors/label-requirement';
import { labelSelectorAsRequirements } from '../selectors/label-selector-object';

/** The `scale` subresource's view of a workload (autoscaling/v1 Scale). */
export function toScale(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector | Record<string, string> };
  const status = (obj.status ?? {}) as { replicas?: number };
  // A ReplicationController's selector is a plain label map; the apps/v1 kinds use a LabelSelector.
  const sel = obj.kind === 'ReplicationController' ? { matchLabels: spec.selector as Record<string, string> } : (spec.selector as LabelSelector);
  const conv = labelSelectorAsRequirements(sel);
  const selector = conv.ok && conv.requirements ? selectorToString(conv.requirements) : '';
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

/** Writes a Scale's desired replicas back into the workload. */
export function fromScale(obj: KubeObject, scale: unknown): KubeObject {
  const s = scale as { kind?: string; spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } };
  if (typeof s !== 'object' || s === null) throw Errors.badRequest('the body of the request was not a JSON object');
  if (s.kind !== undefined && s.kind !== 'Scale') throw Errors.badRequest(`${s.kind} is not a Scale`);
  const replicas = s.spec?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw Errors.invalid('autoscaling', 'Scale', obj.metadata.name ?? '', [
      { reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` },
    ]);
  }
  const out = { ...obj, spec: { ...(obj.spec as object), replicas }, metadata: { ...obj.metadata } };
  if (s.metadata?.resourceVersion) out.metadata.resourceVersion = s.metadata.resourceVersion;
  else delete out.metadata.resourceVersion;
  return out;
}
