import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import {
  IMAGE_KINDS,
  RESOURCE_TYPES,
  RESTARTABLE_KINDS,
  ROLLBACK_KINDS,
  SCALABLE_KINDS,
  resourceTypeNamed,
  typesOfKinds,
  type KubeObject,
} from '@skiff/domain';
import type { GqlContext } from '../graphql-context';
import { AppliedObject, DeletedObject, DrainResult, RollbackResult } from './action-types';
import { namespaceFor } from './action-writes';
import { ManifestApply } from './manifest-apply.service';
import { NodeActions } from './node-actions.service';
import { ObjectActions } from './object-actions.service';
import { RolloutActions } from './rollout-actions.service';
import { KIND, NAME, NAMESPACE, optionalStr, orUndefined, str } from '../graphql-args';

const SCALABLE = typesOfKinds(...SCALABLE_KINDS);
const IMAGES = typesOfKinds(...IMAGE_KINDS);
const RESTARTABLE = typesOfKinds(...RESTARTABLE_KINDS);
const ROLLBACK = typesOfKinds(...ROLLBACK_KINDS);
const DEPLOYMENTS = typesOfKinds('Deployment');

const optionalBool = (description: string) => ({ type: () => Boolean, nullable: true, description });
const CHANGE_CAUSE = optionalStr('The kubernetes.io/change-cause to record; by default who did what, e.g. `alice via GraphQL: set image web=nginx:1.27`.');

/**
 * Mutations for the everyday actions, each authorized as the kubectl command's own
 * requests are on REST (the same RBAC), each answering with what it wrote. Failures are
 * Kubernetes Status errors (code Forbidden, NotFound, Invalid naming the argument, …).
 */
@Resolver()
export class ActionsResolver {
  constructor(
    @Inject(ManifestApply) private readonly manifests: ManifestApply,
    @Inject(ObjectActions) private readonly objects: ObjectActions,
    @Inject(RolloutActions) private readonly rollouts: RolloutActions,
    @Inject(NodeActions) private readonly nodes: NodeActions,
  ) {}

  @Mutation(() => [AppliedObject], { description: 'As `kubectl apply -f`: creates each object of a YAML or JSON manifest (several documents, or a List) or updates it to the manifest.' })
  apply(
    @Args('manifest', str('YAML or JSON: one or many documents, or a List.')) manifest: string,
    @Args('namespace', optionalStr('The namespace of objects that name none (default `default`); objects naming another one are refused.')) namespace: string | null,
    @Context() ctx: GqlContext,
  ): Promise<AppliedObject[]> {
    return this.manifests.apply(ctx, manifest, orUndefined(namespace));
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl scale`: sets spec.replicas through the scale subresource. Returns the workload.' })
  scale(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('replicas', { type: () => Int }) replicas: number,
    @Context() ctx: GqlContext,
  ): Promise<KubeObject> {
    const type = resourceTypeNamed(kind, SCALABLE);
    return this.objects.scale(ctx, type, namespaceFor(type, namespace), name, replicas);
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl set image`: sets a container’s image (or every container’s with `*`), starting a rollout. Returns the workload.' })
  setImage(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('container', optionalStr('The container (or init container); may be left out when there is one; `*` for all.')) container: string | null,
    @Args('image', str('The image, e.g. `nginx:1.27`.')) image: string,
    @Args('changeCause', CHANGE_CAUSE) changeCause: string | null,
    @Context() ctx: GqlContext,
  ): Promise<KubeObject> {
    const type = resourceTypeNamed(kind, IMAGES);
    return this.rollouts.setImage(ctx, type, namespaceFor(type, namespace), name, orUndefined(container), image, orUndefined(changeCause));
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl rollout restart`: replaces every pod through a rollout. Returns the workload.' })
  restart(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('changeCause', CHANGE_CAUSE) changeCause: string | null,
    @Context() ctx: GqlContext,
  ): Promise<KubeObject> {
    const type = resourceTypeNamed(kind, RESTARTABLE);
    return this.rollouts.restart(ctx, type, namespaceFor(type, namespace), name, orUndefined(changeCause));
  }

  @Mutation(() => RollbackResult, { description: 'As `kubectl rollout undo`: goes back to a revision’s pod template (the previous revision by default).' })
  rollback(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('toRevision', { type: () => Int, nullable: true, description: 'The revision, as `kubectl rollout history` numbers them; the previous one when left out or 0.' }) toRevision: number | null,
    @Args('changeCause', CHANGE_CAUSE) changeCause: string | null,
    @Context() ctx: GqlContext,
  ): Promise<RollbackResult> {
    const type = resourceTypeNamed(kind, ROLLBACK);
    return this.rollouts.rollback(ctx, type, namespaceFor(type, namespace), name, orUndefined(toRevision), orUndefined(changeCause));
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl rollout pause`: changes to the Deployment’s template are not rolled out until resumed.' })
  pause(@Args('kind', KIND) kind: string, @Args('namespace', NAMESPACE) namespace: string | null, @Args('name', NAME) name: string, @Context() ctx: GqlContext): Promise<KubeObject> {
    const type = resourceTypeNamed(kind, DEPLOYMENTS);
    return this.rollouts.setPaused(ctx, type, namespaceFor(type, namespace), name, true);
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl rollout resume`.' })
  resume(@Args('kind', KIND) kind: string, @Args('namespace', NAMESPACE) namespace: string | null, @Args('name', NAME) name: string, @Context() ctx: GqlContext): Promise<KubeObject> {
    const type = resourceTypeNamed(kind, DEPLOYMENTS);
    return this.rollouts.setPaused(ctx, type, namespaceFor(type, namespace), name, false);
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl cordon`: no new pods are scheduled on the node. Returns the node.' })
  cordon(@Args('node', str('The node’s name.')) node: string, @Context() ctx: GqlContext): Promise<KubeObject> {
    return this.nodes.setUnschedulable(ctx, node, true);
  }

  @Mutation(() => GraphQLJSON, { description: 'As `kubectl uncordon`. Returns the node.' })
  uncordon(@Args('node', str('The node’s name.')) node: string, @Context() ctx: GqlContext): Promise<KubeObject> {
    return this.nodes.setUnschedulable(ctx, node, false);
  }

  @Mutation(() => DrainResult, {
    description:
      'As `kubectl drain`: cordons the node and evicts its pods (mirror pods stay; DaemonSet pods need ignoreDaemonSets, pods with emptyDir data deleteEmptyDirData, pods with no controller force). A refused drain leaves the node cordoned, as kubectl does. Does not wait for the pods to stop.',
  })
  drain(
    @Args('node', str('The node’s name.')) node: string,
    @Args('force', optionalBool('Also delete pods that no controller would make again.')) force: boolean | null,
    @Args('ignoreDaemonSets', optionalBool('Leave DaemonSet pods where they are instead of refusing.')) ignoreDaemonSets: boolean | null,
    @Args('deleteEmptyDirData', optionalBool('Also evict pods with emptyDir volumes, whose data is lost.')) deleteEmptyDirData: boolean | null,
    @Args('gracePeriodSeconds', { type: () => Int, nullable: true, description: 'Each pod’s grace period; its own when left out.' }) gracePeriodSeconds: number | null,
    @Context() ctx: GqlContext,
  ): Promise<DrainResult> {
    return this.nodes.drain(ctx, node, { force: !!force, ignoreDaemonSets: !!ignoreDaemonSets, deleteEmptyDirData: !!deleteEmptyDirData }, orUndefined(gracePeriodSeconds));
  }

  @Mutation(() => DeletedObject, { description: 'As `kubectl delete`.' })
  delete(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('propagationPolicy', optionalStr('`Background` (default), `Foreground` or `Orphan`: what happens to the objects it owns.')) propagationPolicy: string | null,
    @Args('gracePeriodSeconds', { type: () => Int, nullable: true, description: 'A pod’s grace period; its own when left out.' }) gracePeriodSeconds: number | null,
    @Context() ctx: GqlContext,
  ): Promise<DeletedObject> {
    const type = resourceTypeNamed(kind, RESOURCE_TYPES);
    return this.objects.delete(ctx, type, namespaceFor(type, namespace), name, orUndefined(propagationPolicy), orUndefined(gracePeriodSeconds));
  }
}
