import type { ClusterRoleBinding, KubeObject, RoleBinding } from '@skiff/domain';
import { subjectsColumn } from '@skiff/domain/rbac/role-grant';

export interface BindingRow {
  id: string;
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  /** Empty for a ClusterRoleBinding. */
  namespace: string;
  name: string;
  /** `ClusterRole/view` */
  role: string;
  /** `User/alice,Group/ops` */
  subjects: string;
  createdAt: Date | null;
}

/** RoleBindings and ClusterRoleBindings as one table's rows, cluster-wide ones first, then by namespace and name. */
export function bindingRows(roleBindings: KubeObject[], clusterRoleBindings: KubeObject[]): BindingRow[] {
  const row = (o: KubeObject, kind: BindingRow['kind']): BindingRow => {
    const b = o as RoleBinding | ClusterRoleBinding;
    const namespace = kind === 'RoleBinding' ? (b.metadata.namespace ?? '') : '';
    return {
      id: `${kind}/${namespace}/${b.metadata.name}`,
      kind,
      namespace,
      name: b.metadata.name!,
      role: `${b.roleRef?.kind}/${b.roleRef?.name}`,
      subjects: subjectsColumn(b.subjects),
      createdAt: b.metadata.creationTimestamp ? new Date(b.metadata.creationTimestamp) : null,
    };
  };
  const rows = [...clusterRoleBindings.map((o) => row(o, 'ClusterRoleBinding')), ...roleBindings.map((o) => row(o, 'RoleBinding'))];
  return rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
