import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, getNullableType, isListType, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** How deep a query may nest (Deployment → replicaSets → pods → node → status → conditions → type is 7). */
export const MAX_DEPTH = 15;
/** The most a query may cost: each field 1, each list field ×LIST_FACTOR what it selects. */
export const MAX_COST = 20_000;
export const LIST_FACTOR = 10;

/**
 * How deep selections may nest counting everything (fields, `__` fields, inline fragments,
 * fragment spreads): what the cost estimator and execution recurse through.
 */
export const MAX_NESTING = 4 * MAX_DEPTH;

/**
 * Refuses an operation whose fields nest deeper than MAX_DEPTH (what is below an introspection
 * `__` field aside), or whose selections nest deeper than MAX_NESTING in all. Fragments are followed,
 * each weighed once per place, so a cycle or a fan-out of fragments costs nothing
 * (graphql's own rules report cycles and unknown names; the graphql-depth-limit package
 * recursed forever on a cycle and threw on an unknown name).
 */
export function depthRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  for (const op of context.getDocument().definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const weighed = new Set<string>();
    // Whether `set` reaches past a limit; its fields have `depth` counted fields above them, and it is `nesting` sets deep.
    const tooDeep = (set: SelectionSetNode, depth: number, nesting: number): boolean =>
      nesting > MAX_NESTING ||
      set.selections.some((s) => {
        if (s.kind === Kind.FIELD) {
          if (!s.selectionSet) return false;
          // Introspection (`__schema { types { fields … } }`) counts toward the nesting only: at -∞ its fields never reach MAX_DEPTH.
          if (s.name.value.startsWith('__')) return tooDeep(s.selectionSet, -Infinity, nesting + 1);
          return depth + 1 > MAX_DEPTH || tooDeep(s.selectionSet, depth + 1, nesting + 1);
        }
        if (s.kind === Kind.INLINE_FRAGMENT) return tooDeep(s.selectionSet, depth, nesting + 1);
        const fragment = fragments.get(s.name.value);
        const key = `${s.name.value}@${depth}/${nesting}`;
        if (!fragment || weighed.has(key)) return false;
        weighed.add(key);
        return tooDeep(fragment.selectionSet, depth, nesting + 1);
      });
    if (tooDeep(op.selectionSet, 0, 0)) context.reportError(new GraphQLError(`'${op.name?.value ?? ''}' exceeds maximum operation depth of ${MAX_DEPTH}`, { nodes: [op] }));
  }
  return {};
}

/** A list is assumed to hold LIST_FACTOR items: what is selected below it costs that many times. */
const listEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  isListType(getNullableType(field.type)) ? 1 + childComplexity * LIST_FACTOR : undefined;

/** Refuses, before running it, an operation estimated to cost more than MAX_COST (400, code QUERY_TOO_COSTLY). */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // No operation by that name: Apollo says so; the estimator would throw on an anonymous one.
          if (!operation) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // Variables that do not fit their types (weighed here before Apollo checks them), or a query too large to weigh: the client's error, not a 500.
            if (e instanceof GraphQLError) throw new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw e;
          }
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
