/**
 * The tests' own Cypher (test/cypher/, names `test.<file>`): resets and whole-graph reads that
 * compare graphs. Kept out of the product's registry and its image; the test Db reads both.
 */
import { fileURLToPath } from 'node:url';
import { CypherRegistry, PRODUCT_QUERIES, type CypherSource } from '../../src/db/cypher.js';
import type { QueryName } from '../../src/db/query-names.js';

const TEST_FILES = ['counts', 'graph', 'relationships', 'reset'] as const;

export type TestQueryName = `test.${(typeof TEST_FILES)[number]}`;

export const TEST_QUERIES: CypherSource = { dir: fileURLToPath(new URL('../cypher/', import.meta.url)), files: TEST_FILES, prefix: 'test.' };

/** The product's queries and the tests' own. */
export function testQueries(): CypherRegistry<QueryName | TestQueryName> {
  return new CypherRegistry<QueryName | TestQueryName>([PRODUCT_QUERIES, TEST_QUERIES]);
}
