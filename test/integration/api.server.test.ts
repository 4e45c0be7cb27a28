/**
 * The server's HTTP side as clients and operators meet it (#22): CORS only for listed origins and
 * never with credentials, CSRF prevention for requests a browser sends cross-site without a
 * preflight, a coded 4xx (never a 500) for every client mistake, and a shutdown that finishes the
 * requests in flight, in-process and through SIGTERM to `npm start`'s entry point under load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, type Row } from '../../src/db/db.js';
import type { QueryName } from '../../src/db/query-names.js';
import { createApp, CSRF_HEADER, type App } from '../../src/graphql/app.js';
import { API_ERROR_CODES } from '../../src/graphql/error-codes.js';
import { Drain, serveApp } from '../../src/graphql/serve.js';
import { openSeededTestDb, testConfig, type TestDb } from '../support/neo4j.js';
import { freePort } from '../support/ports.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;
/**
 * Headers of a JSON POST, new each time: yoga's fetch (whatwg-node) adds the body's Content-Length to
 * the headers object it is given, so a shared object would carry one request's length into the next.
 */
const jsonPost = (): Record<string, string> => ({ 'content-type': 'application/json', accept: 'application/json' });
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

let t: TestDb;
beforeAll(async () => {
  t = await openSeededTestDb();
});
afterAll(async () => t?.close());

const ask = async (app: App, path: string, init: RequestInit = {}): Promise<Response> => app.fetch(`http://api.test${path}`, init);
const corsHeaders = (res: Response): Record<string, string> =>
  Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));

describe('CORS', () => {
  const PREFLIGHT = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' };

  it('by default answers no origin with CORS headers: same-origin only', async () => {
    const app = createApp({ db: t.db });
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'null']) {
      const preflight = await ask(app, '/graphql', { method: 'OPTIONS', headers: { origin, ...PREFLIGHT } });
      expect(corsHeaders(preflight), origin).toEqual({});
      const post = await ask(app, '/graphql', { method: 'POST', headers: { ...jsonPost(), origin }, body: TYPENAME });
      expect(corsHeaders(post), origin).toEqual({});
    }
  });

  it('allows the listed origins, without credentials, and still no other', async () => {
    const app = createApp({ db: t.db, corsOrigins: ['https://dash.example.org'] });
    const preflight = await ask(app, '/graphql', { method: 'OPTIONS', headers: { origin: 'https://dash.example.org', ...PREFLIGHT } });
    expect(preflight.status).toBe(204);
    expect(corsHeaders(preflight)).toMatchObject({ 'access-control-allow-origin': 'https://dash.example.org', 'access-control-allow-methods': 'GET, POST' });
    expect(corsHeaders(preflight)['access-control-allow-credentials']).toBeUndefined();
    const post = await ask(app, '/graphql', { method: 'POST', headers: { ...jsonPost(), origin: 'https://dash.example.org' }, body: TYPENAME });
    expect(post.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();

    for (const origin of ['https://evil.example', 'https://dash.example.org.evil.example', 'http://dash.example.org']) {
      const other = await ask(app, '/graphql', { method: 'OPTIONS', headers: { origin, ...PREFLIGHT } });
      expect(corsHeaders(other), origin).toEqual({});
    }
  });
});

describe('CSRF prevention', () => {
  let app: App;
  beforeAll(() => {
    app = createApp({ db: t.db });
  });

  it.each([
    ['a form POST', { 'content-type': 'application/x-www-form-urlencoded' }, 'query=%7B__typename%7D'],
    ['a multipart POST', { 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n'],
    ['a text/plain POST', { 'content-type': 'text/plain' }, TYPENAME],
  ])('refuses %s, which a browser sends cross-site without a preflight, with 403 FORBIDDEN', async (_label, headers, body) => {
    const res = await ask(app, '/graphql', { method: 'POST', headers, body });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it(`answers a GET query only with the ${CSRF_HEADER} header, and a JSON POST without it`, async () => {
    const get = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const without = await ask(app, get, { headers: { accept: 'application/json' } });
    expect([without.status, await without.json()]).toMatchObject([403, { errors: [{ extensions: { code: 'FORBIDDEN' } }] }]);
    const withHeader = await ask(app, get, { headers: { accept: 'application/json', [CSRF_HEADER]: '1' } });
    expect([withHeader.status, await withHeader.json()]).toEqual([200, { data: { __typename: 'Query' }, extensions: { cost: { requested: 1, limit: 20000 }, cypherRoundTrips: 0, cypherSteps: 0 } }]);
    const post = await ask(app, '/graphql', { method: 'POST', headers: jsonPost(), body: TYPENAME });
    expect([post.status, await post.json()]).toEqual([200, { data: { __typename: 'Query' }, extensions: { cost: { requested: 1, limit: 20000 }, cypherRoundTrips: 0, cypherSteps: 0 } }]);
    // GraphiQL itself is a page, not a query: browsers still get it.
    const page = await ask(app, '/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Summit Graph</title>');
  });
});

/** Captures what the app logs at `error`, to see that a client's mistake is not logged as ours. */
function errorLog(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'error' }, sink), lines };
}

describe("a client's mistakes", () => {
  it.each([
    ['application/json', 400],
    ['application/graphql-response+json', 400],
  ])('a POSTed mutation is a 400 OPERATION_NOT_SUPPORTED (accepting %s), logged as no error', async (accept, status) => {
    const { logger, lines } = errorLog();
    for (const responseCacheTtlMs of [0, 5000]) {
      const app = createApp({ db: t.db, logger, responseCacheTtlMs });
      for (const query of ['mutation { addSummit(id: "x") { id } }', 'mutation M { __typename }', 'subscription { summits { id } }']) {
        for (let i = 0; i < 2; i++) {
          const res = await ask(app, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
          expect(res.status, query).toBe(status);
          const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
          expect(body.data ?? null).toBeNull();
          expect(body.errors.map((e) => e.extensions.code), query).toEqual(['OPERATION_NOT_SUPPORTED']);
          expect(body.errors[0]!.message).toMatch(/answers queries only/);
        }
      }
    }
    expect(lines).toEqual([]);
  });

  const big = 'x'.repeat(1_100_000);
  // Every kind of request a client can get wrong: a 4xx, or the 200 that GraphQL over HTTP asks for
  // when a client accepting application/json sends a document that fails validation; never a 500,
  // and always an error with a code.
  const MISTAKES: [label: string, path: string, init: RequestInit, status: number][] = [
    ['a document that does not parse', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: '{ summits(' }) }, 200],
    ['an unknown field', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: '{ nope }' }) }, 200],
    ['too many aliases', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: stats { articles }`).join(' ')} }` }) }, 200],
    ['too many directives', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: `{ stats ${'@skip(if: false) '.repeat(25)} { articles } }` }) }, 200],
    ['a variable of the wrong type', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: 'query($n: Int) { summits(first: $n) { totalCount } }', variables: { n: 'x' } }) }, 400],
    ['a missing required variable', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { id } }' }) }, 400],
    ['an operation name that names nothing', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: '{ __typename }', operationName: 'Nope' }) }, 400],
    ['two operations and no name', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }) }, 400],
    ['a body that is not JSON', '/graphql', { method: 'POST', headers: jsonPost(), body: '{"query": ' }, 400],
    ['a body that is not UTF-8', '/graphql', { method: 'POST', headers: jsonPost(), body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400],
    ['a JSON null body', '/graphql', { method: 'POST', headers: jsonPost(), body: 'null' }, 400],
    ['a batch', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify([{ query: '{ __typename }' }]) }, 400],
    ['no query', '/graphql', { method: 'POST', headers: jsonPost(), body: '{}' }, 200],
    ['a query that is not a string', '/graphql', { method: 'POST', headers: jsonPost(), body: '{"query": 1}' }, 400],
    ['variables that are a list', '/graphql', { method: 'POST', headers: jsonPost(), body: '{"query": "{ __typename }", "variables": []}' }, 400],
    ['extensions that are a string', '/graphql', { method: 'POST', headers: jsonPost(), body: '{"query": "{ __typename }", "extensions": "x"}' }, 400],
    ['a body over 1 MB', '/graphql', { method: 'POST', headers: { ...jsonPost(), 'content-length': String(big.length + 40) }, body: JSON.stringify({ query: '{ __typename }', variables: { big } }) }, 413],
    ['an argument out of range', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: '{ summits(first: 1000) { totalCount } }' }) }, 200],
    ['a query over the cost limit', '/graphql', { method: 'POST', headers: jsonPost(), body: JSON.stringify({ query: '{ summits(first: 100) { edges { node { quotes(first: 100) { edges { node { text } } } } } } }' }) }, 200],
    ['a PUT', '/graphql', { method: 'PUT', headers: jsonPost(), body: TYPENAME }, 405],
    ['a GET mutation', `/graphql?query=${encodeURIComponent('mutation { x }')}`, { headers: { accept: 'application/json', [CSRF_HEADER]: '1' } }, 405],
    ['an Accept the API cannot answer', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/xml' }, body: TYPENAME }, 406],
    ['a content type the API does not read', '/graphql', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' }, 415],
    ['an unknown path', '/graphq', { method: 'POST', headers: jsonPost(), body: TYPENAME }, 404],
  ];

  it.each(MISTAKES)('%s: HTTP %s with a coded error, with the cache off and on', async (_label, path, init, status) => {
    const { logger, lines } = errorLog();
    for (const responseCacheTtlMs of [0, 5000]) {
      const res = await ask(createApp({ db: t.db, logger, responseCacheTtlMs }), path, init);
      expect(res.status).toBe(status);
      const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors ?? []) {
        expect(Object.keys(API_ERROR_CODES), error.message).toContain(error.extensions?.code);
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }
    expect(lines).toEqual([]);
  });
});

/** A Db whose reads each wait `ms` first: requests stay in flight long enough to be caught. */
class SlowDb extends Db {
  constructor(
    base: Db,
    private readonly ms: number,
  ) {
    super(base.driver, base.queries, base.database);
  }
  override counting(...args: Parameters<Db['counting']>): Db {
    const inner = super.counting(...args);
    const { ms } = this;
    return Object.assign(Object.create(inner) as Db, {
      read: async (name: QueryName, params?: Record<string, unknown>): Promise<Row[]> => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return inner.read(name, params);
      },
    });
  }
}

const STATS = JSON.stringify({ query: '{ stats { articles quotes } }' });

/**
 * POSTs on a new connection (no keep-alive) and says what happened: the status, or 'refused' when no
 * answer came: the connection was refused (nothing listens) or reset before any answer (it sat in
 * the listening socket's backlog when the server closed it, so the server never read the request).
 * A request the server had read and then cut would be a reset too: the draining log's
 * `"drained":true` (no connection cut at the deadline) and the answered heavy requests show there
 * was none. Any other failure is reported by its code.
 */
function postOnNewConnection(url: string, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', (err: NodeJS.ErrnoException) => resolve(`cut while answering: ${String(err.code ?? err)}`));
    });
    req.once('error', (err: NodeJS.ErrnoException) => resolve(['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(err.code ?? '') ? 'refused' : String(err.code ?? err)));
    req.end(body);
  });
}

describe('graceful shutdown (serveApp)', () => {
  it('finishes the requests in flight, refuses new connections, and reports draining on /readyz', async () => {
    const drain = new Drain();
    const app = createApp({ db: new SlowDb(t.db, 400), lifecycle: drain });
    const serving = await serveApp(app, { host: '127.0.0.1', port: 0, drain, graceMs: 10_000 });
    const inFlight = Array.from({ length: 6 }, () => fetch(`${serving.url}/graphql`, { method: 'POST', headers: jsonPost(), body: STATS }));
    while (serving.inFlight < 6) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = serving.stop();
    expect(drain.draining).toBe(true);
    const ready = await ask(app, '/readyz');
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'draining' }]);
    await expect(fetch(`${serving.url}/graphql`, { method: 'POST', headers: jsonPost(), body: STATS })).rejects.toThrow();

    const answers = await Promise.all(inFlight);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers.get('connection')).toBe('close');
      expect(((await res.json()) as { data: { stats: { articles: number } } }).data.stats.articles).toBeGreaterThan(0);
    }
    expect(await stopped).toBe(true);
    expect(serving.server.listening).toBe(false);
  });

  it('cuts what is still running at the deadline and says so', async () => {
    const drain = new Drain();
    const app = createApp({ db: new SlowDb(t.db, 3000), lifecycle: drain });
    const serving = await serveApp(app, { host: '127.0.0.1', port: 0, drain, graceMs: 300 });
    const slow = fetch(`${serving.url}/graphql`, { method: 'POST', headers: jsonPost(), body: STATS }).then(
      (res) => res.status,
      () => 'cut',
    );
    while (serving.inFlight < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    expect(await serving.stop()).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await slow).toBe('cut');
  });
});

describe('SIGTERM under load (src/bin/start.ts)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('answers every request it had accepted, then exits 0', async () => {
    const { uri, user, password, database } = testConfig();
    const port = await freePort();
    let stderr = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: database,
        PORT: String(port),
        // Every request reaches Neo4j.
        RESPONSE_CACHE_TTL_MS: '0',
        LOG_LEVEL: 'info',
        SHUTDOWN_GRACE_MS: '15000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
    });
    const until = async (what: () => boolean, label: string, ms = 120_000): Promise<void> => {
      const end = Date.now() + ms;
      while (!what()) {
        if (Date.now() > end || child!.exitCode !== null) throw new Error(`${label}; stderr:\n${stderr.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await until(() => stderr.includes('GraphQL ready'), 'the server did not start');

    const url = `http://127.0.0.1:${port}/graphql`;
    // A request that keeps Neo4j busy for a while on the seed (a second or more): two wide neighbourhoods.
    const hubs = ['person:kim-jong-un', 'person:vladimir-putin', 'country:PRK', 'country:RUS', 'summit:2019-04-25-vladivostok', 'place:vladivostok'];
    const heavy = JSON.stringify({
      query: `{ ${hubs.slice(0, 2).map((id, i) => `n${i}: neighborhood(id: "${id}", hops: 3, limit: 500) { nodes { id name } edges { from to type } }`).join(' ')} }`,
    });
    // Background load: eight clients in a loop until the server stops answering, each request on a
    // connection of its own. (A client that reuses an idle keep-alive connection races the server
    // closing it, as HTTP/1.1 allows (RFC 9112, 9.3.1: clients retry such requests); that race is
    // not what this test is about.)
    const outcomes: (number | string)[] = [];

    let loading = true;
    const loops = Array.from({ length: 8 }, async () => {
      while (loading) {
        const outcome = await postOnNewConnection(url, STATS);
        outcomes.push(outcome);
        if (outcome !== 200) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    await until(() => outcomes.length >= 50, 'no load went through');

    // Six heavy requests in flight, then SIGTERM.
    const sent = Date.now();
    const heavyAnswers = Array.from({ length: 6 }, () =>
      fetch(url, { method: 'POST', headers: jsonPost(), body: heavy }).then(async (res) => ({
        status: res.status,
        ms: Date.now() - sent,
        body: (await res.json()) as { data?: Record<string, { nodes: unknown[] }>; errors?: unknown },
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    const signalled = Date.now() - sent;

    const answers = await Promise.all(heavyAnswers);
    for (const { status, ms, body } of answers) {
      expect(ms).toBeGreaterThan(signalled);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(Object.keys(body.data ?? {})).toHaveLength(2);
    }
    expect(await exited).toBe(0);
    loading = false;
    await Promise.all(loops);

    // The background load saw answers (all 200) and then refused connections; nothing was cut.
    expect(outcomes.filter((o) => typeof o === 'number' && o !== 200)).toEqual([]);
    expect(outcomes.filter((o) => typeof o !== 'number' && o !== 'refused')).toEqual([]);
    expect(outcomes).toContain('refused');
    expect(stderr).toMatch(/"inFlight":([1-9]\d*).*draining/);
    expect(stderr).toContain('"drained":true');
  }, 180_000);
});
