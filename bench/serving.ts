import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { BenchDb } from './queries.js';
import { CpuMeter, type CpuPerRequest } from './cpu.js';
import { cypherParams } from './loading.js';
import type { GraphQLRequest, Operation } from './ops.js';
import { REPO_ROOT } from './paths.js';

/** `ours+cache` is our server with the response cache on (RESPONSE_CACHE_TTL_MS default); `ours` has it off. */
export type Impl = 'ours' | 'ours+cache' | 'library' | 'raw';
export type ServerKind = Exclude<Impl, 'raw'>;
export const IMPLS: readonly Impl[] = ['ours', 'ours+cache', 'library', 'raw'];

/** One timed run: one implementation, one operation (or the mix), one concurrency. */
export interface RunResult {
  impl: Impl;
  op: string;
  connections: number;
  durationSec: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU per request by process during the timed run (bench/cpu.ts); null if nothing completed. */
  cpu?: CpuPerRequest | null;
  /**
   * When the run was timed in several rounds (bench/run.ts --rounds), each round's own figures; the
   * fields above are then over all rounds' requests together (mergeRounds).
   */
  rounds?: RoundFigures[];
}

/** One round of a run timed in rounds. */
export interface RoundFigures {
  durationSec: number;
  requests: number;
  throughput: number;
  p99: number;
  errors: number;
  cpu: CpuPerRequest | null;
}

/** A timed run with what merging it with other rounds needs: every latency (sorted) and its elapsed time. */
export interface TimedRun extends RunResult {
  latencies: number[];
  elapsedMs: number;
}

export interface Server {
  url: string;
  /** The server's process, whose CPU each timed run records. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The Node flags `npm start` runs the server with in the checkout at `root` (the `node --flag...`
 * before `--import` in its package.json's start script; none when it starts through `tsx`), so
 * that every benchmarked server, ours and the library's, runs as users run ours. bench:ab reads
 * each revision's own.
 */
export function startFlags(root = REPO_ROOT): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (scripts?.start ?? '').split(/\s+/);
  if (words[0] !== 'node') return [];
  const flags: string[] = [];
  for (const w of words.slice(1)) {
    if (w === '--import' || !w.startsWith('--')) break;
    flags.push(w);
  }
  return flags;
}

/** How long `settle` waits for Neo4j to finish the queries of the run before, at most. */
const SETTLE_MAX_MS = 30_000;

/**
 * Waits until Neo4j runs no transaction but the one asking (bench.transactions), polling every
 * 50 ms. When autocannon's window closes, the requests in flight are abandoned, not finished: the
 * servers still run their queries. At 100k, 16 summit-quote queries at ~70 ms of Neo4j CPU each
 * (11 still running 50 ms after a run, gone 220 ms later) would otherwise fall into the next run's
 * window, on the CPU per request and the throughput of whichever implementation runs next. The raw
 * floor's loop finishes its queries before it returns, so it never left such work behind.
 */
export async function settle(db: BenchDb, log: (message: string) => void): Promise<void> {
  const until = performance.now() + SETTLE_MAX_MS;
  for (;;) {
    const [row] = await db.read('bench.transactions');
    if (Number(row?.others ?? 0) === 0) return;
    if (performance.now() > until) {
      log(`  Neo4j still runs ${String(row?.others)} transaction(s) after ${SETTLE_MAX_MS / 1000} s; timing anyway`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts bench/server.ts in a child process, with npm start's Node flags, and resolves once it listens. */
export function startServer(kind: ServerKind, port: number, boltUri: string): Promise<Server> {
  return startNodeServer(kind, 'bench/server.ts', [kind, String(port), boltUri], port, REPO_ROOT, startFlags());
}

/**
 * Starts a TypeScript HTTP server (a script that prints READY once it listens on 127.0.0.1:`port`
 * and stops on SIGTERM) in a child process with the Node flags `nodeFlags`, and resolves once it
 * listens. `script` is relative to `cwd`, this checkout by default (bench/ab.ts starts another's).
 */
export async function startNodeServer(label: string, script: string, args: string[], port: number, cwd = REPO_ROOT, nodeFlags: readonly string[] = []): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} server did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${label} server exited with code ${code} before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  if (child.pid === undefined) throw new Error(`${label} server has no pid`);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** POSTs one GraphQL request; throws on HTTP or GraphQL errors. */
export async function post(url: string, req: GraphQLRequest): Promise<{ data: any; extensions?: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[]; extensions?: unknown };
  if (!res.ok || body.errors !== undefined) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body as { data: any; extensions?: any };
}

export interface CheckResult {
  op: string;
  equal: boolean;
  /** Cypher round trips our server reported for this operation. */
  roundTrips: number | null;
  /** Sequential steps among them (extensions.cypherSteps): the depth of the request's queries. */
  steps: number | null;
  /** Set when the answers differ: the three normalized answers, cut short. */
  detail?: string;
}

/**
 * Asks each implementation once and compares the normalized answers. Our cached server is asked
 * twice (a miss, then a hit from its cache); both answers must equal the others.
 */
export async function checkOperation(op: Operation, oursUrl: string, cachedUrl: string, libraryUrl: string, db: BenchDb): Promise<CheckResult> {
  const ours = await post(oursUrl, op.ours);
  const miss = await post(cachedUrl, op.ours);
  const hit = await post(cachedUrl, op.ours);
  const library = await post(libraryUrl, op.library);
  const raw = await db.read(op.raw.query, cypherParams(op.raw.params));
  const a = op.normalizeOurs(ours.data);
  const b = op.normalizeLibrary(library.data);
  const c = op.normalizeRaw(raw);
  const equal =
    isDeepStrictEqual(a, b) &&
    isDeepStrictEqual(a, c) &&
    isDeepStrictEqual(a, op.normalizeOurs(miss.data)) &&
    isDeepStrictEqual(a, op.normalizeOurs(hit.data));
  const roundTrips = typeof ours.extensions?.cypherRoundTrips === 'number' ? ours.extensions.cypherRoundTrips : null;
  const steps = typeof ours.extensions?.cypherSteps === 'number' ? ours.extensions.cypherSteps : null;
  return {
    op: op.name,
    equal,
    roundTrips,
    steps,
    ...(equal ? {} : { detail: JSON.stringify({ ours: a, library: b, raw: c }).slice(0, 3000) }),
  };
}

/** Exact percentile of sorted latencies (ms), nearest rank. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] as number) * 100) / 100;
}

function summarize(impl: Impl, op: string, connections: number, durationMs: number, latencies: number[], errors: number): TimedRun {
  const sorted = latencies.sort((x, y) => x - y);
  const result: TimedRun = {
    impl,
    op,
    connections,
    durationSec: Math.round(durationMs) / 1000,
    requests: sorted.length,
    throughput: Math.round((sorted.length / durationMs) * 1000 * 10) / 10,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    latencies: sorted,
    elapsedMs: durationMs,
  };
  // Kept for merging, never written out: JSON.stringify skips non-enumerable properties.
  Object.defineProperty(result, 'latencies', { enumerable: false });
  Object.defineProperty(result, 'elapsedMs', { enumerable: false });
  return result;
}

/**
 * One implementation's rounds of one comparison as one run: throughput is all rounds' requests over
 * their summed time, percentiles are over every request of every round, CPU per request is
 * weighted by each round's requests (and machine load by its time). Each round's own figures are
 * kept in `rounds`, so the spread between them is in the JSON.
 */
export function mergeRounds(parts: { run: TimedRun; cpu: CpuPerRequest | null }[]): RunResult {
  const first = parts[0];
  if (first === undefined) throw new Error('mergeRounds: no rounds');
  const latencies = parts.flatMap((p) => p.run.latencies);
  const elapsedMs = parts.reduce((t, p) => t + p.run.elapsedMs, 0);
  const errors = parts.reduce((t, p) => t + p.run.errors, 0);
  const merged = summarize(first.run.impl, first.run.op, first.run.connections, elapsedMs, latencies, errors);
  const measured = parts.filter((p): p is { run: TimedRun; cpu: CpuPerRequest } => p.cpu !== null);
  const weigh = (f: (c: CpuPerRequest) => number, by: (p: { run: TimedRun }) => number): number => {
    const total = measured.reduce((t, p) => t + by(p), 0);
    return total > 0 ? Math.round((measured.reduce((t, p) => t + f(p.cpu) * by(p), 0) / total) * 100) / 100 : 0;
  };
  const requestsOf = (p: { run: TimedRun }): number => p.run.requests;
  const cpu: CpuPerRequest | null =
    measured.length === 0
      ? null
      : {
          neo4jMs: weigh((c) => c.neo4jMs, requestsOf),
          serverMs: weigh((c) => c.serverMs, requestsOf),
          clientMs: weigh((c) => c.clientMs, requestsOf),
          totalMs: weigh((c) => c.totalMs, requestsOf),
          machineBusy: weigh((c) => c.machineBusy, (p) => p.run.elapsedMs),
          cores: measured[0]?.cpu.cores ?? 0,
        };
  return {
    ...merged, // its latencies and elapsed time are not enumerable, so not copied
    cpu,
    rounds: parts.map(({ run, cpu: c }) => ({ durationSec: run.durationSec, requests: run.requests, throughput: run.throughput, p99: run.p99, errors: run.errors, cpu: c })),
  };
}

/** One implementation in timeInRounds: its name, the pid whose CPU counts as the server's, and one timed run. */
export interface Contender {
  name: string;
  pid: number | undefined;
  run: (seconds: number) => Promise<TimedRun>;
}

/**
 * Times `contenders` against each other in `rounds` rounds of `seconds` each, the order reversed
 * from one round to the next (A B C, then C B A), each run after `settle` and with the CPU per
 * request of Neo4j (`neo4jPid`) and of the contender's server; a run with any error fails. Returns
 * each contender's rounds merged (mergeRounds), in the contenders' order. bench:layers and bench:ab
 * time through it (`what` names the operation in the progress lines).
 */
export async function timeInRounds(
  contenders: readonly Contender[],
  rounds: number,
  seconds: number,
  db: BenchDb,
  neo4jPid: number,
  log: (message: string) => void,
  what: string,
): Promise<RunResult[]> {
  const parts = new Map<string, { run: TimedRun; cpu: CpuPerRequest | null }[]>();
  for (let r = 0; r < rounds; r++) {
    for (const c of r % 2 === 0 ? contenders : [...contenders].reverse()) {
      await settle(db, log);
      const meter = new CpuMeter(neo4jPid, c.pid);
      const before = await meter.snapshot();
      const run = await c.run(seconds);
      if (run.errors > 0) throw new Error(`${what}, ${c.name}: ${run.errors} errors`);
      const cpu = await meter.since(before, run.requests);
      parts.set(c.name, [...(parts.get(c.name) ?? []), { run, cpu }]);
      log(`  ${what} round ${r + 1}/${rounds} ${c.name}: ${Math.round(run.throughput * 100) / 100} req/s, server ${cpu?.serverMs ?? '-'} ms/request`);
    }
  }
  return contenders.map((c) => mergeRounds(parts.get(c.name) ?? []));
}

/**
 * Drives a GraphQL server over HTTP with autocannon: `connections` keep-alive connections, each
 * sending `requests` in turn (one request = one operation; several = the mix, in order). Latency
 * is recorded per response (autocannon's own summary has no p95).
 *
 * Connection k starts the mix at request k (mod its length), as runRaw's worker k does. By default
 * every autocannon connection starts at the first request, so the "mix" ran in phases: all 16
 * connections on the summit list, then all on a leader's summits, then all on one busy summit's
 * quotes... (at 100k, a 5-s run is about five such cycles, and where the window ended moved the
 * mix's throughput by tens of percent; 0.73x the library in one run whose per-operation figures
 * implied 1.4x).
 */
export async function runHttp(
  impl: ServerKind,
  op: string,
  url: string,
  requests: GraphQLRequest[],
  connections: number,
  seconds: number,
): Promise<TimedRun> {
  const latencies: number[] = [];
  let bad = 0;
  const built = requests.map((r) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) }));
  let nextClient = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: built,
        setupClient: (client) => {
          const k = nextClient++ % built.length;
          if (k > 0) client.setRequests([...built.slice(k), ...built.slice(0, k)]);
        },
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) bad += 1;
      latencies.push(responseTime);
    });
  });
  const elapsed = performance.now() - started;
  return summarize(impl, op, connections, elapsed, latencies, bad + result.errors + result.timeouts);
}

/**
 * The floor: the hand-written queries through the driver (Db.read: a managed read transaction and
 * conversion to plain values, as any client does), `connections` workers in a bounded loop until
 * `seconds` have passed, each running `ops` in turn.
 */
export async function runRaw(db: BenchDb, op: string, ops: Operation[], connections: number, seconds: number): Promise<TimedRun> {
  const latencies: number[] = [];
  let errors = 0;
  const params = ops.map((o) => cypherParams(o.raw.params));
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      for (let i = w; performance.now() < end; i++) {
        const k = i % ops.length;
        const t0 = performance.now();
        try {
          await db.read((ops[k] as Operation).raw.query, params[k]);
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summarize('raw', op, connections, performance.now() - started, latencies, errors);
}
