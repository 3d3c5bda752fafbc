import { Inject } from '@nestjs/common';
import { Args, Context, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RequestAuthorizer } from '../auth/request-authorizer';
import type { GqlContext } from '../graphql/graphql-context';
import { AuditLog } from './audit-log';
import { AUDIT_PATH, auditQuery } from './audit-query';

@ObjectType({ description: 'One change asked for, on any surface, and what became of it.' })
export class AuditEvent {
  @Field(() => Int) id!: number;
  @Field() at!: string;
  @Field() user!: string;
  @Field(() => [String]) groups!: string[];
  @Field({ nullable: true, description: 'The user the request acted as, when it impersonated one (kubectl --as); `user` authenticated.' }) impersonatedUser?: string;
  @Field({ description: 'rest, dashboard, graphql or webhook' }) source!: string;
  @Field() verb!: string;
  @Field() group!: string;
  @Field() resource!: string;
  @Field() subresource!: string;
  @Field() namespace!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true, description: 'The revision written (the object’s resourceVersion after it).' }) revision?: number;
  @Field({ nullable: true }) sourceIP?: string;
  @Field({ nullable: true }) userAgent?: string;
  @Field(() => Int, { description: 'The HTTP status it was answered with.' }) code!: number;
  @Field({ nullable: true }) message?: string;
  @Field() dryRun!: boolean;
  @Field({ nullable: true, description: 'The request’s id (its Audit-Id answer header), to find its log line.' }) auditID?: string;
}

@ObjectType()
export class AuditEventPage {
  @Field(() => [AuditEvent]) items!: AuditEvent[];
  @Field({ nullable: true, description: 'Pass back as `continue` for older entries.' }) continue?: string;
}

const text = { nullable: true, type: () => String };

@Resolver()
export class AuditResolver {
  constructor(
    @Inject(AuditLog) private readonly log: AuditLog,
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  @Query(() => AuditEventPage, { description: 'The audit log, newest first (for those RBAC lets `get` /skiff/v1/audit).' })
  async auditEvents(
    @Context() ctx: GqlContext,
    @Args('user', text) user?: string,
    @Args('verb', text) verb?: string,
    @Args('resource', text) resource?: string,
    @Args('namespace', text) namespace?: string,
    @Args('name', text) name?: string,
    @Args('source', text) source?: string,
    @Args('outcome', text) outcome?: string,
    @Args('since', text) since?: string,
    @Args('until', text) until?: string,
    @Args('limit', { nullable: true, type: () => Int }) limit?: number,
    @Args('continue', text) cont?: string,
  ): Promise<AuditEventPage> {
    await this.authorizer.nonResource(ctx.user, 'get', AUDIT_PATH);
    return this.log.query(auditQuery({ user, verb, resource, namespace, name, source, outcome, since, until, limit, continue: cont }));
  }
}
