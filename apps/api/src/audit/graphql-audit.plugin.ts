import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isStatusError, resourceTypeNamed, shouldAudit, type AuditEntry } from '@skiff/domain';
import type { GqlContext } from '../graphql/graphql-context';
import type { AuditLog } from './audit-log';

type Args = Record<string, unknown>;

/** The Kubernetes verb, group, resource and subresource a mutation writes, from its name and arguments. */
function mutationTarget(field: string, args: Args): Pick<AuditEntry, 'verb' | 'group' | 'resource' | 'subresource' | 'namespace' | 'name'> {
  const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : '');
  if (typeof args.node === 'string') return { verb: 'patch', group: '', resource: 'nodes', subresource: '', namespace: '', name: str('node') };
  if (typeof args.kind === 'string') {
    let group = '';
    let resource = str('kind');
    try {
      const t = resourceTypeNamed(str('kind'));
      group = t.group;
      resource = t.resource;
    } catch {
      /* an unknown kind: its mutation failed; record it as asked */
    }
    const verb = field === 'delete' ? 'delete' : 'patch';
    return { verb, group, resource, subresource: field === 'scale' ? 'scale' : '', namespace: str('namespace'), name: str('name') };
  }
  const account = ACCOUNT_MUTATIONS[field];
  if (account) return { verb: account.verb, group: 'skiff.io', resource: account.resource, subresource: account.subresource ?? '', namespace: '', name: str('name') || str('id') || str('user') };
  if (field === 'grantRole' || field === 'revokeRole') {
    const namespace = str('namespace');
    return { verb: field === 'grantRole' ? 'create' : 'delete', group: 'rbac.authorization.k8s.io', resource: namespace ? 'rolebindings' : 'clusterrolebindings', subresource: '', namespace, name: str('bindingName') };
  }
  const verb = /^(delete|revoke)/.test(field) ? 'delete' : /^(set|update)/.test(field) ? 'update' : 'create';
  return { verb, group: '', resource: '', subresource: '', namespace: str('namespace'), name: str('name') || str('id') };
}

/** The accounts API's mutations, named as its REST paths are (`/skiff/v1/users/<name>/password`). */
const ACCOUNT_MUTATIONS: Record<string, { verb: string; resource: string; subresource?: string }> = {
  createUser: { verb: 'create', resource: 'users' },
  deleteUser: { verb: 'delete', resource: 'users' },
  setPassword: { verb: 'update', resource: 'users', subresource: 'password' },
  createToken: { verb: 'create', resource: 'tokens' },
  revokeToken: { verb: 'delete', resource: 'tokens' },
  kubeconfig: { verb: 'create', resource: 'tokens', subresource: 'kubeconfig' },
};

/**
 * Records each GraphQL mutation (the dashboard's and scripts') in the audit log, with the
 * mutation's name, what it wrote and whether it was allowed — one entry per mutation
 * field, however many a request holds.
 */
export function graphqlAuditPlugin(log: AuditLog): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart({ request }) {
      return {
        async executionDidStart() {
          return {
            willResolveField({ info, args, contextValue }) {
              if (info.parentType.name !== 'Mutation' || info.path.prev) return;
              const at = new Date().toISOString();
              return (error, result) => {
                const target = mutationTarget(info.fieldName, args as Args);
                if (target.resource && !shouldAudit(target)) return;
                // Nest's exception filters hand a resolver's error back as its value.
                const failed = error ?? (result instanceof Error ? result : undefined);
                const cause = failed ? unwrapResolverError(failed) : undefined;
                const code = !cause ? 200 : isStatusError(cause) ? cause.code : 500;
                const written = (result as { metadata?: { resourceVersion?: string; name?: string } } | undefined)?.metadata;
                const rv = Number(written?.resourceVersion);
                if (!target.name && written?.name) target.name = written.name;
                const user = contextValue?.impersonator ?? contextValue?.user;
                log.record({
                  at,
                  user: user?.name ?? 'system:anonymous',
                  groups: user?.groups ?? [],
                  ...(contextValue?.impersonator ? { impersonatedUser: contextValue.user.name } : {}),
                  source: contextValue?.viaSession ? 'dashboard' : 'graphql',
                  ...target,
                  ...(Number.isSafeInteger(rv) && rv > 0 ? { revision: rv } : {}),
                  sourceIP: contextValue?.sourceIp,
                  ...(request.http?.headers.get('user-agent') ? { userAgent: request.http.headers.get('user-agent')!.slice(0, 200) } : {}),
                  code,
                  message: `mutation ${info.fieldName}${cause ? `: ${(cause as Error).message}` : ''}`.slice(0, 1000),
                  dryRun: false,
                  // The HTTP request's id (observability/request-logging puts it on this header).
                  auditID: request.http?.headers.get('x-request-id') ?? undefined,
                });
              };
            },
          };
        },
      };
    },
  };
}
