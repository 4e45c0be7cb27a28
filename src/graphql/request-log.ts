import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { getOperationAST, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';

/** The header a request id comes in and goes out in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id a client or proxy may choose: short, and nothing a log line or header could trip on. */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The name of the first named operation in a document's text. */
const FIRST_OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** What the process knows of the request it is serving. */
interface RequestState {
  readonly id: string;
  readonly started: number;
  operation: string | undefined;
  /** Whether the GraphQL answer carried errors (undefined: no GraphQL answer, e.g. /healthz). */
  errors: boolean | undefined;
}

/**
 * The request being served, wherever the code is: one AsyncLocalStorage per app, which
 * `useRequestLog` enters for each request and the logger reads (`mixin`, src/log.ts), so every
 * log line written while serving a request carries its `reqId` without passing a logger around.
 * Built in the entry point and given to both the logger and createApp.
 */
export class RequestScope {
  private readonly storage = new AsyncLocalStorage<RequestState>();

  /** For pino's `mixin`: `{ reqId }` inside a request, nothing outside. */
  readonly mixin = (): Record<string, unknown> => {
    const state = this.storage.getStore();
    return state === undefined ? {} : { reqId: state.id };
  };

  /** The id of the request being served, if any. */
  get requestId(): string | undefined {
    return this.storage.getStore()?.id;
  }

  /** @internal useRequestLog's */
  run<T>(state: RequestState, work: () => T): T {
    return this.storage.run(state, work);
  }

  /** @internal useRequestLog's */
  get state(): RequestState | undefined {
    return this.storage.getStore();
  }
}

/** The client's `x-request-id` when it is sane, else a new UUID. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given !== null && SANE_ID.test(given) ? given : randomUUID();
}

/**
 * A request id on every request, and one access log line per request.
 *
 * - The id is the client's (or proxy's) `x-request-id` when it is sane, else a new UUID; the whole
 *   request runs inside `scope` with it (yoga's request instrumentation), so every log line
 *   written meanwhile carries it as `reqId`, and the answer carries it in `x-request-id`.
 * - The access log line, at `info` when the response is sent: method, path, operation name (the
 *   executed operation's, or the request's `operationName`), status, ms, and whether the GraphQL
 *   answer carried errors; `reqId` comes with the scope.
 * - With `metrics`, each GraphQL request is counted by operation and outcome.
 *
 * Listed first in createApp, so that its scope wraps every other plugin and a cache hit or a
 * rejection is logged like any other request.
 */
export function useRequestLog(scope: RequestScope, logger: Logger | undefined, metrics?: Metrics): Plugin {
  const operationOf = (name: string | null | undefined): string => name ?? 'anonymous';
  return {
    instrumentation: {
      request: ({ request }, wrapped) =>
        scope.run({ id: requestIdOf(request), started: performance.now(), operation: undefined, errors: undefined }, wrapped),
    },
    onParams({ params }) {
      const state = scope.state;
      if (state === undefined) return;
      // A response cache hit is answered before parsing: name it from the text (execution, when
      // there is one, names it exactly).
      state.operation = params.operationName ?? (typeof params.query === 'string' ? FIRST_OPERATION_NAME.exec(params.query)?.[1] : undefined);
    },
    onExecute({ args }) {
      const state = scope.state;
      if (state !== undefined) state.operation = args.operationName ?? getOperationAST(args.document, undefined)?.name?.value;
    },
    onResultProcess({ result }) {
      const state = scope.state;
      if (state === undefined || isAsyncIterable(result)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      state.errors = results.some((r) => r.errors !== undefined && r.errors.length > 0);
    },
    onResponse({ request, response }) {
      const state = scope.state;
      if (state === undefined) return;
      response.headers.set(REQUEST_ID_HEADER, state.id);
      const ms = Math.round((performance.now() - state.started) * 10) / 10;
      const graphql = state.errors !== undefined;
      if (graphql) metrics?.observeRequest(operationOf(state.operation), !state.errors && response.status < 400, ms / 1000);
      if (logger === undefined || !logger.isLevelEnabled('info')) return;
      const path = request.url.slice(request.url.indexOf('/', request.url.indexOf('//') + 2)).split('?')[0];
      logger.info(
        {
          method: request.method,
          path,
          operation: graphql ? operationOf(state.operation) : undefined,
          status: response.status,
          ms,
          errors: state.errors,
        },
        'request',
      );
    },
  };
}
