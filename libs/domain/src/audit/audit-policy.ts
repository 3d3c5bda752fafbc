/** One change asked for, on any surface, and what became of it. */
export interface AuditEntry {
  at: string;
  /** Who authenticated (with `groups`). */
  user: string;
  groups: string[];
  /** The user the request acted as, when it impersonated one (kubectl --as), as in Kubernetes' audit events. */
  impersonatedUser?: string;
  /** `rest` (kubectl, scripts), `dashboard` (a session), `graphql`, `webhook`. */
  source: 'rest' | 'dashboard' | 'graphql' | 'webhook';
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  /** The revision the change was written at, when it was. */
  revision?: number;
  sourceIP?: string;
  userAgent?: string;
  /** The HTTP status it was answered with (for GraphQL, that of the mutation's error, else 200). */
  code: number;
  message?: string;
  dryRun: boolean;
  /** The request's id: its `Audit-Id` answer header and the `reqId` of its log line. */
  auditID?: string;
}

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/**
 * Which requests are recorded: every write, allowed or refused, except the steady
 * heartbeat traffic a cluster makes on its own (as Kubernetes' recommended audit policies
 * leave out): Lease renewals and Events, which are records themselves.
 */
export function shouldAudit(r: { verb: string; group: string; resource: string }): boolean {
  if (!WRITE_VERBS.has(r.verb)) return false;
  if (r.group === 'coordination.k8s.io' && r.resource === 'leases') return false;
  if ((r.group === '' || r.group === 'events.k8s.io') && r.resource === 'events') return false;
  return true;
}

/** The Kubernetes verb of a write request by its HTTP method. */
export function writeVerb(method: string, named: boolean): string | undefined {
  switch (method.toUpperCase()) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

/** `success` for 2xx, else `failure`: how an entry reads at a glance. */
export function auditOutcome(code: number): 'success' | 'failure' {
  return code >= 200 && code < 300 ? 'success' : 'failure';
}
