import { StatusError, Errors } from '../errors/status-error';
import type { StatusCause } from '../meta/types';

/** The object an action's argument was about, when there is one (for the message's `Kind.group "name"`). */
export interface ActionTarget {
  group: string;
  kind: string;
  name: string;
}

/**
 * A 422 naming the argument that was wrong (`replicas`, `container`, `manifest[1].kind`),
 * in the form of kube-apiserver's field errors, so every surface shows which input to fix.
 */
export function invalidArgument(field: string, message: string, target?: ActionTarget, reason = 'FieldValueInvalid'): StatusError {
  const cause: StatusCause = { reason, field, message };
  if (target) return Errors.invalid(target.group, target.kind, target.name, [cause]);
  return new StatusError(422, 'Invalid', `${field}: ${message}`, { causes: [cause] });
}

/** Like invalidArgument, for several arguments at once. */
export function invalidArguments(causes: StatusCause[], target: ActionTarget): StatusError {
  return Errors.invalid(target.group, target.kind, target.name, causes);
}
