import type { KubeObject } from '../meta/types';
import { CHANGE_CAUSE_ANNOTATION } from '../workloads/deployment-revisions';

/** Longest change-cause written: an annotation value, kept short enough to read in `kubectl rollout history`. */
export const MAX_CHANGE_CAUSE_CHARS = 1024;

/**
 * Who started a rollout and how, for the `kubernetes.io/change-cause` annotation that the
 * revision keeps and `kubectl rollout history` prints: `alice via GraphQL: set image web=nginx:1.27`.
 */
export function changeCauseOf(user: string, surface: string, action: string): string {
  return `${user} via ${surface}: ${action}`.slice(0, MAX_CHANGE_CAUSE_CHARS);
}

/** Sets the change-cause annotation on `obj` (a copy the caller owns). */
export function setChangeCause<T extends KubeObject>(obj: T, cause: string): T {
  obj.metadata.annotations = { ...obj.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause.slice(0, MAX_CHANGE_CAUSE_CHARS) };
  return obj;
}
