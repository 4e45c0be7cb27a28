import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpuPerRequest } from '../../bench/cpu.js';
import { mergeRounds, runHttp, startFlags, type TimedRun } from '../../bench/serving.js';

/**
 * The bench's HTTP driver on a loopback server that answers every request at once and records, per
 * connection, the order of the operations it received.
 */
const seen = new Map<string, string[]>();
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk) => (body += String(chunk)));
  req.on('end', () => {
    const key = `${req.socket.remotePort}`;
    const list = seen.get(key) ?? [];
    list.push((JSON.parse(body) as { query: string }).query);
    seen.set(key, list);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runHttp', () => {
  it('starts each connection of a mix at a different operation, then cycles in order', async () => {
    const ops = ['a', 'b', 'c'].map((query) => ({ query, variables: {} }));
    const result = await runHttp('ours', 'mix', url, ops, 3, 1);
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(30);
    const sequences = [...seen.values()];
    expect(sequences).toHaveLength(3);
    // Each connection sends the mix in its order (a, b, c, a, ...), from its own starting point.
    expect(sequences.map((s) => s[0]).sort()).toEqual(['a', 'b', 'c']);
    for (const s of sequences) {
      const start = ['a', 'b', 'c'].indexOf(s[0]!);
      s.forEach((q, i) => expect(q).toBe(['a', 'b', 'c'][(start + i) % 3]));
    }
  });
});

/** A round as runHttp/runRaw return it: latencies sorted, elapsed time kept out of the JSON. */
function timed(latencies: number[], elapsedMs: number, errors = 0): TimedRun {
  const sorted = [...latencies].sort((a, b) => a - b);
  const run = {
    impl: 'ours' as const,
    op: 'mix',
    connections: 16,
    durationSec: elapsedMs / 1000,
    requests: sorted.length,
    throughput: (sorted.length / elapsedMs) * 1000,
    p50: 0,
    p95: 0,
    p99: sorted[sorted.length - 1] ?? 0,
    errors,
  };
  return Object.defineProperties(run, {
    latencies: { value: sorted, enumerable: false },
    elapsedMs: { value: elapsedMs, enumerable: false },
  }) as TimedRun;
}

const cpuOf = (neo4jMs: number, serverMs: number, machineBusy: number): CpuPerRequest => ({
  neo4jMs,
  serverMs,
  clientMs: 0.5,
  totalMs: neo4jMs + serverMs + 0.5,
  machineBusy,
  cores: 2,
});

describe('mergeRounds', () => {
  it('is one run over every request of every round, with each round kept', () => {
    // Round 1: 100 requests of 1..100 ms in 1 s; round 2: 300 requests of 1000 ms in 2 s.
    const a = timed(Array.from({ length: 100 }, (_, i) => i + 1), 1000, 1);
    const b = timed(Array.from({ length: 300 }, () => 1000), 2000);
    const merged = mergeRounds([
      { run: a, cpu: cpuOf(2, 1, 1.5) },
      { run: b, cpu: cpuOf(6, 3, 2) },
    ]);
    expect(merged.requests).toBe(400);
    expect(merged.durationSec).toBe(3);
    expect(merged.throughput).toBe(133.3);
    expect(merged.errors).toBe(1);
    // Percentiles over all 400 latencies: the 100 short ones are the lowest quarter.
    expect(merged.p50).toBe(1000);
    expect(merged.p95).toBe(1000);
    expect(JSON.stringify(mergeRounds([{ run: a, cpu: null }]))).not.toContain('latencies');
    // CPU per request weighted by requests (1 x 100 + 3 x 300) / 400; machine load by time.
    expect(merged.cpu).toEqual({ neo4jMs: 5, serverMs: 2.5, clientMs: 0.5, totalMs: 8, machineBusy: 1.83, cores: 2 });
    expect(merged.rounds?.map((r) => [r.requests, r.throughput, r.errors])).toEqual([
      [100, 100, 1],
      [300, 150, 0],
    ]);
  });

  it('gives the percentiles of the merged latencies, not an average of the rounds\' percentiles', () => {
    const fast = timed(Array.from({ length: 99 }, () => 10), 1000);
    const slow = timed([5000], 1000);
    const merged = mergeRounds([
      { run: fast, cpu: null },
      { run: slow, cpu: null },
    ]);
    expect(merged.p99).toBe(10);
    expect(merged.cpu).toBeNull();
    expect(() => mergeRounds([])).toThrow(/no rounds/);
  });
});

describe('startFlags', () => {
  const root = new URL('../../', import.meta.url);
  const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };

  function flagsOfStart(start: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'summit-graph-flags-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { start } }));
      return startFlags(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("are the Node flags before --import in a checkout's start script, none when it starts through tsx", () => {
    expect(flagsOfStart('node --max-semi-space-size=64 --no-memory-reducer --import tsx src/bin/start.ts')).toEqual(['--max-semi-space-size=64', '--no-memory-reducer']);
    expect(flagsOfStart('node --import tsx src/bin/start.ts')).toEqual([]);
    expect(flagsOfStart('tsx src/bin/start.ts')).toEqual([]);
  });

  // The bench times our server as users run it: `npm start` and the Dockerfile's CMD alike.
  it("are the Dockerfile's too", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(new URL('Dockerfile', root), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...startFlags(), '--import', 'tsx', 'src/bin/start.ts']);
  });

  // The raw floor runs in the bench's own process: it gets the server's flags too.
  it("are the bench commands' own, whose process runs the raw floor", () => {
    for (const name of ['bench', 'bench:layers', 'bench:ab']) {
      const words = scripts[name]?.split(' ') ?? [];
      for (const flag of startFlags()) expect(words, name).toContain(flag);
    }
  });
});
