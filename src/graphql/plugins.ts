import { getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import type { GraphQLContext } from './context.js';
import { apiError, type ApiErrorCode } from './error-codes.js';

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
      const { roundTrips } = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          logger?.debug({ operation: args.operationName ?? null, cypherRoundTrips: roundTrips.count, queries: roundTrips.names }, 'graphql operation');
          setResult({ ...result, extensions: { ...result.extensions, cypherRoundTrips: roundTrips.count, cypherSteps: roundTrips.steps } });
        },
      };
    },
  };
}

/** What the process's HTTP side is doing: serving, or draining before it stops (src/graphql/serve.ts). */
export interface Lifecycle {
  readonly draining: boolean;
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
 * `GET /readyz`: 200 `{"status":"ready"}` when Neo4j answers a trivial query; 503 `{"status":
 * "unavailable"}` when it does not, and `{"status":"draining"}` once the process is shutting down,
 * so that a load balancer stops routing here.
 */
export function useReadiness(db: Db, lifecycle: Lifecycle, endpoint = '/readyz'): Plugin {
  return useReadinessCheck({
    endpoint,
    check: async ({ fetchAPI }) => {
      if (lifecycle.draining) return fetchAPI.Response.json({ status: 'draining' }, { status: 503 });
      const ready = await db.ping();
      return fetchAPI.Response.json({ status: ready ? 'ready' : 'unavailable' }, { status: ready ? 200 : 503 });
    },
  });
}

/**
 * While the process drains, every answer carries `Connection: close`: a keep-alive client finishes
 * the request it has in flight and then opens its next connection elsewhere, instead of sending
 * it on a socket that is about to close.
 */
export function useCloseWhileDraining(lifecycle: Lifecycle): Plugin {
  return {
    onResponse({ response }) {
      if (lifecycle.draining) response.headers.set('connection', 'close');
    },
  };
}

/**
 * Only query operations run: a mutation or subscription gets a 400 with `OPERATION_NOT_SUPPORTED`
 * before anything runs, whatever the client accepts (a GET mutation stays yoga's 405: yoga checks
 * the method first). The schema has no mutation or subscription type, and graphql-js 16 (unlike
 * 17's KnownOperationTypesRule) finds that out only when it executes, as an error without a code.
 * Checked here rather than as a validation rule: yoga answers validation errors with 200 to clients
 * that accept application/json, as GraphQL over HTTP says for documents that merely fail
 * validation, and this is not that.
 */
export function useOnlyQueries(): Plugin {
  const refuse = ({ args, setResultAndStopExecution }: { args: ExecutionArgs; setResultAndStopExecution: (result: ExecutionResult) => void }): void => {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation === null || operation === undefined || operation.operation === 'query') return;
    setResultAndStopExecution({
      errors: [
        apiError('OPERATION_NOT_SUPPORTED', `This API answers queries only: it has no ${operation.operation} operations. Data changes through the loading commands, not the API.`, {
          nodes: operation,
          status: 400,
        }),
      ],
    });
  };
  return { onExecute: refuse, onSubscribe: refuse };
}

/**
 * Every error a client sees carries `extensions.code`. Yoga's and our own errors have one; some
 * arrive without: yoga's CSRF prevention (FORBIDDEN, with its 403), graphql-armor's limits (aliases, directives, depth) and other validation rules'
 * errors (GRAPHQL_VALIDATION_FAILED), variables that do not fit their declared types
 * (BAD_USER_INPUT: graphql-js reports them before execution, without a path), and an error
 * graphql-js raises during execution itself, such as a null in a non-null field: a bug on our side
 * (INTERNAL_SERVER_ERROR; resolver errors are coded by maskError, src/graphql/errors.ts).
 */
export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result)) return;
      const errors = (result as ExecutionResult).errors;
      if (errors === undefined || errors.every((e) => e.extensions?.code !== undefined)) return;
      setResult({ ...(result as ExecutionResult), errors: errors.map(withCode) });
    },
  };
}

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code !== undefined) return error;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  const code: ApiErrorCode =
    error.path !== undefined
      ? 'INTERNAL_SERVER_ERROR'
      : status === 403
        ? 'FORBIDDEN'
        : /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(error.message)
        ? 'BAD_USER_INPUT'
        : 'GRAPHQL_VALIDATION_FAILED';
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** What an HTTP error yoga answers without a body says, with its code. */
const BARE_ERRORS: Readonly<Record<number, { code: ApiErrorCode; message: string }>> = {
  404: { code: 'NOT_FOUND', message: 'No such endpoint: GraphQL is at /graphql, liveness at /healthz, readiness at /readyz.' },
  406: { code: 'NOT_ACCEPTABLE', message: 'The Accept header allows no answer this API gives: accept application/json or application/graphql-response+json.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send GraphQL requests as application/json.' },
};

/**
 * A 4xx that yoga answers with an empty body (an unknown path, an Accept or a content type it cannot
 * serve) gets a GraphQL-shaped JSON body with a message and `extensions.code`, like every other
 * error, so a client always learns what to change.
 */
export function useCodedHttpErrors(): Plugin {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      const bare = BARE_ERRORS[response.status];
      if (bare === undefined || response.body !== null) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      setResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message: bare.message, extensions: { code: bare.code } }] }), { status: response.status, headers }));
    },
  };
}

const httpError = (message: string, status: number, code: ApiErrorCode): GraphQLError => apiError(code, message, { status });
const tooLarge = (limit: number): GraphQLError =>
  httpError(`Request body too large: the limit is ${limit} bytes.`, 413, 'REQUEST_ENTITY_TOO_LARGE');

/**
 * Rejects a request body larger than `limit` bytes (413), in place of yoga's own limit
 * (`maxRequestBodySize: false` in createApp), with the same codes. Yoga's pipes every body through a
 * counting TransformStream, even one whose Content-Length is known; Node's stream pipeline behind it
 * makes an AbortController per request and a DOMException when it ends, which showed in `npm run
 * bench:ab` on the default configuration (bench/README.md). A request with a Content-Length needs no
 * counting: the header is checked (digits only, at most `limit`; else 400 or 413) and Node's HTTP
 * parser hands the body exactly that many bytes. Only a body without one (chunked) is counted as it
 * is read, and fails with 413 at the first chunk past the limit.
 */
export function useRequestBodyLimit(limit: number): Plugin {
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
