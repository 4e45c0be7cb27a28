/** What the bench's command lines share: argument parsing, progress lines, the bench Neo4j. */
import { InvalidArgumentError } from 'commander';
import type { LocalNeo4jOptions } from '../src/db/local-neo4j.js';

/** A commander argument parser for a whole number of at least 1 (commander names the flag). */
export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${JSON.stringify(v)} is not a positive whole number.`);
  return n;
}

/** Writes `[<prefix> HH:MM:SS] message` lines to stderr (stdout is for the tables). */
export function progressLog(prefix: string): (message: string) => void {
  return (message) => process.stderr.write(`[${prefix} ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The bench's JVM heap and page cache unless `npm run bench` is told otherwise. */
export const BENCH_HEAP = '6g';
export const BENCH_PAGECACHE_MIB = 4096;

/**
 * The bench's own Neo4j: `.neo4j/data/bench`, Bolt on 127.0.0.1:`boltPort`; never the dev
 * database (7687) or the test instances.
 */
export function benchNeo4j(boltPort: number, heap = BENCH_HEAP, pageCacheMiB = BENCH_PAGECACHE_MIB, onProgress?: (message: string) => void): LocalNeo4jOptions {
  return { home: '.neo4j', host: '127.0.0.1', boltPort, heap, pageCacheMiB, dataDir: '.neo4j/data/bench', ...(onProgress ? { onProgress } : {}) };
}
