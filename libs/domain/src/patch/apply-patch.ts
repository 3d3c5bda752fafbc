import { Errors } from '../errors/status-error';
import type { KubeObject } from '../meta/types';
import { applyJsonPatch } from './json-patch';
import { applyMergePatch } from './merge-patch';
import { builtinPatchMeta } from './patch-meta';
import { applyStrategicMergePatch } from './strategic-merge-patch';

/** The patch types of the Kubernetes API, by their Content-Type. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** Applies a PATCH body of the given type to `current` (which it does not change). */
export function applyPatch(patchType: PatchType, kind: string, current: KubeObject, patch: unknown): KubeObject {
  switch (patchType) {
    case 'json':
      return applyJsonPatch(current, patch) as KubeObject;
    case 'merge':
      return applyMergePatch(current, patch) as KubeObject;
    case 'strategic':
      return applyStrategicMergePatch(current, patch, builtinPatchMeta(kind)) as KubeObject;
    default:
      throw Errors.unsupportedMediaType(['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']);
  }
}

/** A patch is unconditional unless it names a resourceVersion itself. */
export function patchNamesResourceVersion(patch: unknown): boolean {
  if (Array.isArray(patch)) return patch.some((op) => typeof op?.path === 'string' && op.path === '/metadata/resourceVersion');
  return !!(patch as { metadata?: { resourceVersion?: unknown } })?.metadata?.resourceVersion;
}
