import type { KubeObject } from '../meta/types';

/** Written by `kubectl apply`: a copy of the applied manifest, which the spec already shows. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What a history diff leaves out unless asked for (`noise=true`): bookkeeping that
 * changes with every write or apply and that a person reading a change does not need.
 * resourceVersion differs between any two revisions; generation moves with every spec
 * change the diff already shows; managedFields and the last-applied annotation repeat
 * the object. Status is not noise: it is what controllers did.
 */
export const NOISE_FIELDS = [
  'metadata.resourceVersion',
  'metadata.generation',
  'metadata.managedFields',
  `metadata.annotations["${LAST_APPLIED_ANNOTATION}"]`,
] as const;

/** A copy of `obj` without the noise fields (an annotations map left empty is dropped too). */
export function withoutNoise(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, generation: _gen, managedFields: _mf, annotations, ...metadata } = obj.metadata ?? {};
  if (annotations) {
    const { [LAST_APPLIED_ANNOTATION]: _applied, ...rest } = annotations;
    if (Object.keys(rest).length) Object.assign(metadata, { annotations: rest });
  }
  return { ...obj, metadata };
}
