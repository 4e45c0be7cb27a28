/**
 * A view of a test Db that records every read the per-request Dbs it hands out make (the query
 * name, its own parameters and the request's read parameters), to check what a request asked
 * Neo4j for rather than only what it answered. The Db itself is left as it is.
 */
import { DEFAULT_READ_PARAMS, type Db, type ReadParams } from '../../src/db/db.js';
import type { QueryName } from '../../src/db/query-names.js';

export interface RecordedRead {
  readonly name: QueryName;
  readonly params: Record<string, unknown>;
  readonly readParams: ReadParams;
}

export function recordingReads(db: Db): { db: Db; reads: RecordedRead[] } {
  const reads: RecordedRead[] = [];
  const view = Object.create(db) as Db;
  view.counting = (onRoundTrip, readMode, readParams) => {
    const counted = db.counting(onRoundTrip, readMode, readParams);
    const read = counted.read.bind(counted);
    counted.read = (name, params = {}) => {
      reads.push({ name, params, readParams: { ...(readParams?.() ?? DEFAULT_READ_PARAMS) } });
      return read(name, params);
    };
    return counted;
  };
  return { db: view, reads };
}
