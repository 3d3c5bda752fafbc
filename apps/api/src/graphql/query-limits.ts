import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNullableType, isListType } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** How deep a query may nest (Deployment → replicaSets → pods → node → status → conditions → type is 7). */
export const MAX_DEPTH = 15;
/** The most a query may cost: each field 1, each list field ×LIST_FACTOR what it selects. */
export const MAX_COST = 20_000;
export const LIST_FACTOR = 10;

export const depthRule = depthLimit(MAX_DEPTH);

/** A list is assumed to hold LIST_FACTOR items: what is selected below it costs that many times. */
const listEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  isListType(getNullableType(field.type)) ? 1 + childComplexity * LIST_FACTOR : undefined;

/** Refuses, before running it, an operation estimated to cost more than MAX_COST (400, code QUERY_TOO_COSTLY). */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > MAX_COST) {
            throw new GraphQLError(`query is too costly: estimated cost ${cost} is over the limit of ${MAX_COST} (each list counts ${LIST_FACTOR} items); ask for fewer fields or narrower lists`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: MAX_COST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
