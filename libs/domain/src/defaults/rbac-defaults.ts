import { RBAC_GROUP } from '../rbac/types';
import { isRecord } from '../validation/json-access';

/**
 * RoleBinding and ClusterRoleBinding, as rbac/v1's defaulters fill them: roleRef.apiGroup
 * is the RBAC group, and a User or Group subject without an apiGroup gets it too
 * (ServiceAccounts keep the core group, `''`, which JSON leaves out).
 */
export function defaultBinding(obj: Record<string, unknown>): void {
  // A missing roleRef decodes to an empty struct in Go, so it is defaulted (and then refused for its kind and name).
  const roleRef = isRecord(obj.roleRef) ? obj.roleRef : (obj.roleRef = {});
  if (!roleRef.apiGroup) roleRef.apiGroup = RBAC_GROUP;
  if (!Array.isArray(obj.subjects)) return;
  for (const subject of obj.subjects) {
    if (!isRecord(subject) || subject.apiGroup) continue;
    if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = RBAC_GROUP;
  }
}
