import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { findResourceType, type ClusterRole, type ClusterRoleBinding, type RbacPolicy, type Role, type RoleBinding } from '@skiff/domain';
import { ObjectCache } from '../store/object-cache';
import type { StoreRuntime } from '../store/store-runtime';

const RBAC = (resource: string) => findResourceType('rbac.authorization.k8s.io', 'v1', resource)!;
const ROLES = RBAC('roles');
const CLUSTER_ROLES = RBAC('clusterroles');
const ROLE_BINDINGS = RBAC('rolebindings');
const CLUSTER_ROLE_BINDINGS = RBAC('clusterrolebindings');

/**
 * The RBAC objects in memory, kept by the watch (kube-apiserver's RBAC authorizer reads
 * informers too), answering the authorizer synchronously. `sync()` catches up with the
 * store: the authorizer does so before it denies, so a binding just written counts.
 */
export class RbacPolicyCache implements RbacPolicy, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly cache: ObjectCache;

  constructor(rt: StoreRuntime) {
    this.cache = new ObjectCache(rt.store, rt.hub, [ROLES, CLUSTER_ROLES, ROLE_BINDINGS, CLUSTER_ROLE_BINDINGS]);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.cache.start();
  }

  onApplicationShutdown(): void {
    this.cache.stop();
  }

  sync(): Promise<void> {
    return this.cache.sync();
  }

  getRole(namespace: string, name: string): Role | undefined {
    return this.cache.peek({ type: ROLES, namespace, name }) as Role | undefined;
  }

  getClusterRole(name: string): ClusterRole | undefined {
    return this.cache.peek({ type: CLUSTER_ROLES, namespace: '', name }) as ClusterRole | undefined;
  }

  listRoleBindings(namespace: string): readonly RoleBinding[] {
    return this.cache.peekList(ROLE_BINDINGS, namespace) as RoleBinding[];
  }

  listClusterRoleBindings(): readonly ClusterRoleBinding[] {
    return this.cache.peekList(CLUSTER_ROLE_BINDINGS) as ClusterRoleBinding[];
  }
}
