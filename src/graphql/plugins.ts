import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import type { GraphQLContext, RoundTrips } from './context.js';

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
          setResult(withRoundTrips(result, ctx.roundTrips, args.operationName, logger));
        },
      };
    },
  };
}

/**
 * `result` with the request's round trips and steps in its extensions (after any it has), logged at
 * debug level with the query names. useRoundTripCount and the direct path's prepared operations
 * (src/graphql/prepared.ts) both report through it.
 */
export function withRoundTrips<R extends ExecutionResult>(result: R, roundTrips: RoundTrips, operationName: string | null | undefined, logger?: Logger): R {
  logger?.debug({ operation: operationName ?? null, cypherRoundTrips: roundTrips.count, queries: roundTrips.names }, 'graphql operation');
  const counts = { cypherRoundTrips: roundTrips.count, cypherSteps: roundTrips.steps };
  // Object.assign, not `{ ...result, extensions }`: NO_SPREAD_FIRST in test/unit/source-rules.test.ts.
  return Object.assign({}, result, { extensions: result.extensions === undefined ? counts : Object.assign({}, result.extensions, counts) });
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

/** Largest request body the API reads: a GraphQL document (at most 3000 tokens, armor) and its variables. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

const httpError = (message: string, status: number, code: string): GraphQLError =>
  new GraphQLError(message, { extensions: { http: { status }, code } });
const tooLarge = (limit: number): GraphQLError =>
  httpError(`Request body too large: the limit is ${limit} bytes.`, 413, 'REQUEST_ENTITY_TOO_LARGE');

/**
 * Rejects a request body larger than `limit` bytes (413), in place of yoga's own limit
 * (`maxRequestBodySize: false` in createApp). Yoga's limit pipes every body through a counting
 * TransformStream, and Node's stream pipeline behind it creates an AbortController per request and
 * a DOMException when it finishes: 10-16% of the server's CPU on `{ __typename }`, 3-4% on the
 * benchmark mix. A request with a Content-Length needs no counting: the header is checked (digits
 * only, at most `limit`; else 400 or 413) and Node's HTTP parser hands the body exactly that many
 * bytes. Only a body without one (chunked) is counted as it is read, and the request fails with 413
 * at the first chunk past the limit.
 */
export function useRequestBodyLimit(limit = MAX_REQUEST_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (!/^\d+$/.test(length)) throw httpError('Content-Length header is invalid.', 400, 'BAD_REQUEST');
        if (Number(length) > limit) throw tooLarge(limit);
        return;
      }
      if (requestParser === undefined || request.body === null) return;
      setRequestParser(async (req) => {
        const body = await readAtMost(req, limit);
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body }));
      });
    },
  };
}

/** The whole body of `request`, failing with 413 as soon as more than `limit` bytes have arrived. */
async function readAtMost(request: Request, limit: number): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const reader = (request.body as ReadableStream<Uint8Array<ArrayBuffer>>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
}
