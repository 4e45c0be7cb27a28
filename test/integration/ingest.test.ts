import { execFile } from 'node:child_process';
import { readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { buildGazetteer } from '../../src/extract/build-gazetteer.js';
import type { Gazetteer } from '../../src/extract/gazetteer.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { MAX_ARTICLE_BYTES, readArticle } from '../../src/ingest/input.js';
import { applySchema, loadSeedPaths } from '../../src/seed/load.js';
import type { SeedDocument } from '../../src/seed/model.js';
import { counts, rels, snapshot } from '../support/graph.js';
import { openTestDb, resetDatabase, testConfig, type TestDb } from '../support/neo4j.js';
import { tempDir } from '../support/tmp.js';

const run = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;
const SEED_ARTICLE = join(REPO, 'seed/articles/000_15fc837faf60e174.txt');
const REVIEWED = join(REPO, 'seed/2019-04-25-rfa-kim-putin-vladivostok.yaml');
const REFERENCE = [join(REPO, 'seed/reference.yaml'), join(REPO, 'seed/gazetteer')];
const SECOND = join(REPO, 'test/fixtures/ingest/second-kim-putin.md');
const KIMS = join(REPO, 'test/fixtures/ingest/kims.txt');

let t: TestDb;
let gaz: Gazetteer;


beforeAll(async () => {
  t = openTestDb();
  await applySchema(t.db);
  gaz = await buildGazetteer();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  // Background knowledge only: the reviewed file of the seed article is NOT loaded here.
  await loadSeedPaths(t.db, REFERENCE);
});

describe('ingesting the seed article raw', () => {
  it('yields the entities and ids of the reviewed seed file', async () => {
    const summary = await ingestPaths(t.db, gaz, [SEED_ARTICLE]);
    expect(summary).toMatchObject({ articles: 1, failed: 0 });
    const reviewed = parseYaml(await readFile(REVIEWED, 'utf8')) as SeedDocument;
    // The raw article's id comes from its identity (here its title line), not its file name.
    const { id } = await readArticle(SEED_ARTICLE);
    expect(id).not.toBe('article:15fc837faf60e174');
    const mentioned = (await rels(t.db, id, 'MENTIONS')).map((r) => r.to);
    for (const kind of ['PERSON', 'ORGANIZATION', 'COUNTRY', 'SUMMIT', 'TALKS']) {
      const want = (reviewed.entities ?? []).filter((e) => e.kind === kind).map((e) => e.id).sort();
      const got = mentioned.filter((id) => id.startsWith(`${want[0]?.split(':')[0]}:`)).sort();
      expect({ kind, ids: got }).toEqual({ kind, ids: want });
    }
    // Every quote of the reviewed file, by the same speaker.
    for (const q of reviewed.quotes ?? []) {
      const said = (await rels(t.db, q.speaker, 'SAID')).map((r) => r.to);
      expect(said.length, `${q.speaker} should have quotes`).toBeGreaterThan(0);
    }
    expect((await counts(t.db)).perLabel.Quote).toBe(reviewed.quotes?.length);
    // Provenance on an extracted relationship: article, sentence, span, rule and confidence.
    const attended = (await rels(t.db, 'person:kim-jong-un', 'ATTENDED')).find((r) => r.to === 'summit:2019-04-25-vladivostok');
    const evidence = JSON.parse((attended?.props.evidence as string[])[0] as string) as Record<string, unknown>;
    expect(evidence).toMatchObject({ article: id, method: 'rule:summit-leaders' });
    expect(evidence.confidence).toBeGreaterThan(0);
    expect(evidence.confidence).toBeLessThan(1);
    expect(Number(evidence.end)).toBeGreaterThan(Number(evidence.start));
  });

  it('never replaces the reviewed article: the raw copy is reported as a conflict and skipped', async () => {
    await loadSeedPaths(t.db, [REVIEWED]);
    const before = await snapshot(t.db);
    const summary = await ingestPaths(t.db, gaz, [SEED_ARTICLE]);
    expect(summary).toMatchObject({ articles: 0, failed: 1 });
    expect(summary.failures[0]?.message).toMatch(/the same article as the reviewed article:15fc837faf60e174 \(.*2019-04-25-rfa-kim-putin-vladivostok\.yaml\); a reviewed article is never replaced/);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('re-ingesting the same article changes nothing', async () => {
    await ingestPaths(t.db, gaz, [SEED_ARTICLE]);
    const before = await counts(t.db);
    const again = await ingestPaths(t.db, gaz, [SEED_ARTICLE]);
    expect(again).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await counts(t.db)).toEqual(before);
  });
});

describe('a second article about the same summit', () => {
  it('merges into the same summit and people, with both articles as sources', async () => {
    await ingestPaths(t.db, gaz, [SEED_ARTICLE]);
    const before = await counts(t.db);
    const summary = await ingestPaths(t.db, gaz, [SECOND]);
    expect(summary).toMatchObject({ articles: 1, failed: 0 });
    const after = await counts(t.db);
    expect(after.perLabel.Summit).toBe(before.perLabel.Summit);
    expect(after.perLabel.Article).toBe((before.perLabel.Article ?? 0) + 1);
    // Maxwell and the two leaders are the same nodes; the new analyst and the author are new.
    expect(after.perLabel.Person).toBe((before.perLabel.Person ?? 0) + 2);
    const attended = (await rels(t.db, 'person:vladimir-putin', 'ATTENDED')).find((r) => r.to === 'summit:2019-04-25-vladivostok');
    expect((attended?.props.sources as string[]).length).toBe(2);
    const maxwell = (await rels(t.db, 'person:david-maxwell', 'SAID')).length;
    expect(maxwell).toBe(2);
  });
});

describe('entity resolution', () => {
  it('keeps two people who share a surname apart', async () => {
    await ingestPaths(t.db, gaz, [KIMS]);
    const said = (await rels(t.db, 'person:kim-yo-jong', 'SAID')).length;
    expect(said).toBe(1);
    expect((await rels(t.db, 'person:kim-jong-un', 'SAID')).length).toBe(0);
    const met = (await rels(t.db, 'person:kim-yo-jong', 'MET')).map((r) => r.to);
    expect(met).toContain('person:moon-jae-in');
  });
});

describe('bad input', () => {
  it('skips each bad file with a message naming it, loads the good one, exits 1', async () => {
    const dir = await tempDir('ingest-bad-');
    await copyFile(SECOND, join(dir, 'good.md'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 summit\n', 'latin1'));
    await writeFile(join(dir, 'huge.txt'), 'word '.repeat(MAX_ARTICLE_BYTES / 5 + 10));
    await writeFile(join(dir, 'frontmatter.md'), '---\ntitle: [unclosed\n---\nA body.\n');
    await writeFile(join(dir, 'badfield.md'), '---\ntitle: T\npublished: yesterday\n---\nA body.\n');
    const { uri, user, password, database } = testConfig();
    // The default (accurate) mode, on the test run's NLP services and a cache of its own.
    const nlp = { NLP_URL: inject('nlp').urls.join(','), NLP_CACHE_DIR: inject('nlp').cacheDir };
    const result = await run('npx', ['tsx', 'src/bin/ingest.ts', dir], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, ...nlp },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: empty file \(skipped\)/);
    expect(result.stderr).toMatch(/binary\.txt: binary file/);
    expect(result.stderr).toMatch(/latin1\.txt: not valid UTF-8 text/);
    expect(result.stderr).toMatch(/huge\.txt: file is \d+ bytes; the limit is 1048576/);
    expect(result.stderr).toMatch(/frontmatter\.md: broken front matter/);
    expect(result.stderr).toMatch(/badfield\.md: broken front matter: published must be a date/);
    expect(result.stdout).toMatch(/Ingested 1 article\(s\), 6 failed/);
    expect((await counts(t.db)).perLabel.Article).toBe(1);
  });

  it('--out writes a reviewable seed file that the loader accepts; --dry-run writes nothing', async () => {
    const out = await tempDir('ingest-out-');
    const before = await counts(t.db);
    const summary = await ingestPaths(t.db, gaz, [SECOND], { outDir: out, dryRun: true });
    expect(summary.articles).toBe(1);
    expect(await counts(t.db)).toEqual(before);
    const loaded = await loadSeedPaths(t.db, [join(out, 'second-kim-putin.yaml')]);
    expect(loaded.quotes).toBe(2);
    expect((await counts(t.db)).perLabel.Article).toBe(1);
  });
});
