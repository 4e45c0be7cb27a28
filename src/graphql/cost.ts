import { GraphQLError } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';

/** Largest cost of one operation: first: 100 with a dozen nested fields fits, a first: 100 list nested in another never does (100 x 100 x 2). */
export const MAX_QUERY_COST = 20_000;

/**
 * The cost of one field, about the number of values the answer may hold: a leaf costs 1; a field
 * with a selection costs 1 plus its children, times the number of items it may return (its `first`
 * or `last` after variables and schema defaults, else 1: lists without `first` have no bound to
 * count). No factor per level: with batching, depth costs a round trip per level, not per item.
 * armor's cost limit read only literal `first` values in the query text (`first: $n` counted as one
 * item) and multiplied every level by 1.5.
 */
export const fieldCost: ComplexityEstimator = ({ node, args, childComplexity }) => {
  if (node.selectionSet === undefined) return 1;
  const size = [args.first, args.last].find((v): v is number => typeof v === 'number') ?? 1;
  return (1 + childComplexity) * Math.max(1, size);
};

/**
 * Rejects an operation whose cost (fieldCost summed over the operation, fragments included, the
 * costliest type of each abstract selection) is above `maxCost`, before any resolver runs, with
 * `extensions.code` QUERY_TOO_COSTLY and the cost and limit. Runs at execution, where the variables
 * are known. An operation whose variables do not fit its definitions is left to execution, which
 * reports that error itself.
 */
export function useQueryCost(maxCost = MAX_QUERY_COST): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = getComplexity({
          schema: args.schema,
          query: args.document,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          operationName: args.operationName ?? undefined,
          estimators: [fieldCost],
        });
      } catch {
        return;
      }
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Query cost ${Math.round(cost)} is above the limit of ${maxCost}: ask for fewer items (first) or fewer nested lists.`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost: Math.round(cost), maxCost },
            }),
          ],
        });
      }
    },
  };
}
