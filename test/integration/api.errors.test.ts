/**
 * Errors as clients see them: expected ones with `extensions.code` (NOT_FOUND, BAD_USER_INPUT,
 * DB_UNAVAILABLE), everything else masked; query limits; health and readiness; GraphiQL served.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherRegistry } from '../../src/db/cypher.js';
import { Db, type Row } from '../../src/db/db.js';
import { DomainError } from '../../src/errors.js';
import { createApp, MAX_REQUEST_BODY_BYTES, type App } from '../../src/graphql/app.js';
import { serve } from '../support/http.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { freePort } from '../support/ports.js';
import { codes, gql, type GraphQLErrorJson } from './api-client.js';


let t: TestDb;
let app: App;

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
});
afterAll(async () => t?.close());

describe('NOT_FOUND', () => {
  it.each([
    ['path from an unknown entity', '{ path(from: "person:nobody", to: "person:kim-jong-un") { length } }'],
    ['path to an unknown entity', '{ path(from: "person:kim-jong-un", to: "org:nobody") { length } }'],
    ['path from and to the same unknown entity', '{ path(from: "person:nobody", to: "person:nobody") { length } }'],
    ['neighborhood of an unknown entity', '{ neighborhood(id: "person:nobody") { nodes { id } } }'],
    ['timeline of an unknown entity', '{ timeline(id: "topic:nothing") { date } }'],
  ])('%s', async (_label, query) => {
    const res = await gql(app, query);
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0]!.message).toMatch(/No entity with id "(person:nobody|org:nobody|topic:nothing)"/);
  });

  it('is not an error for node() and entity(), which answer null', async () => {
    const res = await gql(app, '{ node(id: "person:nobody") { id } entity(id: "person:nobody") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null, entity: null });
  });
});

describe('BAD_USER_INPUT', () => {
  it.each([
    ['first below 1', '{ summits(first: 0) { totalCount } }', /first must be between 1 and 100, got 0/],
    ['first above 100', '{ quotes(first: 101) { totalCount } }', /first must be between 1 and 100, got 101/],
    ['nested first above 100', '{ entity(id: "person:kim-jong-un") { mentions(first: 1000) { totalCount } } }', /first/],
    ['a malformed cursor', '{ leaders(after: "not-a-cursor") { totalCount } }', /after: "not-a-cursor" is not a cursor/],
    ['a malformed nested cursor', '{ node(id: "person:vladimir-putin") { ... on Person { quotes(after: "x") { totalCount } } } }', /not a cursor/],
    ['maxHops 0', '{ path(from: "person:kim-jong-un", to: "country:PRK", maxHops: 0) { length } }', /maxHops must be between 1 and 6/],
    ['maxHops 7', '{ path(from: "person:kim-jong-un", to: "country:PRK", maxHops: 7) { length } }', /maxHops must be between 1 and 6/],
    ['hops 4', '{ neighborhood(id: "person:kim-jong-un", hops: 4) { nodes { id } } }', /hops must be between 1 and 3/],
    ['limit 0', '{ neighborhood(id: "person:kim-jong-un", limit: 0) { nodes { id } } }', /limit must be between 1 and 500/],
    ['timeline first 0', '{ timeline(id: "person:kim-jong-un", first: 0) { date } }', /first must be between 1 and 500/],
    ['search first 0', '{ search(query: "Kim", first: 0) { score } }', /first must be between 1 and 100/],
    ['an id without a kind', '{ node(id: "kim-jong-un") { id } }', /id must be an id like person:kim-jong-un/],
    ["a filter that is neither an id nor a name", '{ quotes(speaker: "!!!") { totalCount } }', /speaker must be an id like person:kim-jong-un or a name/],
    ['a search without words', '{ search(query: " ** ") { score } }', /query must contain at least one letter or digit/],
    ['an empty kinds list', '{ search(query: "Kim", kinds: []) { score } }', /kinds must name at least one kind/],
    ['an article search without words', '{ articles(search: "!!") { totalCount } }', /search must contain at least one letter or digit/],
    ['a date range the wrong way round', '{ summits(where: {from: "2020-01-01", to: "2019-01-01"}) { totalCount } }', /where.from \(2020-01-01\) is after where.to/],
    ['an impossible date literal', '{ summits(where: {from: "2019-02-30"}) { totalCount } }', /Date must be a calendar date written YYYY-MM-DD.*2019-02-30/],
    ['a date literal of the wrong type', '{ summits(where: {to: 2019}) { totalCount } }', /Date must be a calendar date/],
  ])('%s', async (_label, query, message) => {
    const res = await gql(app, query);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toMatch(message);
  });

  it('rejects a bad Date variable', async () => {
    const res = await gql(app, 'query($d: Date) { summits(where: {from: $d}) { totalCount } }', { d: '25.04.2019' });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toContain('25.04.2019');
  });
});

describe('masking', () => {
  /** A Db whose every query fails with `error`, to see what a client is told. */
  function failingApp(error: Error): App {
    class FailingDb extends Db {
      override counting(): Db {
        return this;
      }
      override async read(): Promise<Row[]> {
        throw error;
      }
    }
    return createApp({ db: new FailingDb(t.driver, new CypherRegistry(), 'neo4j') });
  }

  it('masks an unexpected error: no message, no stack, code INTERNAL_SERVER_ERROR', async () => {
    const res = await gql(failingApp(new TypeError("Cannot read properties of undefined (reading 'secret')")), '{ stats { articles } }');
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.message).toBe('Unexpected error.');
    expect(res.errors![0]!.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.errors)).not.toMatch(/secret|TypeError|at /);
  });

  it('masks a Neo4j error, which may quote the query', async () => {
    const res = await gql(failingApp(new DomainError('DB_ERROR', 'Neo4j error Neo.ClientError.Statement.SyntaxError: MATCH (n:Summit)')), '{ stats { articles } }');
    expect(res.errors![0]!.message).toBe('Unexpected error.');
    expect(JSON.stringify(res.errors)).not.toContain('MATCH');
  });

  it('maps a failing query to DB_ERROR with Neo4j\'s code (write transactions, reads in either mode)', async () => {
    const failures: [string, () => Promise<unknown>, RegExp][] = [
      ['write transaction', () => t.db.writeTransaction((tx) => tx.runStatement('RETURN nonsense(', {})), /Statement\.SyntaxError/],
      ['managed read', () => t.db.read('entities.by-ids', {}), /Statement\.ParameterMissing/],
      ['auto-commit read', () => t.db.counting(() => {}, 'auto-commit').read('entities.by-ids', {}), /Statement\.ParameterMissing/],
    ];
    for (const [label, failing, code] of failures) {
      const err = await failing().then(() => undefined, (e: unknown) => e);
      expect(err, label).toBeInstanceOf(DomainError);
      expect((err as DomainError).code, label).toBe('DB_ERROR');
      expect((err as DomainError).message, label).toMatch(code);
    }
    expect(await t.db.read('graph.stats')).toHaveLength(1);
  });

  it('keeps the other fields of a response when one field fails', async () => {
    // path is nullable, so its error leaves the rest of `data` in place.
    const res = await gql(app, '{ ok: entity(id: "person:kim-jong-un") { name } bad: path(from: "person:nobody", to: "country:PRK") { length } }');
    expect(res.data).toEqual({ ok: { name: 'Kim Jong Un' }, bad: null });
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('an unreachable database', () => {
  let down: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Nothing listens on a port that was free a moment ago. No retries: the driver's default retry
    // window (30 s) would only make the test slow, not different.
    const driver = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, neo4j.auth.basic('neo4j', 'x'), {
      maxTransactionRetryTime: 0,
      connectionTimeout: 2000,
    });
    down = createApp({ db: new Db(driver, new CypherRegistry(), 'neo4j') });
    close = () => driver.close();
  });
  afterAll(async () => close?.());

  it('answers queries with DB_UNAVAILABLE so clients know to retry', async () => {
    const res = await gql(down, '{ stats { articles } }');
    expect(codes(res)).toEqual(['DB_UNAVAILABLE']);
  });

  it('is not ready (503) but alive (200)', async () => {
    const ready = await down.fetch('http://api.test/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    const live = await down.fetch('http://api.test/healthz');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
  });
});

describe('health and readiness', () => {
  it('/healthz and /readyz answer 200 with a live database', async () => {
    const live = await app.fetch('http://api.test/healthz');
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await app.fetch('http://api.test/readyz');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });
});

describe('query limits', () => {
  it('rejects a query nested deeper than 12 levels with DEPTH_LIMIT', async () => {
    let query = 'name';
    for (let i = 0; i < 10; i++) query = `metWith { ${query} }`;
    const res = await gql(app, `{ entity(id: "person:kim-jong-un") { ... on Person { summits { participants { ${query} } } } } }`);
    expect(res.data ?? null).toBeNull();
    expect(codes(res)).toEqual(['DEPTH_LIMIT']);
    expect(res.errors![0]!.message).toMatch(/^Query depth limit of 12 exceeded, found \d+\.$/);
    expect(res.errors![0]!.extensions).toMatchObject({ limit: 12 });
    expect(res.status).toBe(400);
  });

  it('rejects too many aliases with ALIAS_LIMIT', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: stats { articles }`).join(' ');
    const res = await gql(app, `{ ${fields} }`);
    expect(codes(res)).toEqual(['ALIAS_LIMIT']);
    expect(res.errors![0]!.message).toMatch(/^Aliases limit of 20 exceeded/);
    expect(res.errors![0]!.extensions).toMatchObject({ limit: 20 });
  });

  it('rejects too many directives with DIRECTIVE_LIMIT', async () => {
    const res = await gql(app, `{ stats ${'@skip(if: false) '.repeat(25)} { articles } }`);
    expect(codes(res)).toEqual(['DIRECTIVE_LIMIT']);
    expect(res.errors![0]!.message).not.toMatch(/Syntax Error/);
  });

  it('rejects a document of more than 3000 tokens with TOKEN_LIMIT', async () => {
    const res = await gql(app, `{ ${'__typename '.repeat(3000)} }`);
    expect(codes(res)).toEqual(['TOKEN_LIMIT']);
    expect(res.errors![0]!.message).toBe('Token limit of 3000 exceeded.');
    expect(res.errors![0]!.extensions).toMatchObject({ limit: 3000 });
  });

  it('a document that does not parse is still GRAPHQL_PARSE_FAILED, with its "Syntax Error"', async () => {
    const res = await gql(app, '{ summits(');
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.errors![0]!.message).toMatch(/^Syntax Error: /);
  });

  describe('request body limit', () => {
    const post = async (body: BodyInit, headers: Record<string, string> = {}): Promise<Response> =>
      app.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body,
        duplex: 'half',
      } as RequestInit);
    /** A JSON body of about `bytes` bytes: a tiny query padded with a variable nobody reads. */
    const padded = (bytes: number): string => JSON.stringify({ query: '{ stats { articles } }', variables: { pad: 'x'.repeat(bytes) } });
    /** The same text as a stream of 64 KiB chunks: no Content-Length, as with chunked transfer encoding. */
    const chunked = (text: string): ReadableStream<Uint8Array> => {
      const bytes = new TextEncoder().encode(text);
      let at = 0;
      return new ReadableStream({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(at, (at += 65_536)));
        },
      });
    };
    const errorOf = async (res: Response): Promise<[number, string | undefined]> => [res.status, ((await res.json()) as { errors: GraphQLErrorJson[] }).errors[0]!.extensions?.code];

    it('rejects a Content-Length above 1 MB with 413 before reading the body, and a malformed one with 400', async () => {
      expect(await errorOf(await post('{}', { 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) }))).toEqual([413, 'REQUEST_ENTITY_TOO_LARGE']);
      expect(await errorOf(await post('{}', { 'content-length': '2, 2' }))).toEqual([400, 'BAD_REQUEST']);
    });

    it('counts a body without Content-Length as it arrives: 413 past 1 MB, answered below it', async () => {
      expect(await errorOf(await post(chunked(padded(MAX_REQUEST_BODY_BYTES + 10))))).toEqual([413, 'REQUEST_ENTITY_TOO_LARGE']);
      const res = await post(chunked(padded(MAX_REQUEST_BODY_BYTES - 1000)));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { stats: { articles: number } } }).data.stats.articles).toBeGreaterThan(0);
    });

    it('holds over HTTP: Node delivers a body of exactly its Content-Length, and 1 MB + 1 is refused', async () => {
      // Served as npm start serves it: yoga is the Node listener.
      const server = await serve(app);
      try {
        const send = (body: string): Promise<Response> =>
          fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const small = await send(padded(MAX_REQUEST_BODY_BYTES - 1000));
        expect(small.status).toBe(200);
        expect(((await small.json()) as { data: { stats: { articles: number } } }).data.stats.articles).toBeGreaterThan(0);
        const big = padded(MAX_REQUEST_BODY_BYTES);
        expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_REQUEST_BODY_BYTES);
        expect(await errorOf(await send(big))).toEqual([413, 'REQUEST_ENTITY_TOO_LARGE']);
      } finally {
        await server.close();
      }
    });
  });

  describe('query cost', () => {
    const NESTED = `query($outer: Int, $inner: Int) { summits(first: $outer) { edges { node { quotes(first: $inner) { edges { node { text about { name } } } } } } } }`;

    it('rejects a first: 100 list nested in another first: 100 list as too costly, before any query runs', async () => {
      const res = await gql(app, `{ summits(first: 100) { edges { node { quotes(first: 100) { edges { node { text about { name } } } } } } } }`);
      expect(res.data ?? null).toBeNull();
      expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
      expect(res.errors![0]!.message).toMatch(/Query cost \d+ is above the limit of 20000/);
      expect(res.errors![0]!.extensions).toMatchObject({ maxCost: 20000 });
      expect(res.roundTrips ?? 0).toBe(0);
      expect(res.extensions?.cost).toEqual({ requested: res.errors![0]!.extensions!.cost, limit: 20000 });
    });

    it('reports the cost of every executed request in extensions.cost', async () => {
      const small = await gql(app, NESTED, { outer: 5, inner: 5 });
      expect(small.errors).toBeUndefined();
      const cost = small.extensions?.cost as { requested: number; limit: number };
      expect(cost.limit).toBe(20000);
      expect(cost.requested).toBeGreaterThan(25);
      const bigger = await gql(app, NESTED, { outer: 10, inner: 5 });
      expect((bigger.extensions?.cost as { requested: number }).requested).toBeGreaterThan(cost.requested);
      expect((await gql(app, '{ __typename }')).extensions?.cost).toEqual({ requested: 1, limit: 20000 });
    });

    it('counts first given by variables (armor saw those as one item)', async () => {
      const res = await gql(app, NESTED, { outer: 100, inner: 100 });
      expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
      expect(res.roundTrips ?? 0).toBe(0);
    });

    it('costs each set of variables of the same query apart (the kept costs never leak between them)', async () => {
      for (let i = 0; i < 2; i++) {
        expect(codes(await gql(app, NESTED, { outer: 100, inner: 100 }))).toEqual(['QUERY_TOO_COSTLY']);
        expect((await gql(app, NESTED, { outer: 5, inner: 5 })).errors).toBeUndefined();
        expect(codes(await gql(app, NESTED, { outer: 5, inner: 100 }))).toEqual([]);
        expect(codes(await gql(app, NESTED, { outer: 100, inner: 100 }))).toEqual(['QUERY_TOO_COSTLY']);
      }
    });

    it('lets the same shape through with small pages, and the dashboards\' usual queries', async () => {
      const small = await gql(app, NESTED, { outer: 5, inner: 5 });
      expect(small.errors).toBeUndefined();
      expect(small.data.summits.edges.length).toBeGreaterThan(0);
      const list = await gql(app, `{ summits(first: 100) { totalCount edges { node { id name date participants { id name leaderOf { isoCode } } country { name } place { name } } } } }`);
      expect(list.errors).toBeUndefined();
    });
  });

  it('allows GraphiQL introspection', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const res = await gql(app, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});

describe('GraphiQL', () => {
  it('serves GraphiQL to browsers with its assets from the API itself and the Vladivostok query preloaded', async () => {
    const res = await app.fetch('http://api.test/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('summit:2019-04-25-vladivostok');
    expect(html).toContain('<title>Summit Graph</title>');
    // No asset is fetched from elsewhere: every script and stylesheet is the API's own, versioned
    // (src/graphql/graphiql.ts; test/integration/api.http-cache.test.ts fetches them).
    const assets = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/gi)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(asset).toMatch(/^\/graphiql\/[A-Za-z0-9_-]+\.(js|css|ico)$/);
  });
});
