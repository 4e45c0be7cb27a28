/**
 * `npm run bench:layers -- [--articles N] [--ops a,b] [options]`: where an operation's distance from
 * the raw floor goes, layer by layer. For each operation it times, side by side in alternating
 * rounds on the bench Neo4j that `npm run bench -- --sizes N --keep-db` left running:
 *
 * - `ours`: our GraphQL server over HTTP, as in `npm run bench`;
 * - `http + our cypher`: a bare HTTP server (bench/layers-server.ts) that runs the very Cypher query
 *   our server sends for that request, with the same parameters, and writes the rows as JSON;
 * - `http + raw cypher`: the same bare server running the floor's hand-written query;
 * - `raw`: the floor's query through the driver loop, as in `npm run bench`.
 *
 * ours -> http + our cypher is what the GraphQL layer costs (parsing the request, validation and
 * execution, resolvers, our result shape); http + our cypher -> http + raw cypher is what our query
 * costs against the hand-written one; http + raw cypher -> raw is what HTTP itself costs (a second
 * process, a request to read and an answer to write). Prints one table per operation, with
 * throughput, p50 and p99 against raw and the CPU per request by process.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CypherRegistry } from '../src/db/cypher.js';
import { createDriver, Db } from '../src/db/db.js';
import { localNeo4jStatus } from '../src/db/local-neo4j.js';
import { CpuMeter, closeCpuMeters, type CpuPerRequest } from './cpu.js';
import { operations } from './ops.js';
import { benchNeo4j, positiveInt, progressLog } from './cli.js';
import { corpusDir } from './paths.js';
import { div, r2, table } from './report.js';
import { mergeRounds, runHttp, runRaw, settle, startNodeServer, startServer, type Server, type TimedRun } from './serving.js';

interface Options {
  articles: number;
  seed: number;
  ops?: string;
  boltPort: number;
  httpPort: number;
  duration: number;
  rounds: number;
  warmup: number;
  connections: number;
}

const program = new Command()
  .name('npm run bench:layers --')
  .description('Where each operation loses against the raw floor: GraphQL, our Cypher, HTTP (see README, Performance)')
  .option('--articles <n>', 'corpus size whose graph the bench Neo4j holds', positiveInt, 1000)
  .option('--seed <n>', 'corpus seed', positiveInt, 1)
  .option('--ops <list>', 'operations (default: every operation of the mix)')
  .option('--bolt-port <n>', 'Bolt port of the bench Neo4j', positiveInt, 7690)
  .option('--http-port <n>', 'first of three HTTP ports', positiveInt, 4620)
  .option('--duration <s>', 'seconds per round of each implementation', positiveInt, 5)
  .option('--rounds <n>', 'rounds, the order reversed from one to the next', positiveInt, 4)
  .option('--warmup <s>', 'seconds of warm-up of each implementation first', positiveInt, 4)
  .option('--connections <n>', 'concurrency', positiveInt, 16)
  .showHelpAfterError();

const log = progressLog('layers');

program.action(async (o: Options) => {
  const status = await localNeo4jStatus(benchNeo4j(o.boltPort));
  if (!status.running || status.uri === undefined || status.pid === undefined) {
    throw new Error(`the bench Neo4j is not running: start it with its graph by \`npm run bench -- --sizes ${o.articles} --keep-db --no-serving --load-rounds 1\``);
  }
  const factsPath = `${corpusDir(o.articles, o.seed)}/facts.json`;
  const facts = JSON.parse(readFileSync(factsPath, 'utf8'));
  const driver = createDriver(status.uri, 'neo4j', 'neo4j');
  const db = new Db(driver, new CypherRegistry(), 'neo4j').counting(() => {}, 'auto-commit');
  const want = o.ops?.split(',').map((s) => s.trim());
  const ops = operations(facts).filter((op) => want === undefined || want.includes(op.name));
  if (ops.length === 0) throw new Error(`no such operation: ${o.ops}`);
  const ours = await startServer('ours', o.httpPort, status.uri);
  try {
    for (const op of ops) {
      const bare: Server[] = [];
      try {
        for (const [k, kind] of (['our-cypher', 'raw-cypher'] as const).entries()) {
          const port = o.httpPort + 1 + k;
          bare.push(await startNodeServer(kind, 'bench/layers-server.ts', [kind, factsPath, op.name, String(port), status.uri], port));
        }
        const [ourCypher, rawCypher] = bare as [Server, Server];
        type Go = (seconds: number) => Promise<TimedRun>;
        const impls: [string, number | undefined, Go][] = [
          ['ours', ours.pid, (s) => runHttp('ours', op.name, ours.url, [op.ours], o.connections, s)],
          ['http + our cypher', ourCypher.pid, (s) => runHttp('ours', op.name, ourCypher.url, [op.ours], o.connections, s)],
          ['http + raw cypher', rawCypher.pid, (s) => runHttp('ours', op.name, rawCypher.url, [op.ours], o.connections, s)],
          ['raw', undefined, (s) => runRaw(db, op.name, [op], o.connections, s)],
        ];
        for (const [, , go] of impls) await go(o.warmup);
        const parts = new Map<string, { run: TimedRun; cpu: CpuPerRequest | null }[]>();
        for (let r = 0; r < o.rounds; r++) {
          for (const [name, pid, go] of r % 2 === 0 ? impls : [...impls].reverse()) {
            await settle(db, log);
            const meter = new CpuMeter(status.pid, pid);
            const before = await meter.snapshot();
            const run = await go(o.duration);
            if (run.errors > 0) throw new Error(`${op.name}, ${name}: ${run.errors} errors`);
            parts.set(name, [...(parts.get(name) ?? []), { run, cpu: await meter.since(before, run.requests) }]);
            log(`  ${op.name} round ${r + 1}/${o.rounds} ${name}: ${r2(run.throughput)} req/s`);
          }
        }
        const merged = impls.map(([name]) => [name, mergeRounds(parts.get(name) ?? [])] as const);
        const raw = merged[merged.length - 1]?.[1];
        if (raw === undefined) throw new Error('no raw run');
        process.stdout.write(`\n### ${op.name}, ${o.articles} articles, c=${o.connections}, ${o.rounds} rounds of ${o.duration} s\n\n`);
        process.stdout.write(
          `${table(
            ['implementation', 'req/s', 'thr vs raw', 'p50 ms', 'p99 ms', 'p99 vs raw', 'CPU ms/request: Neo4j + server + load generator'],
            merged.map(([name, m]) => [
              name,
              r2(m.throughput),
              `${div(m.throughput, raw.throughput)}x`,
              m.p50,
              m.p99,
              `${div(m.p99, raw.p99)}x`,
              m.cpu ? `${m.cpu.neo4jMs} + ${m.cpu.serverMs} + ${m.cpu.clientMs} = ${m.cpu.totalMs}` : '-',
            ]),
          )}\n`,
        );
      } finally {
        await Promise.all(bare.map((s) => s.stop()));
      }
    }
  } finally {
    await ours.stop();
    await driver.close();
    closeCpuMeters();
  }
});

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
