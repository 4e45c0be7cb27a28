/**
 * The response cache: a repeated request within RESPONSE_CACHE_TTL_MS is answered without any
 * Cypher round trip and with the same data; TTL 0 turns the cache off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, type ReadMode } from '../../src/db/db.js';
import { createApp } from '../../src/graphql/app.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { gql } from './api-client.js';


/** Counts every query any request's view of it runs, whatever the response says. */
class CountingDb extends Db {
  queries_run = 0;
  override counting(onRoundTrip: (name: string) => void, readMode?: ReadMode): Db {
    return super.counting((name) => {
      this.queries_run += 1;
      onRoundTrip(name);
    }, readMode);
  }
}

const QUERY = `query($first: Int!) {
  summits(first: $first) { totalCount edges { node { id name date participants { id name } country { id name } } } }
}`;

let t: TestDb;

beforeAll(async () => {
  t = await openSeededTestDb();
});
afterAll(async () => t?.close());

const countingDb = (): CountingDb => new CountingDb(t.db.driver, t.db.queries, t.db.database);

describe('response cache', () => {
  it('answers a repeated query within the TTL from the cache, with the same body and no round trip', async () => {
    const db = countingDb();
    const app = createApp({ db, responseCacheTtlMs: 60_000 });
    const first = await gql(app, QUERY, { first: 5 });
    expect(first.errors).toBeUndefined();
    expect(first.roundTrips).toBeGreaterThan(0);
    const ran = db.queries_run;
    expect(ran).toBe(first.roundTrips);

    const second = await gql(app, QUERY, { first: 5 });
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    // A hit is the miss's answer, extensions included (the round trips it took to compute, its
    // cost): the body, and so its ETag, is the same whether the cache answered or not.
    expect(second.extensions).toEqual(first.extensions);
    expect(first.extensions?.cost).toMatchObject({ limit: 20000 });
    expect(db.queries_run).toBe(ran);

    // Other variables are another entry.
    const other = await gql(app, QUERY, { first: 1 });
    expect(other.roundTrips).toBeGreaterThan(0);
    expect(db.queries_run).toBeGreaterThan(ran);
  });

  it('serves from Neo4j again once the TTL has passed', async () => {
    const db = countingDb();
    const app = createApp({ db, responseCacheTtlMs: 200 });
    await gql(app, QUERY, { first: 5 });
    const ran = db.queries_run;
    await new Promise((r) => setTimeout(r, 400));
    const again = await gql(app, QUERY, { first: 5 });
    expect(again.roundTrips).toBeGreaterThan(0);
    expect(db.queries_run).toBeGreaterThan(ran);
  });

  it('is off with TTL 0: every request runs its queries', async () => {
    const db = countingDb();
    const app = createApp({ db, responseCacheTtlMs: 0 });
    const first = await gql(app, QUERY, { first: 5 });
    const second = await gql(app, QUERY, { first: 5 });
    expect(second.data).toEqual(first.data);
    expect(second.roundTrips).toBe(first.roundTrips);
    expect(db.queries_run).toBe(first.roundTrips! + second.roundTrips!);
  });
});

describe('response cache over HTTP', () => {
  it('answers a hit with the very bytes of the miss', async () => {
    const db = countingDb();
    const app = createApp({ db, responseCacheTtlMs: 60_000 });
    const post = async (): Promise<string> => {
      const res = await app.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: QUERY, variables: { first: 3 } }),
      });
      return res.text();
    };
    const miss = await post();
    const ran = db.queries_run;
    expect(ran).toBeGreaterThan(0);
    const hit = await post();
    expect(db.queries_run).toBe(ran);
    expect(hit).toBe(miss);
  });
});
