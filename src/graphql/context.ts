import { DEFAULT_READ_PARAMS, type Db, type OnRoundTrip, type ReadParams } from '../db/db.js';
import { createLoaders, type Loaders } from '../data/loaders.js';

/** Counts the Cypher round trips of one request (reported as `extensions.cypherRoundTrips`). */
export interface RoundTrips {
  count: number;
  /**
   * Sequential steps: how many times a query started while none of the request's queries was
   * running. Queries that run side by side share a step; a field that must wait for its parent's
   * answer starts a new one. Bounded by the query's depth, never by the number of items.
   */
  steps: number;
  /** Queries running now (internal to the count of steps). */
  inFlight: number;
  /** Query names in the order they ran; for logs and debugging batching. */
  readonly names: string[];
}

/** What every resolver receives. Built fresh for each request; nothing in it outlives the request. */
export interface GraphQLContext {
  readonly loaders: Loaders;
  readonly roundTrips: RoundTrips;
  /** Given to every read of the request (ReadParams); set by useLightProjection. */
  readonly readParams: ReadParams;
}

/**
 * The per-request context: a counting view of the process's Db and loaders over it. Loaders must be
 * per request (their caches would otherwise leak data across requests), and so must the counter.
 * `observe` also sees each query (metrics: its time and batch size, src/graphql/metrics.ts).
 */
export function createContext(db: Db, observe?: OnRoundTrip): GraphQLContext {
  const roundTrips: RoundTrips = { count: 0, steps: 0, inFlight: 0, names: [] };
  const readParams: ReadParams = { ...DEFAULT_READ_PARAMS };
  // Auto-commit reads: every read of a request is one self-contained query, so the BEGIN/COMMIT of
  // a managed transaction is pure overhead here (see ReadMode in src/db/db.ts).
  const counted = db.counting((name, params) => {
    roundTrips.count += 1;
    roundTrips.names.push(name);
    if (roundTrips.inFlight === 0) roundTrips.steps += 1;
    roundTrips.inFlight += 1;
    const observed = observe?.(name, params);
    return () => {
      roundTrips.inFlight -= 1;
      if (typeof observed === 'function') observed();
    };
  }, 'auto-commit', () => readParams);
  return { loaders: createLoaders(counted), roundTrips, readParams };
}
