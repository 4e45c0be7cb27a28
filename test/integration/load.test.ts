import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySchema, loadSeedPaths } from '../../src/seed/load.js';
import { SeedValidationError, formatIssue } from '../../src/seed/validate.js';
import { generateCorpus } from '../../bench/corpus.js';
import { collectSeedFiles } from '../../src/seed/load.js';
import { counts, rels, snapshot } from '../support/graph.js';
import { openTestDb, resetDatabase, testConfig, type TestDb } from '../support/neo4j.js';
import { tempDir } from '../support/tmp.js';

const run = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;
const SEED = join(REPO, 'seed');




/** A copy of seed/ in a temp folder plus extra files, so a test can add a bad file beside good ones. */
async function seedCopyWith(extra: Record<string, string>): Promise<string> {
  const dir = await tempDir('seed-int-');
  await cp(SEED, dir, { recursive: true });
  for (const [name, content] of Object.entries(extra)) await writeFile(join(dir, name), content);
  return dir;
}

/** Runs the real command line, as the data team does, against the test database. */
async function loadCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri, user, password, database } = testConfig();
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/bin/load.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let t: TestDb;
beforeAll(async () => {
  t = openTestDb();
  await applySchema(t.db);
});
afterAll(async () => t.close());
beforeEach(async () => resetDatabase(t.db));

describe('loading seed/', () => {
  it("writes the seed article's facts", async () => {
    const summary = await loadSeedPaths(t.db, [SEED]);
    expect(summary.files).toBeGreaterThanOrEqual(2);
    expect(summary.nodesCreated).toBeGreaterThan(40);
    const c = await counts(t.db);
    expect(c.nodes).toBe(summary.nodesCreated);
    expect(c.relationships).toBe(summary.relationshipsCreated);
    expect(c.perLabel.Article).toBe(1);
    expect(c.perLabel.Quote).toBe(14);
    expect(c.perLabel.Summit).toBeGreaterThanOrEqual(1);

    const attendees = await rels(t.db, 'person:kim-jong-un', 'ATTENDED');
    expect(attendees.map((r) => r.to)).toContain('summit:2019-04-25-vladivostok');
    const members = (await t.db.read('test.counts')) && (await Promise.all(
      ['JPN', 'USA', 'KOR', 'RUS', 'CHN', 'PRK'].map((iso) => rels(t.db, `country:${iso}`, 'MEMBER_OF')),
    ));
    for (const m of members) expect(m.map((r) => r.to)).toContain('talks:six-party-talks');
    const prk = (await rels(t.db, 'country:PRK', 'MEMBER_OF')).find((r) => r.to === 'talks:six-party-talks');
    expect(prk?.props.left).toBe(2009);
  });

  it('records provenance on relationships: article, sentence, span', async () => {
    await loadSeedPaths(t.db, [SEED]);
    const [attended] = (await rels(t.db, 'person:vladimir-putin', 'ATTENDED')).filter((r) => r.to === 'summit:2019-04-25-vladivostok');
    // The article, and seed/summits/korea.yaml (a source without an article: its `ref:` id).
    expect(attended?.props.sources).toEqual(['article:15fc837faf60e174', 'ref:korea']);
    const evidence = (attended?.props.evidence as string[]).map((e) => JSON.parse(e) as Record<string, unknown>);
    expect(evidence[0]).toMatchObject({ article: 'article:15fc837faf60e174', method: 'seed', confidence: 1 });
    const text = await readFile(join(SEED, 'articles/000_15fc837faf60e174.txt'), 'utf8');
    const span = evidence[0] as { start: number; end: number; sentence: number };
    expect(span.end).toBeGreaterThan(span.start);
    expect(text.slice(span.start, span.end).length).toBe(span.end - span.start);
    expect(span.sentence).toBeGreaterThanOrEqual(0);
  });

  it('is idempotent: a second load creates and updates nothing', async () => {
    await loadSeedPaths(t.db, [SEED]);
    const before = await counts(t.db);
    const again = await loadSeedPaths(t.db, [SEED]);
    expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect(await counts(t.db)).toEqual(before);
    const [attended] = (await rels(t.db, 'person:kim-jong-un', 'ATTENDED')).filter((r) => r.to === 'summit:2019-04-25-vladivostok');
    expect(attended?.props.evidence).toHaveLength(1);
  });

  it('reports an update when a reviewed file changes a field', async () => {
    await loadSeedPaths(t.db, [SEED]);
    const dir = await seedCopyWith({});
    const file = join(dir, 'reference.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/name: Vladivostok\b/, 'name: Vladivostok City'));
    const summary = await loadSeedPaths(t.db, [dir]);
    expect(summary.nodesCreated).toBe(0);
    expect(summary.nodesUpdated).toBeGreaterThanOrEqual(1);
  });
});

describe('many articles stating the same facts', () => {
  // A generated corpus: popular leaders, countries and summits recur across articles, so the same
  // relationship is stated by many files, in one transaction (folded into one row) or across several
  // (appended to).
  let seedDir = '';
  let files: string[] = [];
  beforeAll(async () => {
    const out = await tempDir('seed-corpus-');
    generateCorpus({ articles: 60, seed: 3, outDir: out, world: 'small' });
    seedDir = join(out, 'seed');
    files = (await collectSeedFiles([seedDir])).files;
  });

  it('ends with the same graph loaded at once or half then all, and a reload changes nothing', async () => {
    const grouped = await loadSeedPaths(t.db, [seedDir]);
    const once = await snapshot(t.db);
    expect(once.relationships.length).toBe(grouped.relationshipsCreated);
    // Some relationship carries several articles' provenance (what the fold is for).
    const attended = (await t.db.read('test.graph'))[0]?.relationships as { props: { sources?: string[] } }[];
    expect(Math.max(...attended.map((r) => r.props.sources?.length ?? 0))).toBeGreaterThan(3);

    await resetDatabase(t.db);
    const reference = files.filter((f) => !f.includes('/articles/'));
    const articles = files.filter((f) => f.includes('/articles/'));
    await loadSeedPaths(t.db, [...reference, ...articles.slice(0, 30)]);
    const rest = await loadSeedPaths(t.db, [seedDir]);
    // Facts the first half stated gain the second half's sources: updates, not creations.
    expect(rest.relationshipsUpdated).toBeGreaterThan(0);
    expect(await snapshot(t.db)).toEqual(once);

    const again = await loadSeedPaths(t.db, [seedDir]);
    expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect(await snapshot(t.db)).toEqual(once);
  });
});

describe('bad input writes nothing', () => {
  const BAD: Record<string, { content: string; expect: RegExp }> = {
    'bad type': {
      content: 'format: summit-graph/seed@1\nentities:\n  - { id: topic:t, kind: TOPIC, name: T, aliases: oops }\n',
      expect: /zz-bad\.yaml:3:\d+: entities\[0\]\.aliases: must be array/,
    },
    'missing field': {
      content: 'format: summit-graph/seed@1\nentities:\n  - id: person:nameless\n    kind: PERSON\n',
      expect: /zz-bad\.yaml:3:5: entities\[0\]\.name: missing required field 'name'/,
    },
    'dangling reference': {
      content: 'format: summit-graph/seed@1\nrelations:\n  - { type: ATTENDED, from: person:kim-jong-un, to: summit:1999-01-01-nowhere }\n',
      expect: /zz-bad\.yaml:3:\d+: relations\[0\]\.to: dangling reference: summit:1999-01-01-nowhere/,
    },
    'malformed YAML': {
      content: 'format: summit-graph/seed@1\nentities:\n  - { id: topic:t, kind: TOPIC\n',
      expect: /zz-bad\.yaml:\d+:\d+: malformed YAML/,
    },
  };

  for (const [name, bad] of Object.entries(BAD)) {
    it(`${name}: SeedValidationError with the place, and an empty graph`, async () => {
      const dir = await seedCopyWith({ 'zz-bad.yaml': bad.content });
      const err = await loadSeedPaths(t.db, [dir]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SeedValidationError);
      expect((err as SeedValidationError).issues.map(formatIssue).join('\n')).toMatch(bad.expect);
      expect((await counts(t.db)).nodes).toBe(0);
    });
  }

  it('the command line exits 1, names file, path and line, and writes nothing', async () => {
    const dir = await seedCopyWith({ 'zz-bad.yaml': BAD['missing field']!.content });
    const r = await loadCli([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zz-bad\.yaml:3:5: entities\[0\]\.name: missing required field 'name'/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect((await counts(t.db)).nodes).toBe(0);
  });
});

describe('the command line', () => {
  it('--dry-run validates and writes nothing; a real run prints the summary; --json is parseable', async () => {
    const dry = await loadCli(['--dry-run', 'seed']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Valid: \d+ file\(s\), \d+ entities, \d+ relations, 14 quotes \(dry run: nothing written\)/);
    expect((await counts(t.db)).nodes).toBe(0);

    const real = await loadCli(['seed']);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^Loaded \d+ file\(s\) in \d+ ms/);
    expect(real.stdout).toMatch(/nodes: +\d+ created, 0 updated/);

    const again = await loadCli(['--json', 'seed']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
  });

  it('a missing path exits 1 with its name', async () => {
    const r = await loadCli(['no/such/folder']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/folder: no such file or folder/);
  });
});
