import type { Status, StatusCause, StatusDetails } from '../meta/types';

/**
 * The one error type of the Kubernetes API: every failure a client can see is a
 * StatusError, rendered as a `Status` body with the same code and reason the
 * real API server would use.
 */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `kind` as the API server names it in messages: `deployments.apps`, `pods`. */
export interface QualifiedResource {
  group: string;
  resource: string;
}

function qualified(r: QualifiedResource): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export const Errors = {
  badRequest(message: string): StatusError {
    return new StatusError(400, 'BadRequest', message);
  },
  unauthorized(message = 'Unauthorized'): StatusError {
    return new StatusError(401, 'Unauthorized', message);
  },
  forbidden(message: string): StatusError {
    return new StatusError(403, 'Forbidden', message);
  },
  notFound(r: QualifiedResource, name: string): StatusError {
    return new StatusError(404, 'NotFound', `${qualified(r)} "${name}" not found`, {
      name,
      group: r.group,
      kind: r.resource,
    });
  },
  /** A path that names no resource at all: the server answers 404 with a plain message. */
  pathNotFound(message = 'the server could not find the requested resource'): StatusError {
    return new StatusError(404, 'NotFound', message, {});
  },
  methodNotAllowed(verb: string): StatusError {
    return new StatusError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${verb})`, {});
  },
  alreadyExists(r: QualifiedResource, name: string): StatusError {
    return new StatusError(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, {
      name,
      group: r.group,
      kind: r.resource,
    });
  },
  conflict(r: QualifiedResource, name: string, why: string): StatusError {
    return new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${why}`,
      { name, group: r.group, kind: r.resource },
    );
  },
  gone(message: string): StatusError {
    return new StatusError(410, 'Expired', message);
  },
  requestEntityTooLarge(message = 'Request entity too large: limit is 3145728'): StatusError {
    return new StatusError(413, 'RequestEntityTooLarge', message);
  },
  unsupportedMediaType(accepted: string[]): StatusError {
    return new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`, {});
  },
  notAcceptable(message: string): StatusError {
    return new StatusError(406, 'NotAcceptable', message);
  },
  /** 422: `kind` is the object's Kind (`Deployment`), as the real server reports it. */
  invalid(group: string, kind: string, name: string, causes: StatusCause[]): StatusError {
    const list = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
    const what = group ? `${kind}.${group}` : kind;
    const message =
      causes.length === 1
        ? `${what} "${name}" is invalid: ${list}`
        : `${what} "${name}" is invalid: [${list}]`;
    return new StatusError(422, 'Invalid', message, { name, group, kind, causes });
  },
  tooManyRequests(message: string, retryAfterSeconds: number): StatusError {
    return new StatusError(429, 'TooManyRequests', message, { retryAfterSeconds });
  },
  /** 503: the server cannot reach its storage (or another dependency) for now; clients retry after `retryAfterSeconds`. */
  serviceUnavailable(message: string, retryAfterSeconds = 1): StatusError {
    return new StatusError(503, 'ServiceUnavailable', message, { retryAfterSeconds });
  },
  internal(message: string): StatusError {
    return new StatusError(500, 'InternalError', `Internal error occurred: ${message}`, {
      causes: [{ message }],
    });
  },
};

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}
