/**
 * `npm run bench [-- --quick] [options]`: serving, loading and scaling, side by side in one run on
 * one Neo4j (its own instance: `.neo4j/data/bench`, Bolt on 127.0.0.1:7690 by default; never the
 * dev database on 7687 or the test instances). Prints tables and writes every figure to
 * `bench/results/<timestamp>.json`. See bench/README.md.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDriver, Db } from '../src/db/db.js';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../src/db/local-neo4j.js';
import { CORPUS_VERSION, generateCorpus, type CorpusFacts } from './corpus.js';
import { graphCounts, loadBaseline, loadOurs, type LoadResult } from './loading.js';
import { CpuMeter, closeCpuMeters, type CpuPerRequest } from './cpu.js';
import { HTTP_FLOOR, HTTP_FLOOR_OP, operations } from './ops.js';
import { benchNeo4j, BENCH_HEAP, BENCH_PAGECACHE_MIB, positiveInt, progressLog } from './cli.js';
import { corpusDir, REPO_ROOT } from './paths.js';
import { benchQueries, type BenchDb } from './queries.js';
import { printSize, printScaling, ratiosFor, scalingOf, type SizeResult } from './report.js';
import { checkOperation, IMPLS, mergeRounds, runHttp, runRaw, settle, startServer, type CheckResult, type RunResult, type TimedRun } from './serving.js';

interface Options {
  quick?: boolean;
  sizes?: string;
  seed: number;
  boltPort: number;
  httpPort: number;
  heap: string;
  pagecache: number;
  duration?: number;
  rounds?: number;
  warmup?: number;
  connections?: string;
  loadCompareMax?: number;
  keepDb?: boolean;
  serving?: boolean;
  loadRounds?: number;
}

const program = new Command()
  .name('npm run bench --')
  .description('Benchmark our GraphQL API against @neo4j/graphql and raw Cypher, plus loading and scaling.')
  .option('--quick', '1k articles, short runs (under 5 minutes)')
  .option('--sizes <list>', 'corpus sizes in articles (default 1000,10000,100000; --quick: 1000)')
  .option('--seed <n>', 'corpus seed', positiveInt, 1)
  .option('--bolt-port <n>', 'Bolt port of the bench Neo4j', positiveInt, 7690)
  .option('--http-port <n>', 'first of the three HTTP ports (ours, ours+cache, then @neo4j/graphql)', positiveInt, 4100)
  .option('--heap <size>', 'bench Neo4j JVM heap', BENCH_HEAP)
  .option('--pagecache <MiB>', 'bench Neo4j page cache (MiB)', positiveInt, BENCH_PAGECACHE_MIB)
  .option('--duration <s>', 'seconds per timed run of each implementation, over all its rounds (default 10; --quick: 3)', positiveInt)
  .option('--rounds <n>', 'rounds each timed run is split into, the order of the implementations reversed from one round to the next (default 2; --quick: 1)', positiveInt)
  .option('--warmup <s>', 'seconds of warm-up before each timed run (default 3; --quick: 1)', positiveInt)
  .option('--connections <list>', 'concurrency levels of the mix (default 1,16,64)')
  .option('--load-compare-max <n>', 'largest size whose loading is compared (our loader vs baseline); larger sizes are built with the baseline (default 10000)', positiveInt)
  .option('--keep-db', 'leave the bench Neo4j running afterwards')
  .option('--load-rounds <n>', 'timed loads of each loader per compared size, after one warm-up load of each, alternating which goes first (default 2; --quick: 1)', positiveInt)
  .option('--no-serving', 'corpus and loading only (no servers, no timed queries)')
  .showHelpAfterError();

/** Per-operation runs use this concurrency (the targets are stated at 16). */
const OP_CONNECTIONS = 16;

program.action(async (opts: Options) => {
  const quick = opts.quick === true;
  const sizes = (opts.sizes ?? (quick ? '1000' : '1000,10000,100000')).split(',').map((s) => positiveInt(s.trim()));
  const duration = opts.duration ?? (quick ? 3 : 10);
  const warmup = opts.warmup ?? (quick ? 1 : 3);
  const rounds = opts.rounds ?? (quick ? 1 : 2);
  const mixConnections = (opts.connections ?? '1,16,64').split(',').map((s) => positiveInt(s.trim()));
  const loadCompareMax = opts.loadCompareMax ?? 10_000;
  const loadRounds = opts.loadRounds ?? (quick ? 1 : 2);
  const neo = benchNeo4j(opts.boltPort, opts.heap, opts.pagecache, log);
  const startedAt = new Date();
  const results: SizeResult[] = [];
  try {
    for (const articles of sizes) {
      results.push(await benchSize(articles, opts.seed, neo, { duration, rounds, warmup, mixConnections, loadCompareMax, loadRounds, httpPort: opts.httpPort, serving: opts.serving !== false }));
      printSize(results[results.length - 1] as SizeResult);
    }
  } finally {
    if (opts.keepDb !== true) await stopLocalNeo4j(neo);
  }
  const scaling = scalingOf(results);
  if (results.length > 1) printScaling(scaling);
  const out = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    options: { quick, sizes, seed: opts.seed, duration, rounds, warmup, mixConnections, opConnections: OP_CONNECTIONS, heap: opts.heap, pagecacheMiB: opts.pagecache, loadCompareMax, loadRounds },
    sizes: results,
    scaling,
  };
  const dir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`\nAll figures: ${file}\n`);
  const failed = results.flatMap((r) => r.runs.filter((x) => x.errors > 0).map((x) => `${r.articles} articles: ${x.impl} ${x.op} c=${x.connections}: ${x.errors} errors`));
  if (failed.length > 0) {
    process.stderr.write(`Some timed runs had errors, so their figures are not comparable:\n  ${failed.join('\n  ')}\n`);
    process.exitCode = 1;
  }
  if (results.some((r) => r.checks.some((c) => !c.equal))) {
    process.stderr.write('Some operations returned different data (see "checks" above and in the JSON).\n');
    process.exitCode = 1;
  }
});

const log = progressLog('bench');

interface Connection {
  db: BenchDb;
  uri: string;
  /** The bench Neo4j's process, whose CPU each timed run records. */
  pid: number;
  close(): Promise<void>;
}

/** Graphs up to this many nodes are emptied with DETACH DELETE; larger ones by deleting the folder. */
const WIPE_BY_QUERY_MAX_NODES = 300_000;

/**
 * An empty bench Neo4j. A small graph is emptied in place (DETACH DELETE in batches: no JVM
 * restart); a large one by stopping Neo4j, deleting its data folder and starting it again.
 */
async function freshNeo4j(neo: LocalNeo4jOptions): Promise<Connection> {
  const connectTo = async (uri: string, pid: number): Promise<Connection> => {
    const driver = createDriver(uri, 'neo4j', 'neo4j');
    await driver.verifyConnectivity();
    return { db: new Db(driver, benchQueries(), 'neo4j'), close: () => driver.close(), uri, pid };
  };
  const status = await localNeo4jStatus(neo);
  if (status.running && status.uri !== undefined && status.pid !== undefined) {
    const conn = await connectTo(status.uri, status.pid);
    if ((await graphCounts(conn.db)).nodes <= WIPE_BY_QUERY_MAX_NODES) {
      await conn.db.autoCommit('bench.reset');
      return conn;
    }
    await conn.close();
  }
  await stopLocalNeo4j(neo);
  rmSync(join(REPO_ROOT, neo.dataDir as string), { recursive: true, force: true });
  const { uri, pid } = await startLocalNeo4j(neo);
  return connectTo(uri, pid);
}

interface SizeOptions {
  /** Seconds of each implementation's timed run, over all its rounds. */
  duration: number;
  /** Rounds each timed run is split into (see compare). */
  rounds: number;
  warmup: number;
  mixConnections: number[];
  loadCompareMax: number;
  httpPort: number;
  loadRounds: number;
  /** False: stop after loading. */
  serving: boolean;
}

async function benchSize(articles: number, seed: number, neo: LocalNeo4jOptions, o: SizeOptions): Promise<SizeResult> {
  // --- Corpus -------------------------------------------------------------------------------------
  const dir = corpusDir(articles, seed);
  const factsFile = join(dir, 'facts.json');
  // A corpus an older generator wrote (no version, or another) is written again.
  if (!existsSync(factsFile) || (JSON.parse(readFileSync(factsFile, 'utf8')) as Partial<CorpusFacts>).version !== CORPUS_VERSION) {
    log(`Generating ${articles} articles (seed ${seed}) into ${dir}...`);
    rmSync(dir, { recursive: true, force: true });
    const g = generateCorpus({ articles, seed, outDir: dir });
    log(`  ${g.files} files in ${g.ms} ms`);
  }
  const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as CorpusFacts;
  const seedDir = join(dir, 'seed');

  // --- Loading ------------------------------------------------------------------------------------
  const loads: LoadResult[] = [];
  // Each load gets an empty Neo4j; the last one's graph is the one served.
  let last: Connection | undefined;
  /** One load into an empty graph; round 0 is a warm-up, logged but not recorded. */
  const load = async (method: LoadResult['method'], round: number): Promise<void> => {
    await last?.close();
    last = await freshNeo4j(neo);
    const r = method === 'ours' ? await loadOurs(last.db, seedDir) : await loadBaseline(last.db, seedDir);
    if (round > 0) loads.push({ ...r, round });
    log(`  ${round > 0 ? '' : 'warm-up, not recorded: '}${JSON.stringify({ ...r, round })}`);
  };
  if (articles <= o.loadCompareMax) {
    // A warm-up load with each loader first: on a fresh JVM each load of the 1k corpus ran faster
    // than the one before for five or six loads (11.0, 11.5, 4.9, 3.7, 3.1, 3.3, 2.4 s), so the
    // best round went to whichever loader ran last. Then rounds alternate which loader goes first;
    // the ratio uses each loader's best round.
    for (const method of ['ours', 'baseline'] as const) {
      log(`Loading ${articles} articles, warm-up: ${method === 'ours' ? 'our loader' : 'baseline'}...`);
      await load(method, 0);
    }
    for (let round = 1; round <= o.loadRounds; round++) {
      for (const method of round % 2 === 1 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) {
        log(method === 'ours'
          ? `Loading ${articles} articles, round ${round}: our loader (as npm run load: whole files per transaction)...`
          : `Loading ${articles} articles, round ${round}: baseline (single UNWIND per kind of row)...`);
        await load(method, round);
      }
    }
  } else {
    log(`Building the ${articles}-article graph with the baseline loader (our loader is compared up to ${o.loadCompareMax})...`);
    await load('baseline', 1);
  }
  if (last === undefined) throw new Error('no load ran (--load-rounds must be at least 1)');
  const conn: Connection = last;
  const counts = await graphCounts(conn.db);
  if (!o.serving) {
    await conn.close();
    return { articles, facts, counts, loads, checks: [], runs: [], ratios: ratiosFor([], loads) };
  }

  // --- Serving ------------------------------------------------------------------------------------
  collectLoadGarbage();
  const ops = operations(facts);
  log('Starting our server (response cache off, and on) and the @neo4j/graphql server...');
  const [ours, cached, library] = await Promise.all([
    startServer('ours', o.httpPort, conn.uri),
    startServer('ours+cache', o.httpPort + 1, conn.uri),
    startServer('library', o.httpPort + 2, conn.uri),
  ]);
  const urls = { ours: ours.url, 'ours+cache': cached.url, library: library.url };
  const checks: CheckResult[] = [];
  const runs: RunResult[] = [];
  // The floor reads as our server does: one auto-commit query per call (no BEGIN/COMMIT round trips).
  const rawDb = conn.db.counting(() => {}, 'auto-commit');
  try {
    for (const op of ops) {
      const c = await checkOperation(op, ours.url, cached.url, library.url, conn.db);
      checks.push(c);
      log(`  check ${op.name}: ${c.equal ? 'same data' : 'DIFFERENT DATA'}, ${c.roundTrips} round trip(s) in ${c.steps} step(s)${c.detail ? `\n${c.detail}` : ''}`);
    }
    const pids = { ours: ours.pid, 'ours+cache': cached.pid, library: library.pid };
    type Go = (seconds: number) => Promise<TimedRun>;
    /** One timed run of one implementation: its figures and the CPU it cost, per request. */
    const timedRun = async (impl: (typeof IMPLS)[number], go: Go, seconds: number): Promise<{ run: TimedRun; cpu: CpuPerRequest | null }> => {
      await settle(rawDb, log);
      const meter = new CpuMeter(conn.pid, impl === 'raw' ? undefined : pids[impl]);
      const before = await meter.snapshot();
      const run = await go(seconds);
      return { run, cpu: await meter.since(before, run.requests) };
    };
    // One operation (or the mix) at one concurrency, every implementation: all are warmed up first,
    // then timed in `o.rounds` rounds of duration/rounds seconds each, in an order that is reversed
    // from one round to the next (A B C D, then D C B A: a drift of the machine's speed during the
    // comparison falls on every implementation alike) and rotates from one comparison to the next, so
    // that no implementation is always the first to run an operation's queries (JIT compilation,
    // plan caches and the previous run's garbage in Neo4j's JVM would otherwise fall on the same one
    // every time). Each implementation's rounds are then merged into one run (mergeRounds).
    let comparison = 0;
    const compare = async (name: string, entries: [(typeof IMPLS)[number], Go][], connections: number): Promise<void> => {
      for (const [, go] of entries) await go(o.warmup);
      const shift = comparison++ % entries.length;
      const order = [...entries.slice(shift), ...entries.slice(0, shift)];
      const parts = new Map<string, { run: TimedRun; cpu: CpuPerRequest | null }[]>();
      for (let k = 0; k < o.rounds; k++) {
        for (const [impl, go] of k % 2 === 0 ? order : [...order].reverse()) {
          const part = await timedRun(impl, go, o.duration / o.rounds);
          parts.set(impl, [...(parts.get(impl) ?? []), part]);
          if (o.rounds > 1) log(`    round ${k + 1}/${o.rounds} ${impl.padEnd(10)} ${part.run.throughput} req/s p99 ${part.run.p99} ms`);
        }
      }
      for (const [impl] of order) {
        const r = mergeRounds(parts.get(impl) ?? []);
        runs.push(r);
        const cpu = r.cpu;
        log(
          `  ${impl.padEnd(7)} ${name.padEnd(13)} c=${String(connections).padEnd(2)} ${r.throughput} req/s p50 ${r.p50} p99 ${r.p99} ms${r.errors ? ` errors ${r.errors}` : ''}` +
            (cpu ? `; CPU ms/request neo4j ${cpu.neo4jMs} server ${cpu.serverMs} client ${cpu.clientMs}` : ''),
        );
      }
    };
    const goFor = (impl: (typeof IMPLS)[number], name: string, list: typeof ops, connections: number): Go =>
      (seconds) =>
        impl === 'raw'
          ? runRaw(rawDb, name, list, connections, seconds)
          : runHttp(impl, name, urls[impl], list.map((x) => (impl === 'library' ? x.library : x.ours)), connections, seconds);
    // Before anything is timed, every implementation runs the whole mix for a while: the graph was
    // just loaded, so Neo4j's JVM has compiled its write paths, not the reads, and the per-operation
    // warm-up is short. The first timed run (always ours, summitList) looked like it paid for that:
    // at 1k its queries cost Neo4j 10.8 ms per request in the 15:10 run, raw Cypher's 4.1.
    log(`  warm-up: the mix through every implementation, ${3 * o.warmup} s each`);
    for (const impl of IMPLS) await goFor(impl, 'mix', ops, OP_CONNECTIONS)(3 * o.warmup);
    for (const op of ops) {
      await compare(op.name, IMPLS.map((impl) => [impl, goFor(impl, op.name, [op], OP_CONNECTIONS)]), OP_CONNECTIONS);
    }
    for (const c of o.mixConnections) await compare('mix', IMPLS.map((impl) => [impl, goFor(impl, 'mix', ops, c)]), c);
    // What HTTP and GraphQL alone cost: a query that runs no Cypher, on both yoga servers.
    await compare(
      HTTP_FLOOR_OP,
      (['ours', 'library'] as const).map((impl) => [impl, (seconds: number) => runHttp(impl, HTTP_FLOOR_OP, urls[impl], [HTTP_FLOOR], OP_CONNECTIONS, seconds)]),
      OP_CONNECTIONS,
    );
  } finally {
    closeCpuMeters();
    await Promise.all([ours.stop(), cached.stop(), library.stop()]);
    await conn.close();
  }
  const result: SizeResult = { articles, facts, counts, loads, checks, runs, ratios: ratiosFor(runs, loads) };
  return result;
}

/**
 * Collects the load phase's garbage before anything is timed: this process validated and planned
 * the corpus (at 100k, some 6 GB allocated), and it runs the raw floor and the load generator, so
 * the floor would otherwise be timed on that heap. `npm run bench` runs with --expose-gc; without
 * it (tsx bench/run.ts) this only says so.
 */
function collectLoadGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const heapMiB = (): number => Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  if (gc === undefined) {
    log(`  Node runs without --expose-gc: the load phase's garbage (heap ${heapMiB()} MiB) is left to V8`);
    return;
  }
  const before = heapMiB();
  gc();
  log(`  collected the load phase's garbage: heap ${before} -> ${heapMiB()} MiB`);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
