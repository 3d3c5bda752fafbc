import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql. Posted over
 * plain HTTP, Apollo would run one as a query and fail inside it ("Cannot return null",
 * code INTERNAL_SERVER_ERROR): refuse it before it runs, as the client's mistake.
 */
export function refuseSubscriptionsOverHttp(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('subscriptions are served over WebSocket (subprotocol graphql-transport-ws) at /graphql, not over HTTP', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
