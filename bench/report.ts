import type { CorpusFacts } from './corpus.js';
import type { CpuPerRequest } from './cpu.js';
import type { LoadResult } from './loading.js';
import { HTTP_FLOOR_OP } from './ops.js';
import type { CheckResult, RoundFigures, RunResult } from './serving.js';

/** Ours (cache off or on) divided by the other implementation, for one operation (or the mix) at one concurrency. */
export interface Ratio {
  impl: 'ours' | 'ours+cache';
  op: string;
  connections: number;
  throughputVsLibrary: number;
  throughputVsRaw: number;
  p50VsLibrary: number;
  p50VsRaw: number;
  p99VsLibrary: number;
  p99VsRaw: number;
}

export interface SizeResult {
  articles: number;
  facts: CorpusFacts;
  counts: { nodes: number; relationships: number };
  loads: LoadResult[];
  checks: CheckResult[];
  runs: RunResult[];
  ratios: { serving: Ratio[]; loading: { writeRate: number; endToEnd: number } | null; ceiling: Ceiling | null };
}

/**
 * The CPU bound on the mix at the floor run's concurrency, from the runs' CPU per request: a GraphQL
 * server over HTTP does at least the raw floor's work (Neo4j, and the driver's, which the raw floor
 * does in the load generator) plus what HTTP and GraphQL cost with no data (the HTTP floor: server
 * and load generator). With the cores saturated, throughput is inversely proportional to CPU per
 * request, so no such server gets above `maxVsRaw` of the raw floor on this machine.
 */
export interface Ceiling {
  connections: number;
  rawMixCpuMs: number;
  httpFloorCpuMs: number;
  /** rawMixCpuMs / (rawMixCpuMs + httpFloorCpuMs). */
  maxVsRaw: number;
  /** Where the target "2x the library" sits against the raw floor: 2 x library / raw throughput. */
  twiceLibraryVsRaw: number;
  /** Ours / raw throughput on the mix, for comparison with maxVsRaw. */
  oursVsRaw: number;
  /** The same bound for each operation timed at that concurrency, and the mix. */
  operations: OperationCeiling[];
}

/**
 * The CPU ceiling of one operation, and what it implies for latency. In a closed loop of c
 * connections, mean latency is c / throughput (Little's law), so a server held to `maxVsRaw` of the
 * raw floor's throughput answers at best `1 / maxVsRaw` times slower on average than the floor: an
 * operation whose raw CPU is small next to the HTTP floor's cannot have a mean latency close to raw
 * on this machine, and its p99 follows unless its tail is shorter than the floor's.
 */
export interface OperationCeiling {
  op: string;
  rawCpuMs: number;
  /** rawCpuMs / (rawCpuMs + the HTTP floor's CPU). */
  maxVsRaw: number;
  /** 1 / maxVsRaw: the least mean latency of any HTTP server, relative to the raw floor's. */
  minLatencyVsRaw: number;
  oursVsRaw: number;
  oursP99VsRaw: number;
}

export interface Scaling {
  articles: number[];
  /** Mix p50 (ms) per implementation and concurrency, one value per size. */
  p50: Record<string, number[]>;
  /** p50 growth from each size to the next, per implementation and concurrency. */
  growth: Record<string, number[]>;
  /**
   * The same per operation (key "op impl c=N"): the mix p50 is a median over six different
   * operations, so it can hide one operation that grows with the graph behind five that do not.
   */
  opP50: Record<string, number[]>;
  opGrowth: Record<string, number[]>;
}

export const r2 = (x: number): number => Math.round(x * 100) / 100;
export const div = (a: number, b: number): number => (b === 0 ? 0 : r2(a / b));

export function ratiosFor(runs: RunResult[], loads: LoadResult[]): SizeResult['ratios'] {
  const find = (impl: string, op: string, c: number): RunResult | undefined =>
    runs.find((r) => r.impl === impl && r.op === op && r.connections === c);
  const serving: Ratio[] = [];
  for (const ours of runs.filter((r) => r.impl === 'ours' || r.impl === 'ours+cache')) {
    const lib = find('library', ours.op, ours.connections);
    const raw = find('raw', ours.op, ours.connections);
    if (!lib || !raw) continue;
    serving.push({
      impl: ours.impl as Ratio['impl'],
      op: ours.op,
      connections: ours.connections,
      throughputVsLibrary: div(ours.throughput, lib.throughput),
      throughputVsRaw: div(ours.throughput, raw.throughput),
      p50VsLibrary: div(ours.p50, lib.p50),
      p50VsRaw: div(ours.p50, raw.p50),
      p99VsLibrary: div(ours.p99, lib.p99),
      p99VsRaw: div(ours.p99, raw.p99),
    });
  }
  // Each loader's best round (fastest write phase).
  const best = (method: LoadResult['method']): LoadResult | undefined =>
    loads.filter((l) => l.method === method).sort((a, b) => a.writeMs - b.writeMs)[0];
  const ours = best('ours');
  const base = best('baseline');
  const loading = ours && base ? { writeRate: div(base.writeMs, ours.writeMs), endToEnd: div(base.ms, ours.ms) } : null;
  return { serving, loading, ceiling: ceilingOf(runs) };
}

function ceilingOf(runs: RunResult[]): Ceiling | null {
  const floor = runs.find((r) => r.impl === 'ours' && r.op === HTTP_FLOOR_OP);
  if (!floor?.cpu) return null;
  const httpMs = floor.cpu.totalMs;
  const find = (impl: string, op: string): RunResult | undefined => runs.find((r) => r.impl === impl && r.op === op && r.connections === floor.connections);
  const raw = find('raw', 'mix');
  const lib = find('library', 'mix');
  const ours = find('ours', 'mix');
  if (!raw?.cpu || !lib || !ours) return null;
  const operations: OperationCeiling[] = [];
  for (const o of runs.filter((r) => r.impl === 'ours' && r.op !== HTTP_FLOOR_OP && r.connections === floor.connections)) {
    const w = find('raw', o.op);
    if (!w?.cpu) continue;
    const maxVsRaw = div(w.cpu.totalMs, w.cpu.totalMs + httpMs);
    operations.push({
      op: o.op,
      rawCpuMs: w.cpu.totalMs,
      maxVsRaw,
      minLatencyVsRaw: div(w.cpu.totalMs + httpMs, w.cpu.totalMs),
      oursVsRaw: div(o.throughput, w.throughput),
      oursP99VsRaw: div(o.p99, w.p99),
    });
  }
  return {
    connections: floor.connections,
    rawMixCpuMs: raw.cpu.totalMs,
    httpFloorCpuMs: httpMs,
    maxVsRaw: div(raw.cpu.totalMs, raw.cpu.totalMs + httpMs),
    twiceLibraryVsRaw: div(2 * lib.throughput, raw.throughput),
    oursVsRaw: div(ours.throughput, raw.throughput),
    operations,
  };
}

export function scalingOf(sizes: SizeResult[]): Scaling {
  const p50: Record<string, number[]> = {};
  const opP50: Record<string, number[]> = {};
  for (const s of sizes) {
    for (const r of s.runs) {
      if (r.op === 'mix') (p50[`${r.impl} c=${r.connections}`] ??= []).push(r.p50);
      else if (r.op !== HTTP_FLOOR_OP) (opP50[`${r.op} ${r.impl} c=${r.connections}`] ??= []).push(r.p50);
    }
  }
  return { articles: sizes.map((s) => s.articles), p50, growth: growthOf(p50), opP50, opGrowth: growthOf(opP50) };
}

/** Each series' ratio from one size to the next. */
function growthOf(series: Record<string, number[]>): Record<string, number[]> {
  const growth: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(series)) growth[k] = v.slice(1).map((x, i) => div(x, v[i] as number));
  return growth;
}

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(r.map(String)))].join('\n');
}

/** The tables of one corpus size, as Markdown (readable on a terminal, pasteable into bench/README.md). */
export function formatSize(s: SizeResult): string {
  const out: string[] = [];
  out.push(`\n### ${s.articles} articles: ${s.counts.nodes} nodes, ${s.counts.relationships} relationships\n`);
  const get = (impl: string, op: string, c: number): RunResult | undefined => s.runs.find((r) => r.impl === impl && r.op === op && r.connections === c);
  const ratio = (impl: Ratio['impl'], op: string, c: number): Ratio | undefined =>
    s.ratios.serving.find((r) => r.impl === impl && r.op === op && r.connections === c);
  const rows = s.runs
    .filter((r) => r.impl === 'ours' && r.op !== HTTP_FLOOR_OP)
    .map((o) => {
      const l = get('library', o.op, o.connections);
      const w = get('raw', o.op, o.connections);
      const k = get('ours+cache', o.op, o.connections);
      const q = ratio('ours', o.op, o.connections);
      const qc = ratio('ours+cache', o.op, o.connections);
      const check = s.checks.find((c) => c.op === o.op);
      const fig = (r: RunResult | undefined): string => (r ? `${r.throughput} / ${r.p50} / ${r.p99}${r.errors ? ` (${r.errors} err)` : ''}` : '-');
      return [
        o.op,
        o.connections,
        fig(o),
        fig(k),
        fig(l),
        fig(w),
        q ? `${q.throughputVsLibrary}x` : '-',
        q ? `${q.throughputVsRaw}x` : '-',
        q ? `${q.p99VsRaw}x` : '-',
        qc ? `${qc.throughputVsLibrary}x` : '-',
        qc ? `${qc.throughputVsRaw}x` : '-',
        qc ? `${qc.p99VsRaw}x` : '-',
        check ? `${check.roundTrips} (${check.steps ?? '?'} step${check.steps === 1 ? '' : 's'})` : 'mix',
        check ? (check.equal ? 'yes' : 'NO') : s.checks.every((c) => c.equal) ? 'yes' : 'NO',
      ];
    });
  out.push(
    table(
      ['operation', 'c', 'ours req/s / p50 / p99 ms', 'ours+cache', '@neo4j/graphql', 'raw Cypher', 'thr ours/lib', 'thr ours/raw', 'p99 ours/raw', 'thr cache/lib', 'thr cache/raw', 'p99 cache/raw', 'round trips', 'same data'],
      rows,
    ),
  );
  const rounded = s.runs.filter((r) => r.impl === 'ours' && r.op !== HTTP_FLOOR_OP && (r.rounds?.length ?? 0) > 1);
  if (rounded.length > 0) {
    const each = (r: RunResult | undefined): string => r?.rounds?.map((x) => x.throughput).join(' / ') ?? '-';
    out.push('\nEach round on its own (the figures above are over all rounds; the order of the implementations is reversed from one round to the next)\n');
    out.push(
      table(
        ['operation', 'c', 'ours req/s by round', 'raw req/s by round', 'thr ours/raw by round', 'p99 ours/raw by round'],
        rounded.map((o) => {
          const w = get('raw', o.op, o.connections);
          const by = (f: (x: RoundFigures) => number): string =>
            (o.rounds ?? []).map((x, i) => { const y = w?.rounds?.[i]; return y && f(y) > 0 ? r2(f(x) / f(y)) : '-'; }).join(' / ');
          return [o.op, o.connections, each(o), each(w), by((x) => x.throughput), by((x) => x.p99)];
        }),
      ),
    );
  }
  const cpuRuns = s.runs.filter((r) => r.impl === 'ours' && r.cpu);
  if (cpuRuns.length > 0) {
    const fig = (c: CpuPerRequest | null | undefined): string =>
      c ? `${c.neo4jMs} + ${c.serverMs} + ${c.clientMs} = ${c.totalMs} (${c.machineBusy}/${c.cores})` : '-';
    out.push('\nCPU per request, ms: Neo4j + server + load generator = total (cores busy on average / cores)\n');
    out.push(
      table(
        ['operation', 'c', 'ours', '@neo4j/graphql', 'raw Cypher'],
        cpuRuns.map((o) => [o.op, o.connections, fig(o.cpu), fig(get('library', o.op, o.connections)?.cpu), fig(get('raw', o.op, o.connections)?.cpu)]),
      ),
    );
    const c = s.ratios.ceiling;
    if (c) {
      out.push(
        `\nCeiling on the mix at c=${c.connections} for any GraphQL server over HTTP on this machine: the raw floor's ${c.rawMixCpuMs} ms ` +
          `of CPU per request plus the HTTP floor's ${c.httpFloorCpuMs} ms -> at most ${c.maxVsRaw}x raw throughput ` +
          `(ours: ${c.oursVsRaw}x; the target 2x @neo4j/graphql is ${c.twiceLibraryVsRaw}x raw).`,
      );
      if (c.operations.length > 0) {
        out.push(
          `\nThe same bound per operation at c=${c.connections}: raw CPU / (raw CPU + the HTTP floor's ${c.httpFloorCpuMs} ms). In a closed loop ` +
            'mean latency is connections / throughput, so its inverse is the least mean latency of any HTTP server against raw.\n',
        );
        out.push(
          table(
            ['operation', 'raw CPU ms', 'max thr vs raw', 'min latency vs raw', 'ours thr/raw', 'ours p99/raw'],
            c.operations.map((x) => [x.op, x.rawCpuMs, `${x.maxVsRaw}x`, `${x.minLatencyVsRaw}x`, `${x.oursVsRaw}x`, `${x.oursP99VsRaw}x`]),
          ),
        );
      }
    }
  }
  if (s.loads.length > 0) {
    out.push('');
    out.push(
      table(
        ['loader', 'round', 'total s', 'validate+plan s', 'write s', 'nodes', 'rels', 'nodes/s (write)', 'rels/s (write)'],
        s.loads.map((l) => [l.method, l.round ?? 1, r2(l.ms / 1000), r2(l.prepareMs / 1000), r2(l.writeMs / 1000), l.nodes, l.relationships, l.nodesPerSec, l.relationshipsPerSec]),
      ),
    );
    if (s.ratios.loading) {
      out.push(`\nloading, ours vs baseline (rate ratio, best round of each): write phase ${s.ratios.loading.writeRate}x, end to end ${s.ratios.loading.endToEnd}x`);
    }
  }
  return out.join('\n');
}

export function printSize(s: SizeResult): void {
  process.stdout.write(`${formatSize(s)}\n`);
}

export function formatScaling(sc: Scaling): string {
  const sizes = [...sc.articles.map((a) => `${a}`), ...sc.articles.slice(1).map((a, i) => `${sc.articles[i]}->${a}`)];
  const rowsOf = (p50: Record<string, number[]>, growth: Record<string, number[]>): string[][] =>
    Object.entries(p50).map(([k, v]) => [k, ...v.map(String), ...(growth[k] ?? []).map((g) => `${g}x`)]);
  return (
    `\n### Scaling: mix p50 by corpus size\n\n${table(['mix p50 (ms)', ...sizes], rowsOf(sc.p50, sc.growth))}\n` +
    `\n### Scaling: p50 of each operation by corpus size\n\n${table(['p50 (ms)', ...sizes], rowsOf(sc.opP50, sc.opGrowth))}`
  );
}

export function printScaling(sc: Scaling): void {
  process.stdout.write(`${formatScaling(sc)}\n`);
}
