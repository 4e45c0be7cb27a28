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
 *
 * `mix` (in the default list, last) times the dashboard mix the same way: every operation in turn
 * on each connection, as `npm run bench` times it, with the bare servers serving every operation
 * (each request answered with its own operation's query). Its `http + raw cypher` row is what a
 * server over HTTP that does nothing but run the floor's queries gets on the mix on this machine.
 */
import { Command } from 'commander';
import { closeCpuMeters } from './cpu.js';
import { keptGraphOptions, openKeptGraph, progressLog, type KeptGraphOptions } from './cli.js';
import { operations } from './ops.js';
import { div, r2, table } from './report.js';
import { REPO_ROOT } from './paths.js';
import { runHttp, runRaw, startFlags, startNodeServer, startServer, timeInRounds, type Contender, type Server } from './serving.js';

interface Options extends KeptGraphOptions {
  ops?: string;
}

const program = keptGraphOptions(
  new Command()
    .name('npm run bench:layers --')
    .description('Where each operation loses against the raw floor: GraphQL, our Cypher, HTTP (see bench/README.md)')
    .option('--ops <list>', 'operations, `mix` among them (default: every operation of the mix, then the mix)'),
  { httpPort: 4620, ports: 'three', duration: 5, warmup: 4 },
);

const log = progressLog('layers');

program.action(async (o: Options) => {
  const graph = await openKeptGraph(o);
  const all = operations(graph.facts);
  const want = o.ops?.split(',').map((s) => s.trim()) ?? [...all.map((op) => op.name), 'mix'];
  const unknown = want.filter((n) => n !== 'mix' && !all.some((op) => op.name === n));
  if (unknown.length > 0 || want.length === 0) throw new Error(`no such operation: ${unknown.join(', ') || o.ops}`);
  // Each timed thing: one operation, or the mix (every operation in turn).
  const timed = want.map((n) => ({ name: n, ops: n === 'mix' ? all : all.filter((op) => op.name === n) }));
  const ours = await startServer('ours', o.httpPort, graph.uri);
  try {
    for (const op of timed) {
      const bare: Server[] = [];
      try {
        for (const [k, kind] of (['our-cypher', 'raw-cypher'] as const).entries()) {
          const port = o.httpPort + 1 + k;
          bare.push(await startNodeServer(kind, 'bench/layers-server.ts', [kind, graph.factsPath, op.name, String(port), graph.uri], port, REPO_ROOT, startFlags()));
        }
        const [ourCypher, rawCypher] = bare as [Server, Server];
        const http = (name: string, server: Server): Contender => ({
          name,
          pid: server.pid,
          run: (s) => runHttp('ours', op.name, server.url, op.ops.map((x) => x.ours), o.connections, s),
        });
        const contenders: Contender[] = [
          http('ours', ours),
          http('http + our cypher', ourCypher),
          http('http + raw cypher', rawCypher),
          { name: 'raw', pid: undefined, run: (s) => runRaw(graph.db, op.name, op.ops, o.connections, s) },
        ];
        for (const c of contenders) await c.run(o.warmup);
        const merged = await timeInRounds(contenders, o.rounds, o.duration, graph.db, graph.pid, log, op.name);
        const raw = merged[merged.length - 1];
        if (raw === undefined) throw new Error('no raw run');
        process.stdout.write(`\n### ${op.name}, ${o.articles} articles, c=${o.connections}, ${o.rounds} rounds of ${o.duration} s\n\n`);
        process.stdout.write(
          `${table(
            ['implementation', 'req/s', 'thr vs raw', 'p50 ms', 'p99 ms', 'p99 vs raw', 'CPU ms/request: Neo4j + server + load generator'],
            merged.map((m, i) => [
              contenders[i]?.name ?? '',
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
    await graph.close();
    closeCpuMeters();
  }
});

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
