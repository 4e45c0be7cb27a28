/**
 * The shared test helpers work against the provided database: openTestDb reaches it through the
 * production Db, and resetDatabase (an auto-commit `CALL ... IN TRANSACTIONS`) empties it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, resetDatabase, testConfig, type TestDb } from '../support/neo4j.js';

describe('integration test support', () => {
  let t: TestDb;

  beforeAll(() => {
    t = openTestDb();
  });

  afterAll(async () => {
    await t.close();
  });

  it('provides a reachable database', async () => {
    expect(testConfig().uri).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
    expect(await t.db.ping()).toBe(true);
  });

  it('resetDatabase deletes every node and relationship', async () => {
    const { database } = testConfig();
    await t.driver.executeQuery(
      'UNWIND range(1, 2500) AS i CREATE (:ResetProbe {i: i})-[:NEXT]->(:ResetProbe {i: -i})',
      {},
      { database },
    );
    await resetDatabase(t.db);
    const { records } = await t.driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database });
    expect(records[0]?.get('nodes').toNumber()).toBe(0);
  });
});
