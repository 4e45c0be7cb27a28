import type { DocumentNode, GraphQLSchema } from 'graphql';
import { isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Logger } from 'pino';
import type { GraphQLContext } from './context.js';
import type { CostOf } from './cost.js';
import { runCompiled, type JitCache } from './jit.js';
import { withRoundTrips } from './plugins.js';
import { projectionOf } from './projection.js';

/** How many query texts the direct path keeps prepared; past it, the oldest is dropped first. */
export const MAX_PREPARED = 1000;

/** A query text the envelop pipeline has parsed and validated, with its operation compiled. */
export interface Prepared {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly compiled: CompiledQuery;
}

export interface PreparedOptions {
  /** The app's context factory (createContext over its Db). */
  context: () => GraphQLContext;
  jit: JitCache;
  costOf: CostOf;
  maxCost: number;
  logger?: Logger;
}

/**
 * The direct path's second visit of a query text (src/graphql/http.ts). The first request with a
 * given query text and operation name runs the whole envelop pipeline (parse, armor's limits,
 * validation); once that has accepted it, later requests with the same text skip the pipeline's hook
 * chain and run the steps that depend on the request alone, with the app's own pieces:
 * - the query cost of its variables (useQueryCost's memo, `costOf`), over the limit: left to yoga;
 * - a fresh context (`context`) with the light projection of the document (useLightProjection);
 * - the operation graphql-jit compiled (`jit`, the cache useJit executes from);
 * - the round trips in the extensions (useRoundTripCount's withRoundTrips).
 * What parsing and validation decide depends on the query text alone, so it holds for every request
 * with that text. A plugin added to createApp whose hooks run at execution must be added here too;
 * test/integration/api.http.test.ts asks both paths the same requests and requires the same answer.
 *
 * Why: the hook chain (getEnveloped, parse and validation cache lookups, onExecute and
 * onExecuteDone of six plugins, the promise helpers between them) cost about 11 µs per search request
 * in a hot loop (31 against 19 µs), a third of the GraphQL layer's time; under load, with Neo4j on
 * the other core, such costs grow several times (bench/README.md).
 */
export class PreparedOperations {
  private readonly byQuery = new Map<string, Map<string, Prepared>>();

  constructor(private readonly options: PreparedOptions) {}

  get(query: string, operationName: string | null | undefined): Prepared | undefined {
    return this.byQuery.get(query)?.get(operationName ?? '');
  }

  /** Keeps `document` (parsed from `query` and validated against `schema`) for the next requests with this text. */
  remember(query: string, operationName: string | null | undefined, schema: GraphQLSchema, document: DocumentNode): void {
    const compiled = this.options.jit.get(schema, document, operationName);
    if (!isCompiledQuery(compiled)) return;
    let operations = this.byQuery.get(query);
    if (operations === undefined) {
      if (this.byQuery.size >= MAX_PREPARED) this.byQuery.delete(this.byQuery.keys().next().value as string);
      this.byQuery.set(query, (operations = new Map()));
    }
    operations.set(operationName ?? '', { schema, document, operationName, compiled });
  }

  /** The JSON answer, or undefined when yoga must answer (over the cost limit, or any error). */
  async answer(prepared: Prepared, variables: Record<string, unknown> | null | undefined): Promise<string | undefined> {
    const { schema, document, operationName, compiled } = prepared;
    const { context, costOf, maxCost, logger } = this.options;
    let cost: number;
    try {
      cost = costOf(document, schema, variables ?? {}, operationName);
    } catch {
      return undefined;
    }
    if (cost > maxCost) return undefined;
    const contextValue = context();
    Object.assign(contextValue.readParams, projectionOf(schema, document));
    const result = await runCompiled(compiled, contextValue, variables);
    if ((result.errors?.length ?? 0) > 0) return undefined;
    return compiled.stringify(withRoundTrips(result, contextValue.roundTrips, operationName, logger));
  }
}
