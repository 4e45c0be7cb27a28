/**
 * GraphQL over HTTP conformance: every audit of graphql-http's server suite (MUST, SHOULD and MAY)
 * passes against the app, called through `app.fetch` without a port, and over real HTTP as `npm
 * start` serves it (yoga as the Node listener), with the response cache off and on.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_CACHE_TTL_MS } from '../../src/config.js';
import { createApp, CSRF_HEADER, type App } from '../../src/graphql/app.js';
import { serve, type Served } from '../support/http.js';
import { openTestDb, type TestDb } from '../support/neo4j.js';

let t: TestDb;
let app: App;
let cached: App;
const servers: Served[] = [];

beforeAll(async () => {
  // The audits only ask for __typename and invalid things: no data needed, but a real Db.
  t = openTestDb();
  app = createApp({ db: t.db });
  cached = createApp({ db: t.db, responseCacheTtlMs: DEFAULT_RESPONSE_CACHE_TTL_MS });
  servers.push(await serve(app), await serve(cached));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await t?.close();
});

/** The audits' requests with the CSRF header a GET query must carry (src/graphql/app.ts); POSTs need none. */
function withCsrfHeader(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, '1');
  return { ...init, headers };
}

function runAudits(fetchFn: (input: string, init?: RequestInit) => Promise<Response>, at: () => string): void {
  for (const audit of serverAudits({ url: at, fetchFn: (input: unknown, init?: RequestInit) => fetchFn(String(input), withCsrfHeader(init)) })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        throw new Error(`${result.status}: ${result.reason}\n${JSON.stringify(await result.response.text?.().catch(() => ''))}`);
      }
      expect(result.status).toBe('ok');
    });
  }
}

describe('GraphQL over HTTP audits (app.fetch)', () => {
  runAudits(async (input, init) => app.fetch(input, init ?? {}), () => 'http://api.test/graphql');
});

describe('GraphQL over HTTP audits (over HTTP, as npm start serves, response cache off)', () => {
  runAudits((input, init) => fetch(input, init), () => `${servers[0]!.url}/graphql`);
});

describe('GraphQL over HTTP audits (over HTTP, response cache on at its default TTL)', () => {
  runAudits((input, init) => fetch(input, init), () => `${servers[1]!.url}/graphql`);
});
