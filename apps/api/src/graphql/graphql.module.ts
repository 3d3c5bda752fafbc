import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Module, type MiddlewareConsumer, type NestModule, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { json, type NextFunction, type Request, type Response } from 'express';
import { Errors, StatusError } from '@skiff/domain';
import { GraphQLModule } from '@nestjs/graphql';
import { TokenService } from '../auth/token.service';
import { SessionService } from '../accounts/session-service';
import { AuditLog } from '../audit/audit-log';
import { graphqlAuditPlugin } from '../audit/graphql-audit.plugin';
import { StoreRuntime } from '../store/store-runtime';
import { ACTION_PROVIDERS } from './actions';
import { ADMIN_PROVIDERS } from './admin';
import { GraphqlAuthentication } from './graphql-authentication';
import { HISTORY_PROVIDERS } from './history';
import { KIND_RESOLVERS } from './kind-resolvers';
import { ObjectAccess } from './object-access';
import { costLimitPlugin, depthRule } from './query-limits';
import { RELATION_PROVIDERS } from './relations';
import { formatError } from './status-errors';
import { refuseOtherUpgrades } from './other-upgrades';
import { refuseSubscriptionsOverHttp } from './subscriptions-over-http';

/**
 * GraphQL at /graphql (code-first): a typed query and subscription per served kind,
 * relations one call can follow, mutations for everyday actions. Requests authenticate
 * as REST does (bearer token or session cookie, by the same middleware); subscriptions
 * over graphql-ws authenticate when they connect. Every read and write is authorized
 * by the one RequestAuthorizer.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [StoreRuntime, TokenService, SessionService, AuditLog],
      useFactory: (rt: StoreRuntime, tokens: TokenService, sessions: SessionService, audit: AuditLog): ApolloDriverConfig => {
        const auth = new GraphqlAuthentication(rt, tokens, sessions);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          introspection: true,
          validationRules: [depthRule],
          plugins: [refuseSubscriptionsOverHttp(), costLimitPlugin(), graphqlAuditPlugin(audit)],
          formatError,
          context: (arg: unknown) => auth.context(arg),
          subscriptions: { 'graphql-ws': { path: '/graphql', onConnect: (ctx) => auth.onConnect(ctx) } },
        };
      },
    }),
  ],
  providers: [ObjectAccess, ...KIND_RESOLVERS, ...RELATION_PROVIDERS, ...ACTION_PROVIDERS, ...ADMIN_PROVIDERS, ...HISTORY_PROVIDERS],
})
export class GraphqlModule implements NestModule, OnApplicationBootstrap {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    refuseOtherUpgrades(this.adapterHost.httpAdapter.getHttpServer(), '/graphql');
  }

  /** The app reads its own bodies (bodyParser: false); Apollo needs JSON parsed. */
  configure(consumer: MiddlewareConsumer): void {
    const parse = json({ limit: '3mb' });
    consumer.apply((req: Request, res: Response, next: NextFunction) => parse(req, res, (err?: unknown) => next(err === undefined ? undefined : bodyError(err)))).forRoutes('graphql');
  }
}

/** The JSON parser's failures (http-errors: broken JSON, too large, an unknown charset) as the Status every other 4xx is. */
function bodyError(e: unknown): unknown {
  const { status, message } = e as { status?: unknown; message?: string };
  if (status === 413) return Errors.requestEntityTooLarge();
  if (status === 415) return new StatusError(415, 'UnsupportedMediaType', `the GraphQL request body cannot be read: ${message}`);
  if (status === 400) return Errors.badRequest(`the GraphQL request body cannot be read: ${message}`);
  return e;
}
