/**
 * The bench's own Cypher (bench/cypher/, names `bench.<file>`): the raw floor's hand-written query
 * per operation, the baseline loader, resets and probes. Kept out of the product's registry and its
 * image; a bench Db reads both (benchQueries).
 */
import { fileURLToPath } from 'node:url';
import { CypherRegistry, PRODUCT_QUERIES, type CypherSource } from '../src/db/cypher.js';
import type { Db } from '../src/db/db.js';
import type { QueryName } from '../src/db/query-names.js';

const BENCH_FILES = [
  'counts',
  'leader-summits',
  'load-articles',
  'load-entities',
  'load-mentions',
  'load-quotes',
  'load-relations',
  'neighborhood',
  'path',
  'reset',
  'search',
  'summit-list',
  'summit-quotes',
  'transactions',
] as const;

export type BenchQueryName = `bench.${(typeof BENCH_FILES)[number]}`;

/** A Db that runs the product's queries and the bench's. */
export type BenchDb = Db<QueryName | BenchQueryName>;

export const BENCH_QUERIES: CypherSource = { dir: fileURLToPath(new URL('./cypher/', import.meta.url)), files: BENCH_FILES, prefix: 'bench.' };

/** The product's queries and the bench's, for a Db of the bench. */
export function benchQueries(): CypherRegistry<QueryName | BenchQueryName> {
  return new CypherRegistry<QueryName | BenchQueryName>([PRODUCT_QUERIES, BENCH_QUERIES]);
}
