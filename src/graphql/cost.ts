import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
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

/** How many variable sets' costs are kept per document before that document's memo starts afresh. */
const MEMO_PER_DOCUMENT = 64;
/** Variables longer than this (as JSON) are costed every time rather than kept as a memo key. */
const MEMO_MAX_KEY = 2048;

/** The cost of an operation with its variables (fieldCost over the operation); throws when it cannot be costed. */
export type CostOf = (document: DocumentNode, schema: GraphQLSchema, variables: Record<string, unknown>, operationName: string | null | undefined) => number;

/**
 * A memoized cost function: the cost of a (document, operation, variables) is kept. yoga's parser
 * cache hands the same document object to every request with the same query text, so a dashboard
 * repeating its queries pays graphql-query-complexity's walk of the document (a TypeInfo visit,
 * 30-40 µs even for `{ __typename }`, 4% of the server's CPU on the benchmark mix) once per variable
 * set. The memo lives as long as the document does (a WeakMap on it). useQueryCost and the direct
 * path's prepared operations (src/graphql/prepared.ts) share one.
 */
export function memoizedCost(): CostOf {
  const memo = new WeakMap<DocumentNode, Map<string, number>>();
  return (document, schema, variables, operationName) => {
    const json = JSON.stringify(variables);
    const key = json.length <= MEMO_MAX_KEY ? `${operationName ?? ''}\u0000${json}` : undefined;
    let costs = memo.get(document);
    const known = key === undefined ? undefined : costs?.get(key);
    if (known !== undefined) return known;
    const cost = getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [fieldCost] });
    if (key !== undefined) {
      if (costs === undefined) memo.set(document, (costs = new Map()));
      else if (costs.size >= MEMO_PER_DOCUMENT) costs.clear();
      costs.set(key, cost);
    }
    return cost;
  };
}

/**
 * Rejects an operation whose cost (fieldCost summed over the operation, fragments included, the
 * costliest type of each abstract selection) is above `maxCost`, before any resolver runs, with
 * `extensions.code` QUERY_TOO_COSTLY and the cost and limit. Runs at execution, where the variables
 * are known. An operation whose variables do not fit its definitions is left to execution, which
 * reports that error itself.
 */
export function useQueryCost(maxCost = MAX_QUERY_COST, costOf: CostOf = memoizedCost()): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = costOf(args.document, args.schema, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName);
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
