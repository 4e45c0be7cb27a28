import { readFileSync } from 'node:fs';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type CORSOptions, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import { useExplorer } from '../explore/assets.js';
import { createContext, type GraphQLContext } from './context.js';
import { MAX_QUERY_COST, useQueryCost } from './cost.js';
import { maskError, yogaLogger } from './errors.js';
import { useMetrics, type Metrics } from './metrics.js';
import { useLightProjection } from './projection.js';
import { RequestScope, useRequestLog } from './request-log.js';
import {
  useCloseWhileDraining,
  useCodedHttpErrors,
  useErrorCodes,
  useLiveness,
  useOnlyQueries,
  useRequestBodyLimit,
  useReadiness,
  useRoundTripCount,
  type Lifecycle,
} from './plugins.js';
import { createSchema } from './schema.js';

/** The query GraphiQL opens with: the Vladivostok summit, its place, people and quotes. */
export const DEFAULT_GRAPHIQL_QUERY = readFileSync(new URL('./graphiql-default-query.graphql', import.meta.url), 'utf8');

/** Largest request body the API reads: a GraphQL document (at most 3000 tokens, armor) and its variables. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

/** The header a GET query must carry (CSRF prevention): a browser cannot add it to a cross-site link. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

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
  /** Origins whose pages may call the API from a browser (CORS); empty or absent: same-origin only. */
  corsOrigins?: readonly string[];
  /** Whether the process is draining (src/graphql/serve.ts); absent: never. */
  lifecycle?: Lifecycle;
  /**
   * Where the response cache keeps its entries: a Redis shared by the replicas (src/graphql/
   * shared-cache.ts) or, absent, this process's memory.
   */
  responseCacheStore?: Cache;
  /** `/metrics` and what it reports (src/graphql/metrics.ts); absent: no /metrics. */
  metrics?: Metrics;
  /** The request scope the logger's mixin reads (src/graphql/request-log.ts); absent: a new one. */
  requestScope?: RequestScope;
}

export type App = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

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
 * CORS for the listed origins only. Yoga's default answers any origin with that origin and
 * `Access-Control-Allow-Credentials: true`; here an unlisted origin gets no CORS header at all, so
 * its page cannot read an answer, and no origin gets credentials: the API has no cookies or
 * per-user data to send them for.
 */
function corsFor(origins: readonly string[]): (request: Request) => CORSOptions {
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return { origin: [origin], credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'accept', CSRF_HEADER], maxAge: 600 };
  };
}

/**
 * The HTTP app: GraphQL (and GraphiQL for browsers) at /graphql, the graph explorer at /explore
 * (src/explore/), liveness at /healthz, readiness at /readyz. A yoga instance is a Node request
 * listener: serve it with serveApp (src/graphql/serve.ts) or `http.createServer(app)`; tests call
 * `app.fetch` without a port. Every request, in every configuration, takes yoga's one path through
 * these plugins. Builds the schema once; per request
 * it builds only the context (loaders and the round-trip counter).
 */
export function createApp({
  db,
  logger,
  graphiqlDefaultQuery,
  responseCacheTtlMs = 0,
  corsOrigins = [],
  lifecycle = { draining: false },
  responseCacheStore,
  metrics,
  requestScope = new RequestScope(),
}: AppOptions): App {
  // Listed first so that a hit skips the armor checks and execution alike. The cache is shared by
  // all clients (session: null): the API is public and has no per-user data. No mutation exists,
  // so entries only expire; a hit reports cypherRoundTrips 0.
  const store = responseCacheStore ?? createInMemoryCache();
  const cache =
    responseCacheTtlMs > 0
      ? [
          useResponseCache({
            session: () => null,
            ttl: responseCacheTtlMs,
            invalidateViaMutation: false,
            cache: metrics ? metrics.countingCache(store) : store,
            // The default also writes a plain line to the console for each answer with errors.
            shouldCacheResult: ({ result }) => result.errors === undefined || result.errors.length === 0,
          }),
        ]
      : [];
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: createSchema(),
    graphqlEndpoint: '/graphql',
    context: () => createContext(db, metrics?.observeQuery),
    graphiql: {
      title: 'Summit Graph',
      defaultQuery: graphiqlDefaultQuery ?? DEFAULT_GRAPHIQL_QUERY,
    },
    // Bundled GraphiQL assets: the page works on a network without internet access.
    renderGraphiQL,
    maskedErrors: { maskError, isDev: false },
    logging: logger ? yogaLogger(logger) : false,
    landingPage: false,
    cors: corsFor(corsOrigins),
    // useRequestBodyLimit instead: the same limit without a stream per request (bench/README.md).
    maxRequestBodySize: false,
    plugins: [
      useRequestLog(requestScope, logger, metrics),
      ...(metrics ? [useMetrics(metrics)] : []),
      useLiveness(),
      // The explorer's page and files (src/explore/): static, so before the body limit and CSRF.
      useExplorer(),
      useRequestBodyLimit(MAX_REQUEST_BODY_BYTES),
      useReadiness(db, lifecycle),
      useCloseWhileDraining(lifecycle),
      // A form or text/plain POST (which a browser sends cross-site without a preflight) or a GET
      // query must carry CSRF_HEADER; a JSON POST needs nothing (its preflight is CORS's business).
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...cache,
      ...new EnvelopArmor(ARMOR_CONFIG).protect().plugins,
      useOnlyQueries(),
      useQueryCost(MAX_QUERY_COST),
      useLightProjection(),
      useRoundTripCount(logger),
      useErrorCodes(),
      useCodedHttpErrors(),
    ],
  });
}
