import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { KubeObject } from '@skiff/domain';
import type { GqlContext } from '../graphql-context';
import { RoleGrants } from './role-grants.service';
import { optionalStr, orUndefined } from '../graphql-args';

const NAMESPACE = optionalStr('The namespace of a RoleBinding; left out, the binding is a cluster-wide ClusterRoleBinding.');

/** Role-binding helpers for the dashboard: grant and revoke roles with RBAC and its escalation check as for kubectl. */
@Resolver()
export class RoleBindingsResolver {
  constructor(@Inject(RoleGrants) private readonly grants: RoleGrants) {}

  @Mutation(() => GraphQLJSON, {
    description:
      'As `kubectl create rolebinding` (with a namespace) or `kubectl create clusterrolebinding` (without): binds one user or group to one ClusterRole or Role. Returns the binding.',
  })
  grantRole(
    @Args('user', optionalStr('The user to grant to; give this or group.')) user: string | null,
    @Args('group', optionalStr('The group to grant to; give this or user.')) group: string | null,
    @Args('clusterRole', optionalStr('The ClusterRole to grant, e.g. `view`, `edit`, `admin`; give this or role.')) clusterRole: string | null,
    @Args('role', optionalStr('A Role of the namespace to grant; needs namespace.')) role: string | null,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('bindingName', optionalStr('The binding’s name; `<user or group>-<role>` when left out.')) bindingName: string | null,
    @Context() ctx: GqlContext,
  ): Promise<KubeObject> {
    return this.grants.grant(ctx, {
      name: orUndefined(bindingName),
      user: orUndefined(user),
      group: orUndefined(group),
      clusterRole: orUndefined(clusterRole),
      role: orUndefined(role),
      namespace: orUndefined(namespace),
    });
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl delete rolebinding` (with a namespace) or `clusterrolebinding` (without). Returns the binding as deleted.' })
  revokeRole(@Args('bindingName', { type: () => String, description: 'The binding’s name.' }) bindingName: string, @Args('namespace', NAMESPACE) namespace: string | null, @Context() ctx: GqlContext): Promise<KubeObject> {
    return this.grants.revoke(ctx, bindingName, orUndefined(namespace));
  }
}
