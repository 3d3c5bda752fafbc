import { kindByName, type DashboardKind } from '@/lib/kinds';

export const ROLE_BINDINGS = kindByName('RoleBinding') as DashboardKind;
export const CLUSTER_ROLE_BINDINGS = kindByName('ClusterRoleBinding') as DashboardKind;
export const DEPLOY_HOOKS = kindByName('DeployHook') as DashboardKind;

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
