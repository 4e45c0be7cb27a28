import { describe, expect, it } from 'vitest';
import type { CpuPerRequest } from '../../bench/cpu.js';
import { HTTP_FLOOR_OP } from '../../bench/ops.js';
import { formatSize, ratiosFor, type SizeResult } from '../../bench/report.js';
import type { Impl, RunResult } from '../../bench/serving.js';

const cpu = (neo4jMs: number, serverMs: number, clientMs: number): CpuPerRequest => ({
  neo4jMs,
  serverMs,
  clientMs,
  totalMs: neo4jMs + serverMs + clientMs,
  machineBusy: 1.9,
  cores: 2,
});

const run = (impl: Impl, op: string, throughput: number, c: CpuPerRequest | null, connections = 16): RunResult => ({
  impl,
  op,
  connections,
  durationSec: 5,
  requests: throughput * 5,
  throughput,
  p50: 10,
  p95: 20,
  p99: 30,
  errors: 0,
  cpu: c,
});

describe('bench report: the CPU ceiling', () => {
  const runs = [
    run('ours', 'mix', 300, cpu(3, 3, 1)),
    run('library', 'mix', 250, cpu(4, 3, 1)),
    run('raw', 'mix', 800, cpu(2, 0, 0.5)),
    run('ours', HTTP_FLOOR_OP, 2000, cpu(0, 0.5, 0.5)),
    run('library', HTTP_FLOOR_OP, 2100, cpu(0, 0.45, 0.5)),
    { ...run('ours', 'search', 700, cpu(1, 0.6, 0.1)), p99: 45 },
    run('raw', 'search', 1000, cpu(0.8, 0, 0.2)),
    run('ours', 'search', 900, cpu(1, 0.6, 0.1), 1),
    run('raw', 'search', 1000, cpu(0.8, 0, 0.2), 1),
  ];

  it('bounds any HTTP server by the raw floor plus the HTTP floor', () => {
    const { ceiling } = ratiosFor(runs, []);
    // 2.5 ms raw + 1 ms of HTTP: at most 2.5 / 3.5 of raw's throughput.
    expect(ceiling).toEqual({
      connections: 16,
      rawMixCpuMs: 2.5,
      httpFloorCpuMs: 1,
      maxVsRaw: 0.71,
      twiceLibraryVsRaw: 0.63,
      oursVsRaw: 0.38,
      operations: [
        { op: 'mix', rawCpuMs: 2.5, maxVsRaw: 0.71, minLatencyVsRaw: 1.4, oursVsRaw: 0.38, oursP99VsRaw: 1 },
        // 1 ms raw + 1 ms of HTTP: half of raw's throughput at best, twice its mean latency at least.
        // Only the floor's concurrency (16) has an HTTP floor to compare with.
        { op: 'search', rawCpuMs: 1, maxVsRaw: 0.5, minLatencyVsRaw: 2, oursVsRaw: 0.7, oursP99VsRaw: 1.5 },
      ],
    });
  });

  it('has no ceiling without the HTTP floor run or CPU figures', () => {
    expect(ratiosFor(runs.filter((r) => r.op !== HTTP_FLOOR_OP), []).ceiling).toBeNull();
    expect(ratiosFor(runs.map((r) => ({ ...r, cpu: null })), []).ceiling).toBeNull();
  });

  it('prints the CPU table and the ceiling, and keeps the HTTP floor out of the operations table', () => {
    const s: SizeResult = {
      articles: 1000,
      facts: {} as SizeResult['facts'],
      counts: { nodes: 1, relationships: 1 },
      loads: [],
      checks: [],
      runs,
      ratios: ratiosFor(runs, []),
    };
    const text = formatSize(s);
    expect(text).toMatch(/\| mix +\| 16 \| 3 \+ 3 \+ 1 = 7 \(1\.9\/2\) +\| 4 \+ 3 \+ 1 = 8 \(1\.9\/2\) +\| 2 \+ 0 \+ 0\.5 = 2\.5 \(1\.9\/2\) +\|/);
    expect(text).toMatch(/\| httpFloor \| 16 \| 0 \+ 0\.5 \+ 0\.5 = 1 \(1\.9\/2\) +\| 0 \+ 0\.45 \+ 0\.5 = 0\.95 \(1\.9\/2\) +\| - +\|/);
    expect(text).toContain('at most 0.71x raw throughput (ours: 0.38x; the target 2x @neo4j/graphql is 0.63x raw)');
    expect(text).toMatch(/\| search +\| 1 +\| 0\.5x +\| 2x +\| 0\.7x +\| 1\.5x +\|/);
    const opsTable = text.slice(0, text.indexOf('CPU per request'));
    expect(opsTable).not.toContain(HTTP_FLOOR_OP);
  });
});

describe('bench report: rounds', () => {
  it('lists each round of the runs timed in rounds, with ours/raw per round', () => {
    const round = (throughput: number, p99: number) => ({ durationSec: 5, requests: throughput * 5, throughput, p99, errors: 0, cpu: null });
    const runs = [
      { ...run('ours', 'mix', 300, null), rounds: [round(280, 40), round(320, 30)] },
      { ...run('raw', 'mix', 400, null), rounds: [round(400, 20), round(400, 30)] },
      run('library', 'mix', 100, null),
    ];
    const text = formatSize({ articles: 1000, facts: {} as SizeResult['facts'], counts: { nodes: 1, relationships: 1 }, loads: [], checks: [], runs, ratios: ratiosFor(runs, []) });
    expect(text).toContain('Each round on its own');
    expect(text).toMatch(/\| mix +\| 16 \| 280 \/ 320 +\| 400 \/ 400 +\| 0\.7 \/ 0\.8 +\| 2 \/ 1 +\|/);
  });

  it('has no rounds table for runs timed in one go', () => {
    const runs = [run('ours', 'mix', 300, null), run('raw', 'mix', 400, null)];
    const text = formatSize({ articles: 1000, facts: {} as SizeResult['facts'], counts: { nodes: 1, relationships: 1 }, loads: [], checks: [], runs, ratios: ratiosFor(runs, []) });
    expect(text).not.toContain('Each round on its own');
  });
});
