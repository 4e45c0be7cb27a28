/**
 * What integration tests import to reach the one test database that test/support/global-setup.ts
 * provides. Each test file opens its own driver with `openTestDb()` (in beforeAll) and closes it
 * (in afterAll); files run one at a time, so `resetDatabase` in a beforeEach gives every test an
 * empty graph.
 */
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver, Db } from '../../src/db/db.js';
import { applySchema, loadSeedPaths } from '../../src/seed/load.js';
import type { QueryName } from '../../src/db/query-names.js';
import type { TestNeo4j } from './global-setup.js';
import { testQueries, type TestQueryName } from './queries.js';

/** A Db that runs the product's queries and the tests' own (test/cypher/). */
export type TestQueriesDb = Db<QueryName | TestQueryName>;

/** The test database's connection settings, as the global setup provided them. */
export function testConfig(): TestNeo4j {
  return inject('neo4j');
}

export interface TestDb {
  /** The db helper layer on the test database, with the project's real Cypher registry and the tests' queries. */
  db: TestQueriesDb;
  driver: Driver;
  /** Closes the driver; call it in afterAll. */
  close(): Promise<void>;
}

/**
 * A Db on the test database, built the way production builds it (createDriver, CypherRegistry over
 * cypher/), that also runs the tests' own queries (test/cypher/). No connection is made until the first query; the global setup has already checked that
 * the database answers.
 */
export function openTestDb(): TestDb {
  const { uri, user, password, database } = testConfig();
  const driver = createDriver(uri, user, password);
  const db = new Db(driver, testQueries(), database);
  return { db, driver, close: () => driver.close() };
}

/**
 * Deletes every node and relationship (in batches, so a large graph does not need one huge
 * transaction). Constraints and indexes stay, so a schema applied once keeps working.
 */
export async function resetDatabase(db: TestQueriesDb): Promise<void> {
  await db.autoCommit('test.reset');
}

/** The project's reviewed seed data (seed/). */
export const SEED_DIR = new URL('../../seed/', import.meta.url).pathname;

/**
 * A test database holding exactly seed/: emptied, constraints and indexes applied, seed loaded.
 * What every API test starts from.
 */
export async function openSeededTestDb(): Promise<TestDb> {
  const t = openTestDb();
  await resetDatabase(t.db);
  await applySchema(t.db);
  await loadSeedPaths(t.db, [SEED_DIR]);
  return t;
}
