import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { controllerRevisionHistory, deploymentHistory, type ControllerRevision, type KubeObject, type ReplicaSet } from '@skiff/domain';
import type { GqlContext } from '../graphql-context';
import { DaemonSetType, DeploymentType, EventType, PodType, ReplicaSetType, StatefulSetType } from '../kube-types';
import { CONTROLLER_REVISIONS, PODS, REPLICA_SETS, RelatedObjects } from './related-objects';
import { RolloutRevision } from './rollout-revision.type';

@Resolver(() => DeploymentType)
export class DeploymentRelations {
  constructor(@Inject(RelatedObjects) private readonly related: RelatedObjects) {}

  @ResolveField(() => [ReplicaSetType], { nullable: true, description: 'The ReplicaSets this Deployment owns, old and new.' })
  replicaSets(@Parent() d: KubeObject, @Context() ctx: GqlContext) {
    return this.related.owned(ctx, REPLICA_SETS, d);
  }

  @ResolveField(() => [PodType], { nullable: true, description: 'The pods of its ReplicaSets.' })
  pods(@Parent() d: KubeObject, @Context() ctx: GqlContext) {
    return this.related.deploymentPods(ctx, d);
  }

  @ResolveField(() => [EventType], { nullable: true })
  events(@Parent() d: KubeObject, @Context() ctx: GqlContext) {
    return this.related.events(ctx, d);
  }

  @ResolveField(() => [RolloutRevision], { nullable: true, description: 'Its revisions, oldest first, with images and change-cause.' })
  async rolloutHistory(@Parent() d: KubeObject, @Context() ctx: GqlContext) {
    return deploymentHistory((await this.related.owned(ctx, REPLICA_SETS, d)) as ReplicaSet[]);
  }
}

@Resolver(() => ReplicaSetType)
export class ReplicaSetRelations {
  constructor(@Inject(RelatedObjects) private readonly related: RelatedObjects) {}

  @ResolveField(() => [PodType], { nullable: true })
  pods(@Parent() rs: KubeObject, @Context() ctx: GqlContext) {
    return this.related.owned(ctx, PODS, rs);
  }

  @ResolveField(() => [EventType], { nullable: true })
  events(@Parent() rs: KubeObject, @Context() ctx: GqlContext) {
    return this.related.events(ctx, rs);
  }
}

/** StatefulSets and DaemonSets: pods, events, and the revisions their ControllerRevisions hold. */
function revisionedWorkloadRelations(type: () => unknown) {
  @Resolver(type)
  class Relations {
    constructor(@Inject(RelatedObjects) readonly related: RelatedObjects) {}

    @ResolveField(() => [PodType], { nullable: true })
    pods(@Parent() w: KubeObject, @Context() ctx: GqlContext) {
      return this.related.owned(ctx, PODS, w);
    }

    @ResolveField(() => [EventType], { nullable: true })
    events(@Parent() w: KubeObject, @Context() ctx: GqlContext) {
      return this.related.events(ctx, w);
    }

    @ResolveField(() => [RolloutRevision], { nullable: true })
    async rolloutHistory(@Parent() w: KubeObject, @Context() ctx: GqlContext) {
      return controllerRevisionHistory((await this.related.owned(ctx, CONTROLLER_REVISIONS, w)) as ControllerRevision[]);
    }
  }
  return Relations;
}

export const StatefulSetRelations = revisionedWorkloadRelations(() => StatefulSetType);
export const DaemonSetRelations = revisionedWorkloadRelations(() => DaemonSetType);
