/** What the bench's command lines share: argument parsing, progress lines, the bench Neo4j and a kept graph. */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { createDriver, Db } from '../src/db/db.js';
import { localNeo4jStatus, type LocalNeo4jOptions } from '../src/db/local-neo4j.js';
import { CORPUS_VERSION, type CorpusFacts } from './corpus.js';
import { corpusDir } from './paths.js';
import { benchQueries, type BenchDb } from './queries.js';

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

/** The options of the commands that time servers on the graph a kept bench Neo4j holds (bench:layers, bench:ab). */
export interface KeptGraphOptions {
  articles: number;
  seed: number;
  boltPort: number;
  httpPort: number;
  duration: number;
  rounds: number;
  warmup: number;
  connections: number;
}

/** Adds the KeptGraphOptions flags to `command`, with the command's own defaults where they differ. */
export function keptGraphOptions(command: Command, defaults: { httpPort: number; ports: string; duration: number; warmup: number }): Command {
  return command
    .option('--articles <n>', 'corpus size whose graph the bench Neo4j holds', positiveInt, 1000)
    .option('--seed <n>', 'corpus seed', positiveInt, 1)
    .option('--bolt-port <n>', 'Bolt port of the bench Neo4j', positiveInt, 7690)
    .option('--http-port <n>', `first of ${defaults.ports} HTTP ports`, positiveInt, defaults.httpPort)
    .option('--duration <s>', 'seconds per round of each implementation', positiveInt, defaults.duration)
    .option('--rounds <n>', 'rounds, the order reversed from one to the next', positiveInt, 4)
    .option('--warmup <s>', 'seconds of warm-up of each implementation first', positiveInt, defaults.warmup)
    .option('--connections <n>', 'concurrency', positiveInt, 16)
    .showHelpAfterError();
}

/** The bench Neo4j that `npm run bench -- --keep-db` left running, and the corpus facts of its graph. */
export interface KeptGraph {
  uri: string;
  /** Neo4j's process, whose CPU each timed run records. */
  pid: number;
  factsPath: string;
  facts: CorpusFacts;
  /** Reads as the raw floor reads (auto-commit, counted nowhere). */
  db: BenchDb;
  close(): Promise<void>;
}

/** Connects to the kept bench Neo4j; fails with the command that starts it when it is not running. */
export async function openKeptGraph(o: KeptGraphOptions): Promise<KeptGraph> {
  const status = await localNeo4jStatus(benchNeo4j(o.boltPort));
  if (!status.running || status.uri === undefined || status.pid === undefined) {
    throw new Error(`the bench Neo4j is not running: start it with its graph by \`npm run bench -- --sizes ${o.articles} --keep-db --no-serving --load-rounds 1\``);
  }
  const factsPath = `${corpusDir(o.articles, o.seed)}/facts.json`;
  const facts = JSON.parse(readFileSync(factsPath, 'utf8')) as CorpusFacts;
  if (facts.version !== CORPUS_VERSION) {
    throw new Error(`${factsPath} was written by an older generator: load the graph again with \`npm run bench -- --sizes ${o.articles} --keep-db --no-serving --load-rounds 1\``);
  }
  const driver = createDriver(status.uri, 'neo4j', 'neo4j');
  const db = new Db(driver, benchQueries(), 'neo4j').counting(() => {}, 'auto-commit');
  return { uri: status.uri, pid: status.pid, factsPath, facts, db, close: () => driver.close() };
}
