import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { KubeObject } from '@skiff/domain';
import type { GqlContext } from '../graphql-context';
import { EndpointsType, EventType, NodeType, PodType, ServiceType } from '../kube-types';
import { RelatedObjects } from './related-objects';

@Resolver(() => PodType)
export class PodRelations {
  constructor(@Inject(RelatedObjects) private readonly related: RelatedObjects) {}

  @ResolveField(() => NodeType, { nullable: true, description: 'The node it is bound to (null while pending).' })
  node(@Parent() pod: KubeObject, @Context() ctx: GqlContext) {
    return this.related.node(ctx, pod);
  }

  @ResolveField(() => [EventType], { nullable: true })
  events(@Parent() pod: KubeObject, @Context() ctx: GqlContext) {
    return this.related.events(ctx, pod);
  }
}

@Resolver(() => NodeType)
export class NodeRelations {
  constructor(@Inject(RelatedObjects) private readonly related: RelatedObjects) {}

  @ResolveField(() => [PodType], { nullable: true, description: 'The pods bound to this node, in every namespace.' })
  pods(@Parent() node: KubeObject, @Context() ctx: GqlContext) {
    return this.related.nodePods(ctx, node);
  }

  @ResolveField(() => [EventType], { nullable: true })
  events(@Parent() node: KubeObject, @Context() ctx: GqlContext) {
    return this.related.events(ctx, node);
  }
}

@Resolver(() => ServiceType)
export class ServiceRelations {
  constructor(@Inject(RelatedObjects) private readonly related: RelatedObjects) {}

  @ResolveField(() => EndpointsType, { nullable: true })
  endpoints(@Parent() svc: KubeObject, @Context() ctx: GqlContext) {
    return this.related.endpointsOf(ctx, svc);
  }

  @ResolveField(() => [PodType], { nullable: true, description: 'The pods its selector matches.' })
  pods(@Parent() svc: KubeObject, @Context() ctx: GqlContext) {
    return this.related.servicePods(ctx, svc);
  }
}

@Resolver(() => EndpointsType)
export class EndpointsRelations {
  constructor(@Inject(RelatedObjects) private readonly related: RelatedObjects) {}

  @ResolveField(() => [PodType], { nullable: true, description: 'The pods its addresses point at.' })
  pods(@Parent() ep: KubeObject, @Context() ctx: GqlContext) {
    return this.related.endpointsPods(ctx, ep);
  }
}
