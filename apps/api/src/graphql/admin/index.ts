import { AccountsResolver } from './accounts.resolver';
import { ClusterEndpoint } from './cluster-endpoint';
import { RoleBindingsResolver } from './role-bindings.resolver';
import { RoleGrants } from './role-grants.service';

/** Administration for the dashboard: users, tokens, kubeconfigs and role grants (AccountService, TokenService, ObjectAccess, ObjectRegistry come from elsewhere). */
export const ADMIN_PROVIDERS = [AccountsResolver, RoleBindingsResolver, RoleGrants, ClusterEndpoint];
