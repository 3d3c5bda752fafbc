import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RolloutImage', { description: 'A container and its image in one revision.' })
export class ContainerImage {
  @Field(() => String)
  container!: string;

  @Field(() => String)
  image!: string;
}

@ObjectType({ description: 'One revision of a rollout, as `kubectl rollout history` lists it.' })
export class RolloutRevision {
  @Field(() => Int)
  revision!: number;

  @Field(() => [ContainerImage])
  images!: ContainerImage[];

  @Field(() => String, { nullable: true, description: 'The kubernetes.io/change-cause annotation: who or what made the revision.' })
  changeCause?: string;

  @Field(() => String, { nullable: true })
  createdAt?: string;

  @Field(() => String, { description: 'The ReplicaSet or ControllerRevision holding the revision.' })
  source!: string;
}
