import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { KubeObject } from '@skiff/domain';

@ObjectType({ description: 'One object of an applied manifest and what applying it did.' })
export class AppliedObject {
  @Field(() => String)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Null for a cluster-scoped kind.' })
  namespace?: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: '`created`, `configured` or `unchanged`, as kubectl apply prints.' })
  action!: 'created' | 'configured' | 'unchanged';

  @Field(() => GraphQLJSON, { description: 'The object as stored after the apply.' })
  object!: KubeObject;
}

@ObjectType({ description: 'A pod, by namespace and name.' })
export class PodReference {
  @Field(() => String)
  namespace!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Why a drain left it: `MirrorPod` or `DaemonSetPod`.' })
  reason?: string;
}

@ObjectType({ description: 'What a drain did: the node (cordoned), the pods evicted and those left alone.' })
export class DrainResult {
  @Field(() => GraphQLJSON, { description: 'The node, cordoned.' })
  node!: KubeObject;

  @Field(() => [PodReference], { description: 'Pods evicted (their controllers make them again elsewhere).' })
  evicted!: PodReference[];

  @Field(() => [PodReference], { description: 'Pods left on the node: mirror pods, and DaemonSet pods when ignoreDaemonSets is set.' })
  skipped!: PodReference[];

  @Field(() => [String], { description: 'kubectl drain’s warnings, e.g. `ignoring DaemonSet-managed Pods: default/agent-x`.' })
  warnings!: string[];
}

@ObjectType({ description: 'What a rollback did.' })
export class RollbackResult {
  @Field(() => Int, { description: 'The revision rolled back to.' })
  revision!: number;

  @Field(() => Boolean, { description: 'False when the template already was that revision’s (nothing was written).' })
  changed!: boolean;

  @Field(() => String, { description: '`rolled back to revision 2`, or why it was skipped.' })
  message!: string;

  @Field(() => GraphQLJSON, { description: 'The workload after the rollback.' })
  object!: KubeObject;
}

@ObjectType({ description: 'What a delete did.' })
export class DeletedObject {
  @Field(() => String)
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace?: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'True when the object is gone; false when it is only marked (finalizers or a pod’s grace period pending).' })
  removed!: boolean;

  @Field(() => GraphQLJSON, { description: 'The object as deleted or marked.' })
  object!: KubeObject;
}
