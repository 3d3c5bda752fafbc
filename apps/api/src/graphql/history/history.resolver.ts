import { Inject } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Errors, parsePointInTime, parseRevisionParam, pointFromQuery, resourceTypeNamed, type KubeObject } from '@skiff/domain';
import { HistoryService } from '../../history/history.service';
import { namespaceFor } from '../actions/action-writes';
import type { GqlContext } from '../graphql-context';
import { ObjectDiff, ObjectRevisionList } from './history-types';
import { KIND, NAME, NAMESPACE, optionalStr, orUndefined, str } from '../graphql-args';


/**
 * An object's history over GraphQL (docs/history.md): as it was, its revisions, the diff
 * between two points. HistoryService authorizes each as a `get` of the object.
 */
@Resolver()
export class HistoryResolver {
  constructor(@Inject(HistoryService) private readonly history: HistoryService) {}

  @Query(() => GraphQLJSON, { description: 'The object as it was at a revision or a time (exactly one).' })
  objectAt(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('revision', { type: () => Int, nullable: true, description: 'A cluster revision (resourceVersion).' }) revision: number | null,
    @Args('time', optionalStr('An RFC 3339 time.')) time: string | null,
    @Context() ctx: GqlContext,
  ): Promise<KubeObject> {
    const type = resourceTypeNamed(kind);
    const at = pointFromQuery(revision === null || revision === undefined ? undefined : String(revision), orUndefined(time));
    return this.history.objectAt(ctx.user, type, namespaceFor(type, namespace), name, at);
  }

  @Query(() => ObjectRevisionList, { description: 'The object’s kept changes, oldest first, a page at a time.' })
  objectRevisions(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('limit', { type: () => Int, nullable: true, description: 'Revisions in a page: 500 by default, 1000 at most.' }) limit: number | null,
    @Args('continue', optionalStr('The `continue` of the previous page.')) cont: string | null,
    @Context() ctx: GqlContext,
  ): Promise<ObjectRevisionList> {
    const type = resourceTypeNamed(kind);
    if (limit !== null && limit !== undefined && limit < 0) throw Errors.badRequest(`invalid value for limit: "${limit}": must be a non-negative integer`);
    const page = { limit: orUndefined(limit), continue: cont ? parseRevisionParam(cont, 'continue') : undefined };
    return this.history.revisions(ctx.user, type, namespaceFor(type, namespace), name, page);
  }

  @Query(() => ObjectDiff, { description: 'What changed between two points (each a revision or an RFC 3339 time, in either order); noise left out unless asked for.' })
  objectDiff(
    @Args('kind', KIND) kind: string,
    @Args('namespace', NAMESPACE) namespace: string | null,
    @Args('name', NAME) name: string,
    @Args('from', str('A revision or an RFC 3339 time.')) from: string,
    @Args('to', str('A revision or an RFC 3339 time.')) to: string,
    @Args('noise', { type: () => Boolean, nullable: true, description: 'Keep resourceVersion, generation, managedFields and the last-applied annotation.' }) noise: boolean | null,
    @Context() ctx: GqlContext,
  ): Promise<ObjectDiff> {
    const type = resourceTypeNamed(kind);
    return this.history.diff(ctx.user, type, namespaceFor(type, namespace), name, parsePointInTime(from, 'from'), parsePointInTime(to, 'to'), { noise: Boolean(noise) });
  }
}
