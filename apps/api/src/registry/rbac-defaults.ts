import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  AUTOUPDATE_ANNOTATION,
  bootstrapClusterRoleBindings,
  bootstrapClusterRoles,
  findResourceType,
  uncoveredRules,
  type ClusterRole,
  type ClusterRoleBinding,
  type KubeObject,
  type ResourceType,
  type Subject,
} from '@skiff/domain';
import { ObjectRegistry } from './object-registry';
import { internalContext } from './request-context';

const CLUSTER_ROLES = findResourceType('rbac.authorization.k8s.io', 'v1', 'clusterroles')!;
const CLUSTER_ROLE_BINDINGS = findResourceType('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings')!;
const ctx = () => internalContext('system:apiserver');

/**
 * kube-apiserver's rbac/bootstrap-roles step, at every start: the built-in ClusterRoles
 * (cluster-admin, admin, edit, view, system:…) and their bindings are created when
 * missing; those still marked `rbac.authorization.kubernetes.io/autoupdate: "true"` get
 * back any default permission or subject they lack (extra ones are kept). An admin who
 * sets the annotation to "false" keeps the role as they made it.
 */
@Injectable()
export class RbacDefaults implements OnApplicationBootstrap {
  private readonly logger = new Logger('rbac');

  constructor(@Inject(ObjectRegistry) private readonly registry: ObjectRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
  }

  async reconcile(): Promise<void> {
    for (const role of bootstrapClusterRoles()) {
      await this.ensure(CLUSTER_ROLES, role, (current) => {
        const missing = uncoveredRules((current as ClusterRole).rules ?? [], role.rules ?? []);
        return missing.length ? { ...current, rules: [...((current as ClusterRole).rules ?? []), ...missing] } : current;
      });
    }
    for (const binding of bootstrapClusterRoleBindings()) {
      await this.ensure(CLUSTER_ROLE_BINDINGS, binding, (current) => {
        const have = (current as ClusterRoleBinding).subjects ?? [];
        const missing = (binding.subjects ?? []).filter((s) => !have.some((h) => sameSubject(h, s)));
        return missing.length ? { ...current, subjects: [...have, ...missing] } : current;
      });
    }
  }

  /** Creates `wanted`, or brings an auto-updated existing one up to it with `complete`. */
  private async ensure(type: ResourceType, wanted: KubeObject, complete: (current: KubeObject) => KubeObject): Promise<void> {
    const name = wanted.metadata.name!;
    try {
      await this.registry.create(type, '', wanted, ctx());
      return;
    } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
    }
    await this.registry
      .update(type, '', name, (current) => {
        if (current.metadata.annotations?.[AUTOUPDATE_ANNOTATION] !== 'true') return current;
        const next = complete(current);
        return { ...next, metadata: { ...next.metadata, resourceVersion: undefined } };
      }, 'main', ctx())
      .catch((e) => this.logger.warn(`${type.resource} ${name}: ${(e as Error).message}`));
  }
}

function sameSubject(a: Subject, b: Subject): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
