import type { Db } from '../db/db.js';
import type { QueryName } from '../db/query-names.js';
import { createLoaders, type Loaders } from '../data/loaders.js';

/** Counts the Cypher round trips of one request (reported as `extensions.cypherRoundTrips`). */
export interface RoundTrips {
  count: number;
  /** Query names in the order they ran; for logs and debugging batching. */
  readonly names: QueryName[];
}

/** What every resolver receives. Built fresh for each request; nothing in it outlives the request. */
export interface GraphQLContext {
  readonly loaders: Loaders;
  readonly roundTrips: RoundTrips;
}

/**
 * The per-request context: a counting view of the process's Db and loaders over it. Loaders must be
 * per request (their caches would otherwise leak data across requests), and so must the counter.
 */
export function createContext(db: Db): GraphQLContext {
  const roundTrips: RoundTrips = { count: 0, names: [] };
  // Auto-commit reads: every read of a request is one self-contained query, so the BEGIN/COMMIT of
  // a managed transaction is pure overhead here (see ReadMode in src/db/db.ts).
  const counted = db.counting((name) => {
    roundTrips.count += 1;
    roundTrips.names.push(name);
  }, 'auto-commit');
  return { loaders: createLoaders(counted), roundTrips };
}
