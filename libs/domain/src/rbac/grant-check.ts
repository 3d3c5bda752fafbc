import type { KubeObject } from '../meta/types';
import { deepEqual } from '../lifecycle/object-lifecycle';
import { checkBindingEscalation, checkRoleEscalation, type EscalationDecision } from './escalation';
import { RBAC_GROUP, type ClusterRoleBinding, type RbacPolicy, type Role, type RoleBinding, type UserInfo } from './types';

const ROLE_RESOURCES = new Set(['roles', 'clusterroles']);
const BINDING_RESOURCES = new Set(['rolebindings', 'clusterrolebindings']);

/** Whether writes of this resource grant permissions, and so pass the escalation check. */
export function grantsPermissions(group: string, resource: string): boolean {
  return group === RBAC_GROUP && (ROLE_RESOURCES.has(resource) || BINDING_RESOURCES.has(resource));
}

/**
 * The escalation check of a create or update of a Role, ClusterRole, RoleBinding or
 * ClusterRoleBinding (`next`, with `current` on update), as kube-apiserver's RBAC
 * storage runs it: skipped for updates that touch only what garbage collection
 * writes (finalizers, ownerReferences).
 */
export function checkGrant(user: UserInfo, resource: string, next: KubeObject, current: KubeObject | undefined, policy: RbacPolicy): EscalationDecision {
  if (current && onlyGarbageCollectionFieldsChanged(next, current)) return { allowed: true, reason: '' };
  const namespace = next.metadata.namespace ?? '';
  if (ROLE_RESOURCES.has(resource)) {
    const request = { verb: current ? 'update' : 'create', apiGroup: RBAC_GROUP, resource, namespace, name: next.metadata.name };
    return checkRoleEscalation(user, request, next as Role, policy);
  }
  if (BINDING_RESOURCES.has(resource)) {
    return checkBindingEscalation(user, namespace, (next as RoleBinding | ClusterRoleBinding).roleRef, policy);
  }
  return { allowed: true, reason: '' };
}

/** apiserver's IsOnlyMutatingGCFields: equal once finalizers, ownerReferences and bookkeeping are set aside. */
export function onlyGarbageCollectionFieldsChanged(next: KubeObject, current: KubeObject): boolean {
  const strip = (o: KubeObject): KubeObject => {
    const { finalizers: _f, ownerReferences: _o, resourceVersion: _r, managedFields: _m, generation: _g, ...metadata } = o.metadata;
    return { ...o, metadata };
  };
  return deepEqual(strip(next), strip(current));
}
