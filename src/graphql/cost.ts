import type { DocumentNode, ExecutionArgs } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { apiError } from './error-codes.js';

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
  // `first` has a default, so a request with `last` carries both: the larger one bounds the list.
  const size = Math.max(...[args.first, args.last].map((v) => (typeof v === 'number' ? v : 1)));
  return (1 + childComplexity) * Math.max(1, size);
};

/** How many variable sets' costs are kept per document before that document's start afresh. */
const COSTS_PER_DOCUMENT = 64;
/** Variables longer than this (as JSON) are costed every time rather than kept as a key. */
const MAX_KEY = 2048;

/**
 * Rejects an operation whose cost (fieldCost summed over the operation, fragments included, the
 * costliest type of each abstract selection) is above `maxCost`, before any resolver runs, with
 * `extensions.code` QUERY_TOO_COSTLY and the cost and limit. Runs at execution, where the variables
 * are known. Every executed result, rejected or not, carries `extensions.cost: { requested, limit }`,
 * so a dashboard sees how close its queries are to the limit. An operation whose variables do not fit its definitions is left to execution, which
 * reports that error itself.
 *
 * The cost of a (document, operation, variables) is kept: yoga's parser cache hands every request
 * with the same query text the same document, and the walk of the document costs about as much as
 * a small query's execution. The costs live as long as their document does.
 */
export function useQueryCost(maxCost = MAX_QUERY_COST): Plugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (args: ExecutionArgs): number => {
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const json = JSON.stringify(variables);
    const key = json.length <= MAX_KEY ? `${args.operationName ?? ''}\u0000${json}` : undefined;
    let known = costs.get(args.document);
    const kept = key === undefined ? undefined : known?.get(key);
    if (kept !== undefined) return kept;
    const cost = getComplexity({ schema: args.schema, query: args.document, variables, operationName: args.operationName ?? undefined, estimators: [fieldCost] });
    if (key !== undefined) {
      if (known === undefined) costs.set(args.document, (known = new Map()));
      else if (known.size >= COSTS_PER_DOCUMENT) known.clear();
      known.set(key, cost);
    }
    return cost;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = costOf(args);
      } catch {
        return undefined;
      }
      const reported = { requested: Math.round(cost), limit: maxCost };
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            apiError('QUERY_TOO_COSTLY', `Query cost ${reported.requested} is above the limit of ${maxCost}: ask for fewer items (first) or fewer nested lists.`, {
              extensions: { cost: reported.requested, maxCost },
            }),
          ],
          extensions: { cost: reported },
        });
        return undefined;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: reported } });
        },
      };
    },
  };
}
