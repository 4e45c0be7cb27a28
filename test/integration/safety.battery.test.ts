/**
 * The generated battery of issue 22: over 300 bad seed files and over 80 bad raw articles
 * (test/support/bad-inputs.ts), plus FIFOs, devices, sockets, symlink loops and broken links. Every
 * one must end with exit 1 and a message naming its file, within a time limit, with bounded memory,
 * and leave the graph's checksum as it was.
 *
 * How it is run, and why: a command-line start costs 2-3 s (Node, tsx, the driver, the schema),
 * so 400 runs one by one would take a quarter of an hour of the 20-minute CI budget shared by
 * everyone's tests. Instead:
 * - every seed case is validated alone, in-process, through the loader's own validation with the
 *   graph's lookups (what `npm run load` runs before writing), which must refuse it naming its file;
 * - the command line then runs on all seed cases at once, in two folders (the loader reports every
 *   file's problems in one run, but checks cross-file meaning only once every file has parsed, so
 *   files that fail parsing and well-formed files that fail those checks go in separate runs), and
 *   on all raw articles at once (the ingest reports and skips each bad file);
 * - the special files (FIFOs, devices, sockets, loops) together in one run and the FIFO and
 *   /dev/zero alone, and a sample of single cases.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, existingLookup, graphClaims, loadSeedPaths, validateSeedPaths } from '../../src/seed/load.js';
import { referenceFactsLookup } from '../../src/seed/reference-checks.js';
import { printable } from '../../src/seed/printable.js';
import { parseSeedFile, SeedValidationError } from '../../src/seed/validate.js';
import { BASE_TEXT, BASE_TEXT_FILE, badRawCases, badSeedCases, type BadCase } from '../support/bad-inputs.js';
import { graphChecksum, runCli, type CliResult } from '../support/cli.js';
import { openTestDb, resetDatabase, SEED_DIR, type TestDb } from '../support/neo4j.js';
import { tempDir } from '../support/tmp.js';

const exec = promisify(execFile);
/** No run may take longer: a hang is killed here and fails its test. */
const TIME_LIMIT_MS = 90_000;
/** Peak resident memory a run may reach (the 20 MB seed-file limit parses in far less). */
const MEMORY_LIMIT_MIB = 1024;

let t: TestDb;
let before = '';
const seedCases = badSeedCases();
let rawCases: BadCase[] = [];
let root = '';
const servers: Server[] = [];

/** Writes each case's files into `dir`; returns the path of each case's first file. */
async function writeCases(dir: string, cases: BadCase[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const mains: string[] = [];
  for (const c of cases) {
    for (const f of c.files) await writeFile(join(dir, f.name), f.content);
    mains.push(join(dir, (c.files[0] as { name: string }).name));
  }
  return mains;
}

/** The special files: not regular files, or links that lead nowhere, under seed or article names. */
async function writeSpecials(dir: string, ext: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const p = (name: string): string => join(dir, `${name}${ext}`);
  await exec('mkfifo', [p('fifo')]);
  await symlink('/dev/zero', p('dev-zero'));
  await symlink('/dev/urandom', p('dev-urandom'));
  await symlink('/dev/null', p('dev-null'));
  await symlink(`self-loop${ext}`, p('self-loop'));
  await symlink(`loop-b${ext}`, p('loop-a'));
  await symlink(`loop-a${ext}`, p('loop-b'));
  await symlink('no-such-target', p('broken-link'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(p('socket'), resolve));
  servers.push(server);
  return ['fifo', 'dev-zero', 'dev-urandom', 'dev-null', 'self-loop', 'loop-a', 'loop-b', 'broken-link', 'socket'].map(p);
}

function expectRefused(r: CliResult, files: string[]): void {
  expect(r.timedOut, 'the run hung').toBe(false);
  expect(r.code, r.stderr.slice(0, 2000)).toBe(1);
  expect(r.peakMiB).toBeLessThan(MEMORY_LIMIT_MIB);
  const unnamed = files.filter((f) => !r.stderr.includes(printable(f)));
  expect(unnamed, `files the output does not name:\n${r.stderr.slice(0, 3000)}`).toEqual([]);
}

beforeAll(async () => {
  t = openTestDb();
  await resetDatabase(t.db);
  await applySchema(t.db);
  await loadSeedPaths(t.db, [SEED_DIR]);
  before = await graphChecksum(t.db);
  root = await tempDir('battery-');
  rawCases = badRawCases(await readFile(join(SEED_DIR, 'articles/000_15fc837faf60e174.txt'), 'utf8'));
});
afterAll(async () => {
  for (const s of servers) s.close();
  await t.close();
});

describe('the generated battery', () => {
  it(`has at least 300 bad seed files and 80 bad raw articles`, () => {
    expect(seedCases.length).toBeGreaterThanOrEqual(300);
    expect(rawCases.length).toBeGreaterThanOrEqual(80);
  });

  it('refuses every bad seed file alone, naming it (in-process, with the graph lookups the CLI uses)', async () => {
    const dir = join(root, 'alone');
    const lookup = existingLookup(t.db);
    const claims = graphClaims(t.db);
    const failures: string[] = [];
    for (const [i, c] of seedCases.entries()) {
      const caseDir = join(dir, String(i));
      const mains = await writeCases(caseDir, [c]);
      await writeFile(join(caseDir, BASE_TEXT_FILE), BASE_TEXT);
      const files = c.files.map((f) => join(caseDir, f.name));
      const err = await validateSeedPaths(files, lookup, referenceFactsLookup(t.db), claims).then(
        () => undefined,
        (e: unknown) => e,
      );
      // A `meaning` case must get past parsing (the CLI batches rely on it), a `parse` case must not.
      const parsedAlone = (await Promise.all(files.filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => parseSeedFile(f)))).every((p) => p.issues.length === 0);
      if (parsedAlone !== (c.stage === 'meaning')) failures.push(`${c.what}: stage ${c.stage}, but parsing alone ${parsedAlone ? 'passes' : 'fails'}`);
      if (!(err instanceof SeedValidationError)) failures.push(`${c.what}: ${err === undefined ? 'accepted' : String(err)}`);
      else if (!err.issues.some((x) => x.file === mains[0] || files.includes(x.file))) failures.push(`${c.what}: no issue names ${mains[0]}`);
      else if (err.issues.some((x) => !files.includes(x.file))) failures.push(`${c.what}: an issue names another file`);
    }
    expect(failures).toEqual([]);
    expect(await graphChecksum(t.db)).toBe(before);
  }, 180_000);

  it('through the CLI, all at once: files that fail parsing, then well-formed files that fail the cross-file checks', async () => {
    for (const stage of ['parse', 'meaning'] as const) {
      const dir = join(root, stage);
      const cases = seedCases.filter((c) => c.stage === stage);
      const mains = await writeCases(dir, cases);
      await writeFile(join(dir, BASE_TEXT_FILE), BASE_TEXT);
      const r = await runCli('load', [dir], { timeoutMs: TIME_LIMIT_MS });
      expectRefused(r, mains);
      expect(r.stderr).toMatch(/problem\(s\); nothing was written\.\n$/);
      expect(await graphChecksum(t.db)).toBe(before);
    }
  }, 180_000);

  it('through the CLI: FIFOs, devices, sockets, symlink loops, broken links, huge files together, the FIFO and /dev/zero alone, and one case of several kinds', async () => {
    const dir = join(root, 'special');
    const specials = await writeSpecials(dir, '.yaml');
    // A folder that contains itself through a symlink, a 21 MB file, and article texts that are a
    // FIFO and /dev/zero.
    await mkdir(join(dir, 'folder'));
    await symlink('..', join(dir, 'folder', 'up'));
    const huge = join(dir, 'huge.yaml');
    await writeFile(huge, 'format: summit-graph/seed@1\n');
    await truncate(huge, 21 * 1024 * 1024);
    await exec('mkfifo', [join(dir, 'fifo-text.txt')]);
    await symlink('/dev/zero', join(dir, 'zero-text.txt'));
    const withText = async (name: string, textFile: string): Promise<string> => {
      const file = join(dir, name);
      await writeFile(file, `format: summit-graph/seed@1\narticle: { id: "article:${name.replace(/\W/g, '')}", title: T, textFile: ${textFile} }\n`);
      return file;
    };
    const texts = [await withText('text-fifo.yaml', 'fifo-text.txt'), await withText('text-zero.yaml', 'zero-text.txt')];
    // All of them in one run (a hang or a runaway on any one fails the run), then the two classic
    // ones alone, as real loads.
    const runs: { args: string[]; files: string[] }[] = [
      { args: [dir], files: [...specials, join(dir, 'folder', 'up'), huge, ...texts] },
      { args: [join(dir, 'fifo.yaml')], files: [join(dir, 'fifo.yaml')] },
      { args: [join(dir, 'dev-zero.yaml')], files: [join(dir, 'dev-zero.yaml')] },
    ];
    // A sample of single cases, one of several kinds (the part of `what` before its first colon or
    // number), validated only (--dry-run: the same checks; the batches above cover the writing path's
    // refusals, and a dry run saves each start its schema setup).
    const sampleDir = join(root, 'sample');
    const kinds = new Map<string, BadCase>();
    for (const c of seedCases) {
      const kind = c.what.replace(/[:\d].*$/, '').trim();
      if (!kinds.has(kind) && c.files.length === 1) kinds.set(kind, c);
    }
    const sample = [...kinds.values()].filter((_, i) => i % 12 === 0);
    const mains = await writeCases(sampleDir, sample);
    await writeFile(join(sampleDir, BASE_TEXT_FILE), BASE_TEXT);
    for (const m of mains) runs.push({ args: ['--dry-run', m], files: [m] });

    for (const run of runs) {
      const r = await runCli('load', run.args, { timeoutMs: TIME_LIMIT_MS });
      expectRefused(r, run.files);
    }
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(await graphChecksum(t.db)).toBe(before);
  }, 300_000);

  it('through the ingest CLI: every bad raw article is named and skipped, exit 1, the graph unchanged; the special files together and the FIFO alone', async () => {
    const dir = join(root, 'raw');
    const mains = await writeCases(dir, rawCases);
    const r = await runCli('ingest', [dir], { timeoutMs: TIME_LIMIT_MS });
    expectRefused(r, mains);
    expect(r.stdout).toMatch(new RegExp(`^Ingested 0 article\\(s\\), ${rawCases.length} failed`));
    expect(await graphChecksum(t.db)).toBe(before);

    // The special files together, and the FIFO alone.
    const specials = await writeSpecials(join(root, 'raw-special'), '.txt');
    for (const args of [[join(root, 'raw-special')], [specials[0] as string]]) {
      const one = await runCli('ingest', args, { timeoutMs: TIME_LIMIT_MS });
      expectRefused(one, args.length === 1 && args[0] === specials[0] ? [specials[0] as string] : specials);
    }
    expect(await graphChecksum(t.db)).toBe(before);
  }, 300_000);
});
