import type { KubeObject } from '../meta/types';
import { asArr, asObj, asStr } from './format';
import { since } from './human-duration';
import { AGE_COLUMN, column, NAME_COLUMN, TablePrinter, wideColumn } from './types';

/** Go's zero time, which a missing creationTimestamp prints as. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** creationTimestamp in UTC, RFC 3339 to the second (Go's time.RFC3339). */
export function createdAt(timestamp: string | undefined): string {
  const ms = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isNaN(ms) ? ZERO_TIME : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Roles and ClusterRoles have no printer of their own in kube-apiserver: its default
 * table shows the name and the creation time as a date, not an age.
 */
export const ROLE_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Created At', 'date', 'When the object was created, in UTC.')],
  cells: (role) => [role.metadata?.name ?? '', createdAt(role.metadata?.creationTimestamp)],
};

/** The subjects of a binding by kind, as rbac's SubjectsStrings lists them; other kinds are left out. */
export function bindingSubjects(binding: KubeObject): { users: string[]; groups: string[]; serviceAccounts: string[] } {
  const out = { users: [] as string[], groups: [] as string[], serviceAccounts: [] as string[] };
  for (const s of asArr(binding.subjects)) {
    if (s.kind === 'User') out.users.push(asStr(s.name));
    else if (s.kind === 'Group') out.groups.push(asStr(s.name));
    else if (s.kind === 'ServiceAccount') out.serviceAccounts.push(`${asStr(s.namespace)}/${asStr(s.name)}`);
  }
  return out;
}

function bindingPrinter(holder: string): TablePrinter {
  return {
    columns: [
      NAME_COLUMN,
      column('Role', 'string', 'The role the binding grants, as Kind/name.'),
      AGE_COLUMN,
      wideColumn('Users', 'string', `Users in the ${holder}`),
      wideColumn('Groups', 'string', `Groups in the ${holder}`),
      wideColumn('ServiceAccounts', 'string', `ServiceAccounts in the ${holder}`),
    ],
    cells(binding, now) {
      const ref = asObj(binding.roleRef);
      const { users, groups, serviceAccounts } = bindingSubjects(binding);
      return [
        binding.metadata?.name ?? '',
        `${asStr(ref.kind)}/${asStr(ref.name)}`,
        since(binding.metadata?.creationTimestamp, now),
        users.join(', '),
        groups.join(', '),
        serviceAccounts.join(', '),
      ];
    },
  };
}

export const ROLE_BINDING_PRINTER = bindingPrinter('roleBinding');
export const CLUSTER_ROLE_BINDING_PRINTER = bindingPrinter('clusterRoleBinding');
