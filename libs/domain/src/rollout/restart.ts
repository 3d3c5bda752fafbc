import { Errors } from '../errors/status-error';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import type { KubeObject } from '../meta/types';
import { RESOURCE_TYPES } from '../resources/registry';
import { RESTARTED_AT_ANNOTATION } from '../workloads/deployment-revisions';
import { podTemplateOf } from './workload-template';

const typeOfKind = (kind: string | undefined) => RESOURCE_TYPES.find((t) => t.kind === kind) ?? { group: '', resource: (kind ?? '').toLowerCase() };

/** A paused Deployment rolls nothing out: restarting or rolling it back would wait unseen, so it is refused (409). */
export function refuseIfPaused(obj: KubeObject, action: string): void {
  if (obj.kind === 'Deployment' && (obj.spec as { paused?: boolean } | undefined)?.paused) {
    throw Errors.conflict(typeOfKind(obj.kind), obj.metadata.name ?? '', `cannot ${action} a paused deployment; resume it first`);
  }
}

/**
 * `kubectl rollout restart` on `obj` (a copy the caller owns): the pod template gets the
 * `kubectl.kubernetes.io/restartedAt` annotation set to `now`, so the template changes and
 * the controller replaces every pod as in any rollout. Returns the timestamp written.
 */
export function restartPodTemplate(obj: KubeObject, now: Date): string {
  refuseIfPaused(obj, 'restart');
  const template = podTemplateOf(obj);
  if (!template) throw Errors.badRequest(`${obj.kind} "${obj.metadata.name}" has no pod template to restart`);
  const at = rfc3339(now);
  template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [RESTARTED_AT_ANNOTATION]: at } };
  return at;
}
