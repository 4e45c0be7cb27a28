import { readFileSync } from 'node:fs';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { createYoga, type CORSOptions, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import { useExplorer } from '../explore/assets.js';
import { createContext, type GraphQLContext } from './context.js';
import { MAX_QUERY_COST, useQueryCost } from './cost.js';
import { maskError, yogaLogger } from './errors.js';
import { graphiqlAssets, graphiqlPage, useGraphiQLAssets, type GraphiQLAssets } from './graphiql.js';
import { useHttpCaching } from './http-cache.js';
import { useDocumentLimits } from './limits.js';
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
import { DOCUMENT_ID_PARAM, useTrustedDocuments, type TrustedDocumentsOptions } from './trusted-documents.js';

/** The query GraphiQL opens with: the Vladivostok summit, its place, people and quotes. */
export const DEFAULT_GRAPHIQL_QUERY = readFileSync(new URL('./graphiql-default-query.graphql', import.meta.url), 'utf8');

/** Where GraphQL (and GraphiQL's page) is served. */
export const GRAPHQL_ENDPOINT = '/graphql';

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
  /** Trusted documents (src/graphql/trusted-documents.ts); absent: `allow` with no documents. */
  trustedDocuments?: TrustedDocumentsOptions;
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
  trustedDocuments = { mode: 'allow', documents: new Map() },
}: AppOptions): App {
  // The cache is shared by all clients (session: null): the API is public and has no per-user data.
  // No mutation exists, so entries only expire. A hit answers in onParams, before parsing, so it
  // skips the limits and execution wherever the cache is listed; it is listed after the plugins that
  // add `extensions` (cost, round trips) so that what it keeps, and a hit answers, is the whole
  // result of the miss, byte for byte (the ETag is the body's: src/graphql/http-cache.ts).
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
  // Built on the first visit: most apps (tests, the bench) never serve GraphiQL.
  let assets: GraphiQLAssets | undefined;
  const graphiql = (): GraphiQLAssets => (assets ??= graphiqlAssets());
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: createSchema(),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    context: () => createContext(db, metrics?.observeQuery),
    graphiql: {
      title: 'Summit Graph',
      defaultQuery: graphiqlDefaultQuery ?? DEFAULT_GRAPHIQL_QUERY,
    },
    // Bundled GraphiQL assets, served by the API itself: the page works on a network without
    // internet access. A small page naming versioned, compressed assets (src/graphql/graphiql.ts).
    renderGraphiQL: (options) => graphiqlPage(graphiql(), options ?? {}),
    maskedErrors: { maskError, isDev: false },
    logging: logger ? yogaLogger(logger) : false,
    landingPage: false,
    cors: corsFor(corsOrigins),
    // useRequestBodyLimit instead: the same limit without a stream per request (bench/README.md).
    maxRequestBodySize: false,
    extraParamNames: trustedDocuments.mode === 'off' ? [] : [DOCUMENT_ID_PARAM],
    plugins: [
      // First of the onResponse hooks: the request log and metrics then see its 304s.
      useHttpCaching({ endpoint: GRAPHQL_ENDPOINT, maxAgeSeconds: Math.floor(responseCacheTtlMs / 1000), varyOrigin: corsOrigins.length > 0 }),
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
      ...useTrustedDocuments(trustedDocuments),
      ...useDocumentLimits(),
      useOnlyQueries(),
      useQueryCost(MAX_QUERY_COST),
      useLightProjection(),
      useRoundTripCount(logger),
      ...cache,
      useErrorCodes(),
      useCodedHttpErrors(),
      useGraphiQLAssets(graphiql),
    ],
  });
}
