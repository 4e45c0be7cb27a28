import { isAsyncIterable, useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import type { GraphQLContext } from './context.js';

/**
 * Adds `extensions.cypherRoundTrips` (the number of Cypher queries the request ran) and
 * `extensions.cypherSteps` (how many of them had to wait for another: see RoundTrips.steps) to every
 * executed result. Tests and the benchmark read it to prove that batching works: it must depend on
 * the query's shape, never on how many items a list holds. With a logger, each operation's query
 * names are logged at debug level, to see which field costs a round trip.
 */
export function useRoundTripCount(logger?: Logger): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Partial<GraphQLContext>;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || ctx.roundTrips === undefined) return;
          logger?.debug(
            { operation: args.operationName ?? null, cypherRoundTrips: ctx.roundTrips.count, queries: ctx.roundTrips.names },
            'graphql operation',
          );
          setResult({
            ...result,
            extensions: { ...(result.extensions ?? {}), cypherRoundTrips: ctx.roundTrips.count, cypherSteps: ctx.roundTrips.steps },
          });
        },
      };
    },
  };
}

/** `GET /healthz`: 200 `{"status":"ok"}` whenever the process serves HTTP; it never touches Neo4j. */
export function useLiveness(endpoint = '/healthz'): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === endpoint) {
        endResponse(fetchAPI.Response.json({ status: 'ok' }, { status: 200 }));
      }
    },
  };
}

/**
 * `GET /readyz`: 200 `{"status":"ready"}` when Neo4j answers a trivial query, else 503
 * `{"status":"unavailable"}`, so a load balancer stops routing here while the database is away.
 */
export function useReadiness(db: Db, endpoint = '/readyz'): Plugin {
  return useReadinessCheck({
    endpoint,
    check: async ({ fetchAPI }) => {
      const ready = await db.ping();
      return fetchAPI.Response.json(
        { status: ready ? 'ready' : 'unavailable' },
        { status: ready ? 200 : 503 },
      );
    },
  });
}
