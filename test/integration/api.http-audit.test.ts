/**
 * GraphQL over HTTP conformance: every audit of graphql-http's server suite (MUST, SHOULD and MAY)
 * passes against the app, called through `app.fetch` without a port.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { openTestDb, type TestDb } from '../support/neo4j.js';

let t: TestDb;
let app: App;

beforeAll(() => {
  // The audits only ask for __typename and invalid things: no data needed, but a real Db.
  t = openTestDb();
  app = createApp({ db: t.db });
});
afterAll(async () => t?.close());

describe('GraphQL over HTTP audits', () => {
  const audits = serverAudits({
    url: 'http://api.test/graphql',
    fetchFn: (input: string | URL, init?: RequestInit) => app.fetch(String(input), init ?? {}),
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        throw new Error(`${result.status}: ${result.reason}\n${JSON.stringify(await result.response.text?.().catch(() => ''))}`);
      }
      expect(result.status).toBe('ok');
    });
  }
});
