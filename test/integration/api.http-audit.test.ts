/**
 * GraphQL over HTTP conformance: every audit of graphql-http's server suite (MUST, SHOULD and MAY)
 * passes against the app, called through `app.fetch` without a port, and over real HTTP through
 * appListener (src/graphql/http.ts), the listener `npm start` serves, with its direct path.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { appListener, type AppListener } from '../../src/graphql/http.js';
import { serve, type Served } from '../support/http.js';
import { openTestDb, type TestDb } from '../support/neo4j.js';

let t: TestDb;
let app: App;
let listener: AppListener;
let server: Served;
let url: string;

beforeAll(async () => {
  // The audits only ask for __typename and invalid things: no data needed, but a real Db.
  t = openTestDb();
  app = createApp({ db: t.db });
  listener = appListener(app);
  server = await serve(listener);
  url = `${server.url}/graphql`;
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

function runAudits(fetchFn: (input: string, init?: RequestInit) => Promise<Response>, at: () => string): void {
  for (const audit of serverAudits({ url: at, fetchFn })) {
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
  runAudits(async (input, init) => app.fetch(String(input), init ?? {}), () => 'http://api.test/graphql');
});

describe('GraphQL over HTTP audits (appListener over HTTP)', () => {
  runAudits((input, init) => fetch(input, init), () => url);
  it('took some of the audits by the direct path', () => {
    expect(listener.stats.direct).toBeGreaterThan(0);
    expect(listener.stats.yoga).toBeGreaterThan(0);
  });
});
