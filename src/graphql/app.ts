import { readFileSync } from 'node:fs';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import { createContext, type GraphQLContext } from './context.js';
import { MAX_QUERY_COST, memoizedCost, useQueryCost } from './cost.js';
import { maskError, yogaLogger } from './errors.js';
import { JitCache, useJit } from './jit.js';
import { useLightProjection } from './projection.js';
import { useLiveness, useReadiness, useRequestBodyLimit, useRoundTripCount } from './plugins.js';
import { PreparedOperations } from './prepared.js';
import { createSchema } from './schema.js';

/** The query GraphiQL opens with: the Vladivostok summit, its place, people and quotes. */
export const DEFAULT_GRAPHIQL_QUERY = readFileSync(new URL('./graphiql-default-query.graphql', import.meta.url), 'utf8');

export interface AppOptions {
  /** The process's Db; each request gets a counting view of it and its own loaders. */
  db: Db;
  /** Where yoga logs; errors it masks are logged here with their stack. Silent when absent. */
  logger?: Logger;
  /** Replaces the query GraphiQL opens with. */
  graphiqlDefaultQuery?: string;
  /**
   * Serve a repeated request (same document, operation and variables) from an in-process cache for
   * this many ms; 0 or absent: no cache. See `responseCacheTtlMs` in src/config.ts.
   */
  responseCacheTtlMs?: number;
}

export type App = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

const withResponseCache = new WeakSet<App>();
const preparedOf = new WeakMap<App, PreparedOperations>();

/** Whether `app` was created with a response cache (appListener leaves such an app's requests to yoga). */
export function hasResponseCache(app: App): boolean {
  return withResponseCache.has(app);
}

/** The direct path's prepared operations of `app` (src/graphql/prepared.ts); none for an app with a response cache. */
export function preparedOperations(app: App): PreparedOperations | undefined {
  return preparedOf.get(app);
}

/**
 * Limits that reject a query before it runs. Generous enough for GraphiQL's introspection and the
 * default query, tight enough that one request cannot ask for an unbounded amount of work: lists
 * are capped by `first`, and depth, aliases and cost cap how many lists a query can nest.
 */
const ARMOR_CONFIG: ConstructorParameters<typeof EnvelopArmor>[0] = {
  maxDepth: { n: 12 },
  maxAliases: { n: 20 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 3000 },
  // The cost limit is useQueryCost (src/graphql/cost.ts): armor's sees only literal `first` values.
  costLimit: { enabled: false },
  // The schema is public (introspection is on), so "did you mean" suggestions reveal nothing.
  blockFieldSuggestion: { enabled: false },
};

/**
 * The HTTP app: GraphQL (and GraphiQL for browsers) at /graphql, liveness at /healthz, readiness at
 * /readyz. It never listens: serve it with `http.createServer(appListener(app))` (src/graphql/http.ts)
 * or call `app.fetch` in tests. Builds the schema once; per request it builds only the context
 * (loaders and the round-trip counter).
 */
export function createApp({ db, logger, graphiqlDefaultQuery, responseCacheTtlMs = 0 }: AppOptions): App {
  const schema = createSchema();
  // Listed first so that a hit skips the armor checks and execution alike. The cache is shared by
  // all clients (session: null): the API is public and has no per-user data. No mutation exists,
  // so entries only expire; a hit reports cypherRoundTrips 0.
  const cache =
    responseCacheTtlMs > 0 ? [useResponseCache({ session: () => null, ttl: responseCacheTtlMs, invalidateViaMutation: false })] : [];
  const context = (): GraphQLContext => createContext(db);
  // Shared with the direct path's prepared operations, which run the execution-time steps of these
  // plugins without their hook chain: a plugin added here with execution hooks goes there too.
  const jit = new JitCache();
  const costOf = memoizedCost();
  const app = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context,
    graphiql: {
      title: 'Summit Graph',
      defaultQuery: graphiqlDefaultQuery ?? DEFAULT_GRAPHIQL_QUERY,
    },
    // Bundled GraphiQL assets: the page works on a network without internet access.
    renderGraphiQL,
    maskedErrors: { maskError, isDev: false },
    logging: logger ? yogaLogger(logger) : false,
    landingPage: false,
    // useRequestBodyLimit instead: the same limit without a stream pipeline per request.
    maxRequestBodySize: false,
    plugins: [useLiveness(), useReadiness(db), useRequestBodyLimit(), useJit(jit), ...cache, ...new EnvelopArmor(ARMOR_CONFIG).protect().plugins, useQueryCost(MAX_QUERY_COST, costOf), useLightProjection(), useRoundTripCount(logger)],
  });
  if (cache.length > 0) withResponseCache.add(app);
  else preparedOf.set(app, new PreparedOperations({ context, jit, costOf, maxCost: MAX_QUERY_COST, logger }));
  return app;
}
