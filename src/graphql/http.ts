import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable } from 'graphql-yoga';
import { hasResponseCache, preparedOperations, type App } from './app.js';
import { MAX_REQUEST_BODY_BYTES } from './plugins.js';

/** How many requests each path answered (tests and the benchmark read it). */
export interface ListenerStats {
  /** Answered by the direct path. */
  direct: number;
  /** Of those, answered from a prepared operation (a query text seen before; src/graphql/prepared.ts). */
  prepared: number;
  /** Answered by yoga: every request the direct path does not take, and every one it gives back. */
  yoga: number;
}

export type AppListener = RequestListener & { readonly stats: ListenerStats };

/**
 * The Node HTTP listener for the app: `http.createServer(appListener(app))`.
 *
 * Yoga turns each Node request into a Fetch API Request and its answer into a Fetch Response, and
 * runs its request hooks (body limit, parameter checks, content negotiation, CORS) through promise
 * helpers. In alternating rounds through HTTP (bench/README.md), the direct path below saved our
 * server 0.2-0.9 ms of CPU per request, about a fifth of all it spent. So the commonest request, a
 * JSON POST to /graphql that runs a query without errors, takes a direct path: the body is read
 * from the Node stream and answered with `res.end`, while the GraphQL work runs through the same
 * envelop pipeline yoga uses (`app.getEnveloped`: parse and validation caches, armor limits,
 * query cost, light projection, round-trip count, graphql-jit, error masking) the first time a
 * query text comes, and from then on through its prepared operation (src/graphql/prepared.ts), the
 * same execution steps without the pipeline's hook chain.
 *
 * Everything else goes to yoga unchanged, so its answer is the API's answer:
 * - any other method, path, content type or `Accept` than plain JSON; a request with an `Origin`
 *   (CORS headers) or without a valid Content-Length within the body limit;
 * - a body that is not a JSON object of `query` (a string) and optional `variables` (an object)
 *   and `operationName` (a string), or a document with a mutation or subscription;
 * - a document that does not parse or validate, and a result with any error or HTTP extension:
 *   these are answered again by yoga from the buffered body (a query has no side effects, and
 *   yoga decides the status code and the shape of errors);
 * - every request when the app has a response cache: the cache needs yoga's request hooks (its
 *   cache key and ETag headers), and a hit is cheap anyway.
 * Tests (test/integration/api.http.test.ts) send the same requests to both paths and require the
 * same status, content type and body.
 */
export function appListener(app: App): AppListener {
  const stats: ListenerStats = { direct: 0, prepared: 0, yoga: 0 };
  const toYoga = (req: IncomingMessage, res: ServerResponse): void => {
    stats.yoga += 1;
    void app(req, res);
  };
  if (hasResponseCache(app)) return Object.assign(toYoga, { stats });

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    if (!directCandidate(req)) return toYoga(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      answerDirectly(app, body, stats).then(
        (json) => {
          if (json === undefined) return replay(app, req, res, body, stats);
          stats.direct += 1;
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
          res.end(json);
        },
        () => replay(app, req, res, body, stats),
      );
    });
  };
  return Object.assign(listener, { stats });
}

/** A POST of a JSON body to the GraphQL endpoint, answered as plain JSON, with a usable length. */
function directCandidate(req: IncomingMessage): boolean {
  const h = req.headers;
  if (req.method !== 'POST' || req.url !== '/graphql' || h.origin !== undefined) return false;
  if (mediaType(h['content-type']) !== 'application/json') return false;
  if (h.accept !== undefined && h.accept !== '*/*' && mediaType(h.accept) !== 'application/json') return false;
  const length = h['content-length'];
  return length !== undefined && /^\d+$/.test(length) && Number(length) <= MAX_REQUEST_BODY_BYTES && h['transfer-encoding'] === undefined;
}

/** `application/json` of `application/json; charset=utf-8`; undefined for a list of types. */
function mediaType(header: string | undefined): string | undefined {
  if (header === 'application/json') return header;
  if (header === undefined || header.includes(',')) return undefined;
  return header.split(';', 1)[0]?.trim().toLowerCase();
}

interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

const PARAM_KEYS = new Set(['query', 'variables', 'operationName']);

function paramsOf(body: Buffer): Params | undefined {
  let p: unknown;
  try {
    p = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return undefined;
  const o = p as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!PARAM_KEYS.has(key)) return undefined;
  if (typeof o.query !== 'string') return undefined;
  if (o.variables != null && (typeof o.variables !== 'object' || Array.isArray(o.variables))) return undefined;
  if (o.operationName != null && typeof o.operationName !== 'string') return undefined;
  return o as unknown as Params;
}

const onlyQueries = (document: DocumentNode): boolean =>
  document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query');

/**
 * The JSON answer to a request, or undefined when yoga must answer it (see appListener). A query
 * text seen before, accepted by the pipeline, is answered from its prepared operation
 * (src/graphql/prepared.ts). Otherwise the envelop pipeline is the one yoga runs for the request:
 * yoga's own context fields are `params` and `request`, and no plugin of the app reads `request`
 * (yoga's mutation-via-GET check skips a context without one); once it has parsed and validated
 * the text, the text is prepared for the next requests.
 */
async function answerDirectly(app: App, body: Buffer, stats: ListenerStats): Promise<string | undefined> {
  const params = paramsOf(body);
  if (params === undefined) return undefined;
  const prepared = preparedOperations(app);
  const known = prepared?.get(params.query, params.operationName);
  if (prepared !== undefined && known !== undefined) {
    const json = await prepared.answer(known, params.variables);
    if (json !== undefined) stats.prepared += 1;
    return json;
  }
  const { parse, validate, contextFactory, execute, schema } = app.getEnveloped({ params });
  const document = parse(params.query);
  if (!onlyQueries(document) || validate(schema, document).length > 0) return undefined;
  prepared?.remember(params.query, params.operationName, schema, document);
  const contextValue = await contextFactory();
  const result = (await execute({
    schema,
    document,
    contextValue,
    variableValues: params.variables ?? undefined,
    operationName: params.operationName ?? undefined,
  })) as ExecutionResult | AsyncIterable<unknown>;
  if (isAsyncIterable(result)) {
    await (result as unknown as AsyncIterator<unknown>).return?.();
    return undefined;
  }
  if ((result.errors?.length ?? 0) > 0 || result.extensions?.http !== undefined) return undefined;
  // As yoga's result processor: graphql-jit attaches its compiled stringify to the result (src/graphql/jit.ts).
  const stringify = (result as { stringify?: (r: unknown) => string }).stringify ?? JSON.stringify;
  return stringify(result);
}

/** Yoga's answer to a request whose body the direct path has read. */
async function replay(app: App, req: IncomingMessage, res: ServerResponse, body: Buffer, stats: ListenerStats): Promise<void> {
  stats.yoga += 1;
  try {
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    const response = await app.fetch(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: 'POST', headers, body }, { req, res });
    const out = Buffer.from(await response.arrayBuffer());
    const responseHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      responseHeaders[key] = value;
    });
    responseHeaders['content-length'] = String(out.length);
    res.writeHead(response.status, response.statusText, responseHeaders);
    res.end(out);
  } catch {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}
