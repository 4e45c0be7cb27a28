/**
 * The Node listener (appListener, src/graphql/http.ts) over real HTTP: its direct path answers the
 * plain JSON POSTs it takes exactly as yoga does, and every other request reaches yoga. Each request
 * goes to two servers over the same app, one with yoga's own listener and one with appListener, and
 * the answers must agree in status, headers (but Date) and body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { appListener, type AppListener } from '../../src/graphql/http.js';
import { MAX_REQUEST_BODY_BYTES } from '../../src/graphql/plugins.js';
import { serve, type Served } from '../support/http.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';

let t: TestDb;
let app: App;
let listener: AppListener;
const servers: Served[] = [];
let yogaUrl: string;
let ourUrl: string;

/** Serves `handler` until the file's tests end; returns its base URL. */
async function served(handler: Parameters<typeof serve>[0]): Promise<string> {
  const s = await serve(handler);
  servers.push(s);
  return s.url;
}

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
  listener = appListener(app);
  yogaUrl = await served(app);
  ourUrl = await served(listener);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await t?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function ask(base: string, path: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(base + path, init);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    if (key !== 'date') headers[key] = value;
  });
  return { status: res.status, headers, body: await res.text() };
}

/**
 * Sends the request to both servers; returns our answer after checking it is yoga's, which path took
 * it, and whether the direct path answered it from a prepared operation.
 */
async function both(path: string, init: RequestInit): Promise<{ answer: Answer; path: 'direct' | 'yoga'; prepared: boolean }> {
  const expected = await ask(yogaUrl, path, init);
  const before = { ...listener.stats };
  const answer = await ask(ourUrl, path, init);
  expect(answer).toEqual(expected);
  const direct = listener.stats.direct - before.direct;
  const viaYoga = listener.stats.yoga - before.yoga;
  const prepared = listener.stats.prepared - before.prepared;
  expect(direct + viaYoga).toBe(1);
  expect(prepared).toBeLessThanOrEqual(direct);
  return { answer, path: direct === 1 ? 'direct' : 'yoga', prepared: prepared === 1 };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (body: unknown, headers: Record<string, string> = JSON_TYPE): RequestInit => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('the direct path', () => {
  it.each([
    ['a query', { query: '{ summits(first: 2) { totalCount edges { node { id name date participants { id name } } } } }' }],
    [
      'variables and an operation name',
      {
        query: 'query A($id: ID!) { node(id: $id) { id ... on Person { name summits { id } metWith { id } } } } query B { __typename }',
        variables: { id: 'person:kim-jong-un' },
        operationName: 'A',
      },
    ],
    ['null variables and operation name', { query: '{ search(query: "Vladivostok", first: 3) { score entity { id name } } }', variables: null, operationName: null }],
    ['a node that does not exist (null, no error)', { query: '{ node(id: "person:nobody") { id } }' }],
  ])('answers %s as yoga does', async (_label, body) => {
    const { answer, path } = await both('/graphql', post(body));
    expect(path).toBe('direct');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const json = JSON.parse(answer.body);
    expect(json.errors).toBeUndefined();
    expect(json.extensions.cypherRoundTrips).toBeGreaterThanOrEqual(0);
  });

  it('takes Accept: application/json and */*, and a charset on the content type', async () => {
    const body = { query: '{ leaders(first: 1) { edges { node { id } } } }' };
    for (const headers of [
      { ...JSON_TYPE, accept: 'application/json' },
      { ...JSON_TYPE, accept: '*/*' },
      { 'content-type': 'application/json; charset=utf-8' },
    ]) {
      expect((await both('/graphql', post(body, headers))).path, JSON.stringify(headers)).toBe('direct');
    }
  });

  it('reports the same data and round trips as a request through yoga', async () => {
    const body = { query: '{ summits(first: 5) { edges { node { id participants { id leaderOf { isoCode } } quotes(first: 3) { edges { node { id speaker { id name affiliations { id } } } } } } } } }' };
    const { answer } = await both('/graphql', post(body));
    const json = JSON.parse(answer.body);
    expect(json.data.summits.edges.length).toBeGreaterThan(0);
    expect(json.extensions.cypherRoundTrips).toBeGreaterThan(0);
  });
});

describe('a query text seen before: its prepared operation', () => {
  const summits = 'query S($first: Int, $after: String) { summits(first: $first, after: $after) { totalCount edges { cursor node { id name participants { id name } } } } }';

  it('answers the same text again, with other variables, as yoga does', async () => {
    const first = await both('/graphql', post({ query: summits, variables: { first: 1 } }));
    expect(first.path).toBe('direct');
    for (const n of [2, 1, 3]) {
      const again = await both('/graphql', post({ query: summits, variables: { first: n } }));
      expect(again).toMatchObject({ path: 'direct', prepared: true });
      const json = JSON.parse(again.answer.body);
      expect(json.data.summits.edges).toHaveLength(Math.min(n, json.data.summits.totalCount));
      expect(json.extensions).toEqual({ cypherRoundTrips: 1, cypherSteps: 1 });
    }
  });

  it.each([
    ['variables over the cost limit', { first: 100 }, 'QUERY_TOO_COSTLY'],
    ['a variable of the wrong type', { first: 'two' }, undefined],
    ['a cursor this API never returned', { first: 1, after: 'bm9wZQ' }, 'BAD_USER_INPUT'],
    ['a page size over the maximum', { first: 101 }, 'BAD_USER_INPUT'],
  ])('leaves to yoga %s', async (_label, variables, code) => {
    const costly = 'query C($first: Int) { summits(first: $first) { edges { node { quotes(first: $first) { edges { node { speaker { quotes(first: $first) { totalCount } } } } } } } } }';
    const query = code === 'QUERY_TOO_COSTLY' ? costly : summits;
    await both('/graphql', post({ query, variables: { first: 1 } }));
    expect((await both('/graphql', post({ query, variables: { first: 1 } }))).prepared).toBe(true);
    const { answer, path } = await both('/graphql', post({ query, variables }));
    expect(path).toBe('yoga');
    const json = JSON.parse(answer.body);
    expect(json.errors.length).toBeGreaterThan(0);
    if (code !== undefined) expect(json.errors[0].extensions.code).toBe(code);
  });

  it('runs the operation named, of a document with several', async () => {
    // @envelop/graphql-jit 11.2.1 kept one compiled operation per document: B was answered with A.
    const query = 'query A { __typename } query B { node(id: "person:kim-jong-un") { id } }';
    for (let round = 0; round < 2; round++) {
      const a = await both('/graphql', post({ query, operationName: 'A' }));
      const b = await both('/graphql', post({ query, operationName: 'B' }));
      expect(JSON.parse(a.answer.body).data).toEqual({ __typename: 'Query' });
      expect(JSON.parse(b.answer.body).data).toEqual({ node: { id: 'person:kim-jong-un' } });
      expect([a.prepared, b.prepared]).toEqual([round === 1, round === 1]);
    }
  });
});

describe('requests left to yoga, answered exactly as yoga answers them', () => {
  it.each([
    ['a field error (bad cursor)', post({ query: '{ leaders(after: "not-a-cursor") { totalCount } }' })],
    ['NOT_FOUND', post({ query: '{ path(from: "person:nobody", to: "person:kim-jong-un") { length } }' })],
    ['a syntax error', post({ query: '{ summits(' })],
    ['a validation error', post({ query: '{ noSuchField }' })],
    ['a query over the cost limit', post({ query: '{ summits(first: 100) { edges { node { quotes(first: 100) { edges { node { speaker { quotes(first: 100) { totalCount } } } } } } } } }' })],
    ['a body that is not JSON', post('{"query": ')],
    ['a batch (array body)', post([{ query: '{ __typename }' }])],
    ['no query', post({ variables: {} })],
    ['a query that is not a string', post({ query: 42 })],
    ['variables that are not an object', post({ query: '{ __typename }', variables: '{}' })],
    ['an operation name that is not a string', post({ query: '{ __typename }', operationName: 1 })],
    ['an extensions parameter', post({ query: '{ __typename }', extensions: { a: 1 } })],
    ['an unknown parameter', post({ query: '{ __typename }', foo: 1 })],
    ['a mutation', post({ query: 'mutation { __typename }' })],
    ['a subscription', post({ query: 'subscription { __typename }' })],
    ['an operation name that names no operation', post({ query: 'query A { __typename }', operationName: 'B' })],
    ['Accept: application/graphql-response+json', post({ query: '{ __typename }' }, { ...JSON_TYPE, accept: 'application/graphql-response+json' })],
    ['an Accept list (GraphiQL)', post({ query: '{ __typename }' }, { ...JSON_TYPE, accept: 'application/graphql-response+json, application/json, multipart/mixed' })],
    ['an Origin (CORS)', post({ query: '{ __typename }' }, { ...JSON_TYPE, origin: 'https://dashboard.example' })],
    ['a text/plain body', post({ query: '{ __typename }' }, { 'content-type': 'text/plain' })],
    ['application/graphql-response+json as the content type', post({ query: '{ __typename }' }, { 'content-type': 'application/graphql-response+json' })],
    ['a GET', { method: 'GET', headers: { accept: 'application/json' } }],
  ])('%s', async (label, init) => {
    const path = label === 'a GET' ? '/graphql?query=%7B__typename%7D' : '/graphql';
    expect((await both(path, init)).path).toBe('yoga');
  });

  it('a body over the limit (413)', async () => {
    const big = post({ query: `{ __typename } # ${'x'.repeat(MAX_REQUEST_BODY_BYTES)}` });
    const { answer, path } = await both('/graphql', big);
    expect(path).toBe('yoga');
    expect(answer.status).toBe(413);
  });

  it('other paths: liveness, readiness, GraphiQL, an unknown path, a query string on /graphql', async () => {
    for (const p of ['/healthz', '/readyz', '/nowhere']) expect((await both(p, { method: 'GET' })).path, p).toBe('yoga');
    expect((await both('/graphql', { method: 'GET', headers: { accept: 'text/html' } })).path).toBe('yoga');
    expect((await both('/graphql?x=1', post({ query: '{ __typename }' }))).path).toBe('yoga');
  });
});

describe('an app with a response cache', () => {
  it('leaves every request to yoga (the cache needs its request hooks)', async () => {
    const cached = appListener(createApp({ db: t.db, responseCacheTtlMs: 60_000 }));
    const url = await served(cached);
    const init = post({ query: '{ leaders(first: 1) { edges { node { id } } } }' });
    const first = await ask(url, '/graphql', init);
    const again = await ask(url, '/graphql', init);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).extensions.cypherRoundTrips).toBeGreaterThan(0);
    // The hit: yoga's cache plugin adds its ETag, and no Cypher ran.
    expect(again.headers.etag).toBeDefined();
    expect(JSON.parse(again.body).data).toEqual(JSON.parse(first.body).data);
    expect(JSON.parse(again.body).extensions?.cypherRoundTrips ?? 0).toBe(0);
    expect(cached.stats).toEqual({ direct: 0, prepared: 0, yoga: 2 });
  });
});
