/**
 * What an operator sees (#25 item 6): /metrics in Prometheus's format, a request id on every log
 * line of a request and in its answer, one access line per request, nothing but JSON on the
 * server's stderr, and a restart that does not load an unchanged seed again.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { Metrics } from '../../src/graphql/metrics.js';
import { RequestScope } from '../../src/graphql/request-log.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { sample } from '../support/prometheus.js';
import { startServer, type ServerProcess } from '../support/server.js';

const SUMMITS = 'query Summits { summits(first: 5) { edges { node { id name participants { name } } } } }';
/** 100 summits x 100 quotes each: far above the cost limit. */
const COSTLY = '{ summits(first: 100) { edges { node { quotes(first: 100) { edges { node { id text } } } } } } }';

let t: TestDb;
beforeAll(async () => {
  t = await openSeededTestDb();
});
afterAll(async () => t?.close());

/** A logger writing JSON lines into `lines`, with the request scope's mixin as start.ts builds it. */
function capturingLogger(scope: RequestScope, level = 'debug'): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level, mixin: scope.mixin }, sink), lines };
}

const post = async (app: App, query: string, headers: Record<string, string> = {}): Promise<Response> =>
  app.fetch('http://api.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('/metrics', () => {
  it('reports requests by operation and outcome, latency, Neo4j queries, batch sizes and cache hits', async () => {
    const metrics = new Metrics();
    const app = createApp({ db: t.db, metrics, responseCacheTtlMs: 60_000 });
    for (let i = 0; i < 3; i++) expect((await post(app, SUMMITS)).status).toBe(200);
    await post(app, COSTLY);
    const res = await app.fetch('http://api.test/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    // The plugin's: executed operations and their duration by name (the two cache hits executed nothing).
    expect(sample(text, 'graphql_envelop_request_duration_count', { operationName: 'Summits' })).toBe(1);
    // Ours: every request by operation and outcome with its time, Neo4j time and count by query,
    // batch sizes, cache hits and misses.
    expect(sample(text, 'summit_graph_request_duration_seconds_count', { operation: 'Summits', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'summit_graph_request_duration_seconds_bucket', { operation: 'Summits', outcome: 'ok', le: '+Inf' })).toBe(3);
    expect(sample(text, 'summit_graph_request_duration_seconds_count', { operation: 'anonymous', outcome: 'error' })).toBe(1);
    expect(sample(text, 'summit_graph_neo4j_query_duration_seconds_count', { query: 'summits.list' })).toBe(1);
    expect(sample(text, 'summit_graph_neo4j_query_duration_seconds_sum', { query: 'summits.list' })).toBeGreaterThan(0);
    expect(sample(text, 'summit_graph_response_cache_hits_total')).toBe(2);
    expect(sample(text, 'summit_graph_process_cpu_seconds_total')).toBeGreaterThan(0);

    // A batched query reports how many keys it carried.
    await post(app, '{ a: node(id: "person:kim-jong-un") { ... on Person { mentions(first: 1) { totalCount } } } b: node(id: "person:vladimir-putin") { ... on Person { mentions(first: 1) { totalCount } } } }');
    const after = await (await app.fetch('http://api.test/metrics')).text();
    expect(sample(after, 'summit_graph_dataloader_batch_size_sum', { query: 'entities.mentions' })).toBe(2);
  });

  it('is absent without metrics: a 404 like any unknown path', async () => {
    const res = await createApp({ db: t.db }).fetch('http://api.test/metrics');
    expect(res.status).toBe(404);
  });
});

describe('request ids and the access log', () => {
  it("keeps a sane x-request-id, puts it on every log line of the request and in the answer", async () => {
    const scope = new RequestScope();
    const { logger, lines } = capturingLogger(scope);
    const app = createApp({ db: t.db, logger, requestScope: scope });
    const res = await post(app, SUMMITS, { 'x-request-id': 'dash-7f3a.42' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('dash-7f3a.42');
    // yoga's debug lines, the operation's (its Cypher queries) and the access line: all with the id.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.reqId !== 'dash-7f3a.42')).toEqual([]);
    expect(lines.map((l) => l.msg)).toContain('graphql operation');
    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 30, method: 'POST', path: '/graphql', operation: 'Summits', status: 200, errors: false });
    expect(typeof access[0]!.ms).toBe('number');
  });

  it('makes up an id when there is none or it is not sane, different for each request', async () => {
    const scope = new RequestScope();
    const { logger, lines } = capturingLogger(scope, 'info');
    const app = createApp({ db: t.db, logger, requestScope: scope });
    const ids: (string | null)[] = [];
    const given: Record<string, string>[] = [{}, { 'x-request-id': 'has spaces and "quotes"' }, { 'x-request-id': 'x'.repeat(500) }, {}];
    for (const headers of given) {
      ids.push((await post(app, '{ __typename }', headers)).headers.get('x-request-id'));
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(4);
    expect(lines.map((l) => l.reqId)).toEqual(ids);
  });

  it('logs every request once, cache hits, rejections, health checks and unknown paths included', async () => {
    const scope = new RequestScope();
    const { logger, lines } = capturingLogger(scope, 'info');
    const app = createApp({ db: t.db, logger, requestScope: scope, responseCacheTtlMs: 60_000, metrics: new Metrics() });
    await post(app, SUMMITS);
    await post(app, SUMMITS);
    await post(app, COSTLY);
    await app.fetch('http://api.test/healthz');
    await app.fetch('http://api.test/nowhere?x=1');
    await app.fetch(`http://api.test/graphql?query=${encodeURIComponent('query Q { __typename }')}`, { headers: { 'x-graphql-yoga-csrf': '1' } });
    const access = lines.filter((l) => l.msg === 'request').map(({ method, path, operation, status, errors }) => ({ method, path, operation, status, errors }));
    expect(access).toEqual([
      { method: 'POST', path: '/graphql', operation: 'Summits', status: 200, errors: false },
      { method: 'POST', path: '/graphql', operation: 'Summits', status: 200, errors: false },
      { method: 'POST', path: '/graphql', operation: 'anonymous', status: 200, errors: true },
      { method: 'GET', path: '/healthz', operation: undefined, status: 200, errors: undefined },
      { method: 'GET', path: '/nowhere', operation: undefined, status: 404, errors: undefined },
      { method: 'GET', path: '/graphql', operation: 'Q', status: 200, errors: false },
    ]);
  });
});

describe('npm start (src/bin/start.ts)', () => {
  let running: ServerProcess | undefined;
  afterAll(async () => {
    await running?.stop();
  });

  /** Starts the server, runs `work` against it, stops it; returns its stderr lines. */
  async function serve(work: (url: string) => Promise<void>): Promise<string[]> {
    running = await startServer();
    await work(running.url);
    expect(await running.stop()).toBe(0);
    return running.stderr().split('\n').filter((l) => l !== '');
  }

  it('writes nothing but JSON on stderr, a rejected costly query included, and loads an unchanged seed only once', async () => {
    const ask = (url: string, query: string, id: string) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ query }) });
    const first = await serve(async (url) => {
      expect((await ask(url, SUMMITS, 'first-1')).status).toBe(200);
      const costly = await ask(url, COSTLY, 'costly-1');
      expect(((await costly.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('QUERY_TOO_COSTLY');
      const metrics = await fetch(`${url}/metrics`);
      expect(sample(await metrics.text(), 'summit_graph_request_duration_seconds_count', { operation: 'Summits', outcome: 'ok' })).toBe(1);
    });
    const parsed = first.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a line on stderr is not JSON: ${line}`);
      }
    });
    expect(parsed.some((l) => l.msg === 'seed loaded')).toBe(true);
    // The response cache is listed after the cost limit (src/graphql/app.ts), so a rejected query no
    // longer reaches it: no "[useResponseCache] ... not called" console warning at all.
    const costly = parsed.filter((l) => l.reqId === 'costly-1');
    expect(parsed.some((l) => String(l.msg).includes('[useResponseCache]'))).toBe(false);
    expect(costly.filter((l) => l.msg === 'request')).toHaveLength(1);

    const second = (await serve(async (url) => expect((await ask(url, SUMMITS, 'second-1')).status).toBe(200))).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(second.some((l) => l.msg === 'seed loaded')).toBe(false);
    expect(second.some((l) => String(l.msg).startsWith('seed unchanged'))).toBe(true);
  });
});
