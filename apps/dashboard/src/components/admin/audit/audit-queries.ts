/** The audit log over GraphQL (`auditEvents`, newest first, for those RBAC lets get /skiff/v1/audit). */
export interface AuditEvent {
  id: number;
  at: string;
  user: string;
  /** The user acted as, when `user` impersonated one (kubectl --as). */
  impersonatedUser?: string | null;
  source: string;
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  revision?: number | null;
  sourceIP?: string | null;
  code: number;
  message?: string | null;
  dryRun: boolean;
}

export interface AuditPage {
  items: AuditEvent[];
  continue?: string | null;
}

export const AUDIT_EVENTS = `query AuditEvents($user: String, $verb: String, $resource: String, $namespace: String, $source: String, $outcome: String, $since: String, $continue: String) {
  auditEvents(user: $user, verb: $verb, resource: $resource, namespace: $namespace, source: $source, outcome: $outcome, since: $since, continue: $continue) {
    items { id at user impersonatedUser source verb group resource subresource namespace name revision sourceIP code message dryRun }
    continue
  }
}`;

/** The filters, as URL query parameters and as the query's arguments. */
export const AUDIT_FILTERS = ['user', 'verb', 'resource', 'namespace', 'source', 'outcome', 'since'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Partial<Record<AuditFilter, string>>;

export const AUDIT_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];
export const AUDIT_SOURCES = ['rest', 'dashboard', 'graphql', 'webhook'];
export const AUDIT_OUTCOMES = ['success', 'failure'];
