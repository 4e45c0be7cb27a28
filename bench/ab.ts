/**
 * `npm run bench:ab -- --base REV [--articles N] [--ops mix,search] [options]`: our server as it is
 * in this working tree (uncommitted changes included) against our server at another revision, side
 * by side in alternating rounds on the bench Neo4j that `npm run bench -- --sizes N --keep-db` left
 * running. The way each change to the server was measured before it went in (bench/README.md:
 * "alternating rounds against the build before"): two servers on the same graph at once, the order
 * reversed from one round to the next, throughput, p99 and the CPU per request of each server and
 * of Neo4j, and the ratios of this tree to the base. Both servers run as `npm start` serves at
 * their revision: the response cache on at its default TTL (`--no-cache` turns it off for both)
 * and the Node flags of each revision's start script (`--flags`, `--base-flags` override them).
 *
 * The base is checked out into a temporary git worktree, removed at the end. It shares this
 * checkout's node_modules when its package-lock.json is the same, and gets its own (`npm ci`) when
 * it is not.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { closeCpuMeters } from './cpu.js';
import { keptGraphOptions, openKeptGraph, progressLog, type KeptGraphOptions } from './cli.js';
import { operations } from './ops.js';
import { REPO_ROOT } from './paths.js';
import { div, r2, table } from './report.js';
import { runHttp, startFlags, startNodeServer, timeInRounds, type Contender, type RunResult, type Server } from './serving.js';

interface Options extends KeptGraphOptions {
  base: string;
  ops: string;
  cache: boolean;
  flags?: string;
  baseFlags?: string;
}

const program = keptGraphOptions(
  new Command()
    .name('npm run bench:ab --')
    .description('Our server in this working tree against our server at --base, in alternating rounds (see bench/README.md)')
    .requiredOption('--base <rev>', 'the revision to compare against (a commit, branch or tag)')
    .option('--ops <list>', 'operations of the mix, or "mix" for all of them in turn', 'mix')
    .option('--no-cache', 'both servers with the response cache off (default: on at its default TTL, as npm start serves)')
    .option('--flags <flags>', "this tree's server's Node flags, space-separated (default: those of its npm start)")
    .option('--base-flags <flags>', "the base's server's Node flags (default: those of the base's npm start)"),
  { httpPort: 4640, ports: 'two', duration: 4, warmup: 8 },
);

const log = progressLog('ab');

/** `rev` checked out into a new temporary worktree, with this checkout's node_modules. */
function checkOut(rev: string): { dir: string; commit: string; remove: () => void } {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  let commit: string;
  try {
    commit = git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
  } catch {
    throw new Error(`--base ${rev}: not a commit of this repository`);
  }
  const dir = join(mkdtempSync(join(tmpdir(), 'summit-graph-ab-')), 'base');
  git('worktree', 'add', '--detach', dir, commit);
  const lock = (root: string): string => readFileSync(join(root, 'package-lock.json'), 'utf8');
  if (lock(dir) === lock(REPO_ROOT)) symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  else {
    log(`the base's package-lock.json differs from this tree's: npm ci in ${dir}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 2, 2] });
  }
  return {
    dir,
    commit,
    remove: () => {
      git('worktree', 'remove', '--force', dir);
      rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

program.action(async (o: Options) => {
  const graph = await openKeptGraph(o);
  const all = operations(graph.facts);
  const wanted = o.ops.split(',').map((s) => s.trim());
  for (const name of wanted) if (name !== 'mix' && !all.some((op) => op.name === name)) throw new Error(`no such operation: ${name}`);
  const base = checkOut(o.base);
  const servers: Server[] = [];
  try {
    log(`base ${base.commit.slice(0, 7)} in ${base.dir}; this tree in ${REPO_ROOT}`);
    // bench/server.ts of every revision knows these two: our app with the response cache off, and on at its default TTL.
    const kind = o.cache ? 'ours+cache' : 'ours';
    const args = (port: number): string[] => [kind, String(port), graph.uri];
    const flagsOf = (given: string | undefined, root: string): string[] => (given === undefined ? startFlags(root) : given.split(/\s+/).filter((f) => f !== ''));
    const baseFlags = flagsOf(o.baseFlags, base.dir);
    const treeFlags = flagsOf(o.flags, REPO_ROOT);
    log(`servers: ${kind}; base flags [${baseFlags.join(' ')}], this tree's [${treeFlags.join(' ')}]`);
    servers.push(await startNodeServer('base', 'bench/server.ts', args(o.httpPort), o.httpPort, base.dir, baseFlags));
    servers.push(await startNodeServer('this tree', 'bench/server.ts', args(o.httpPort + 1), o.httpPort + 1, REPO_ROOT, treeFlags));
    const rows: (string | number)[][] = [];
    for (const name of wanted) {
      const requests = all.filter((op) => name === 'mix' || op.name === name).map((op) => op.ours);
      const contenders: Contender[] = (['base', 'this tree'] as const).map((label, i) => {
        const server = servers[i] as Server;
        return { name: label, pid: server.pid, run: (s) => runHttp('ours', name, server.url, requests, o.connections, s) };
      });
      for (const c of contenders) await c.run(o.warmup);
      const [a, b] = (await timeInRounds(contenders, o.rounds, o.duration, graph.db, graph.pid, log, name)) as [RunResult, RunResult];
      const byRound = (m: RunResult): string => (m.rounds ?? []).map((x) => `${r2(x.throughput)}/${x.cpu?.serverMs ?? '-'}`).join(' ');
      for (const [label, m] of [['base', a], ['this tree', b]] as const) {
        rows.push([name, label, r2(m.throughput), m.p50, m.p99, m.cpu?.serverMs ?? '-', m.cpu?.neo4jMs ?? '-', byRound(m)]);
      }
      rows.push([
        name,
        'this tree / base',
        `${div(b.throughput, a.throughput)}x`,
        `${div(b.p50, a.p50)}x`,
        `${div(b.p99, a.p99)}x`,
        a.cpu && b.cpu ? `${div(b.cpu.serverMs, a.cpu.serverMs)}x` : '-',
        a.cpu && b.cpu ? `${div(b.cpu.neo4jMs, a.cpu.neo4jMs)}x` : '-',
        '',
      ]);
    }
    process.stdout.write(
      `\n### this tree against ${o.base} (${base.commit.slice(0, 7)}), ${o.articles} articles, response cache ${o.cache ? 'on' : 'off'}, c=${o.connections}, ${o.rounds} alternating rounds of ${o.duration} s\n\n`,
    );
    process.stdout.write(
      `${table(['operation', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/request', 'Neo4j CPU ms/request', 'each round: req/s / server CPU'], rows)}\n`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    base.remove();
    await graph.close();
    closeCpuMeters();
  }
});

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
