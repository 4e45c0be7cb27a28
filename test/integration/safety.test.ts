/**
 * Issue 22, the data parts: nothing lost, nothing half-written, nothing silently changed. One test
 * per finding (1-7), then the rules behind them: a reload after an edit equals a fresh load of the
 * edited files, a retraction keeps what other sources state, a failed write names its files and a
 * rerun converges. Through the command line wherever the data team would use it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, truncate, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/graphql/app.js';
import { buildGazetteer } from '../../src/extract/build-gazetteer.js';
import type { Gazetteer } from '../../src/extract/gazetteer.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { readArticle } from '../../src/ingest/input.js';
import { applySchema, collectSeedFiles, loadSeedPaths } from '../../src/seed/load.js';
import type { SeedDocument } from '../../src/seed/model.js';
import { retractSources } from '../../src/seed/retract.js';
import { SeedValidationError, formatIssue } from '../../src/seed/validate.js';
import { SeedWriteError } from '../../src/seed/write.js';
import { graphChecksum, runCli } from '../support/cli.js';
import { counts, rels, snapshot } from '../support/graph.js';
import { openTestDb, resetDatabase, SEED_DIR, type TestDb } from '../support/neo4j.js';
import { tempDir } from '../support/tmp.js';

const mkfifo = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;
const ARTICLE_FILE = '2019-04-25-rfa-kim-putin-vladivostok.yaml';
const SEED_ARTICLE = 'article:15fc837faf60e174';
const RAW_SEED_TEXT = join(SEED_DIR, 'articles/000_15fc837faf60e174.txt');
const SECOND = join(REPO, 'test/fixtures/ingest/second-kim-putin.md');

let t: TestDb;
let gaz: Gazetteer;
beforeAll(async () => {
  t = openTestDb();
  await applySchema(t.db);
  gaz = await buildGazetteer();
});
afterAll(async () => t.close());
beforeEach(async () => resetDatabase(t.db));

/** A copy of seed/ in a temp folder, to edit. */
async function seedCopy(): Promise<string> {
  const dir = await tempDir('safety-seed-');
  await cp(SEED_DIR, dir, { recursive: true });
  return dir;
}

async function editYaml(file: string, edit: (doc: SeedDocument) => void): Promise<void> {
  const doc = parseYaml(await readFile(file, 'utf8')) as SeedDocument;
  edit(doc);
  await writeFile(file, stringify(doc, { lineWidth: 0 }));
}

/** Runs a GraphQL query through the app, as the API serves it. */
async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const app = createApp({ db: t.db });
  const res = await app.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const EXIT_WITHIN = { timeoutMs: 60_000 };

describe('finding 1: a reviewed article is never overwritten by a raw one', () => {
  it('a raw copy named like the seed article is reported as a conflict and skipped; the reviewed article is unchanged', async () => {
    await loadSeedPaths(t.db, [SEED_DIR]);
    const before = await graphChecksum(t.db);
    const dir = await tempDir('safety-f1-');
    await copyFile(RAW_SEED_TEXT, join(dir, '123_15fc837faf60e174.txt'));
    const r = await runCli('ingest', [dir], EXIT_WITHIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/123_15fc837faf60e174\.txt: the same article as the reviewed article:15fc837faf60e174 .* a reviewed article is never replaced by an extracted one.*\(skipped\)/);
    expect(await graphChecksum(t.db)).toBe(before);
  });
});

describe('finding 2: a new version of a raw article replaces it', () => {
  it('re-ingesting after an edit keeps one article, with the new text and only the facts the new version states', async () => {
    await loadSeedPaths(t.db, [join(SEED_DIR, 'reference.yaml'), join(SEED_DIR, 'gazetteer')]);
    const dir = await tempDir('safety-f2-');
    const file = join(dir, 'story.md');
    const original = await readFile(SECOND, 'utf8');
    await writeFile(file, original);
    const first = await ingestPaths(t.db, gaz, [file]);
    expect(first).toMatchObject({ articles: 1, failed: 0 });
    const { id } = await readArticle(file);
    const quotesBefore = (await counts(t.db)).perLabel.Quote;

    // A one-word edit, and a paragraph (with a quote) dropped.
    const edited = original.replace('little else', 'nothing else').replace(/\n[^\n]*Fitzpatrick[^\n]*\n/, '\n');
    await writeFile(file, edited);
    expect((await readArticle(file)).id).toBe(id);
    const r = await runCli('ingest', [file], EXIT_WITHIN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/replaced: +1 earlier version/);
    const c = await counts(t.db);
    expect(c.perLabel.Article).toBe(1);
    const [article] = await t.db.read('articles.bodies', { ids: [id] });
    expect(String(article?.text)).toContain('nothing else');
    // The same graph as ingesting the edited version alone.
    const replaced = await snapshot(t.db);
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [join(SEED_DIR, 'reference.yaml'), join(SEED_DIR, 'gazetteer')]);
    // The same command (the accurate mode: the model's annotation changes the extraction).
    expect((await runCli('ingest', [file], EXIT_WITHIN)).code).toBe(0);
    expect(replaced).toEqual(await snapshot(t.db));
    expect(quotesBefore).toBeGreaterThanOrEqual(c.perLabel.Quote ?? 0);
  });
});

describe('finding 3: a reload replaces what the file said before', () => {
  it('a changed speaker replaces the SAID: the quote has one speaker, and quotes(speaker:) finds it once', async () => {
    const dir = await seedCopy();
    await loadSeedPaths(t.db, [dir]);
    const file = join(dir, ARTICLE_FILE);
    let quoteId = '';
    let oldSpeaker = '';
    await editYaml(file, (doc) => {
      const q = (doc.quotes ?? []).find((x) => x.speaker !== 'person:kim-jong-un') as NonNullable<SeedDocument['quotes']>[number];
      quoteId = q.id;
      oldSpeaker = q.speaker;
      q.speaker = 'person:kim-jong-un';
    });
    const r = await runCli('load', [dir], EXIT_WITHIN);
    expect(r.code, r.stderr).toBe(0);
    const speakers = await t.db.read('test.graph');
    const said = ((speakers[0]?.relationships as { from: string; type: string; to: string }[]) ?? []).filter((x) => x.type === 'SAID' && x.to === quoteId);
    expect(said.map((x) => x.from)).toEqual(['person:kim-jong-un']);
    const answer = await graphql('query($s: ID!) { quotes(speaker: $s, first: 50) { edges { node { id speaker { id } } } } }', { s: 'person:kim-jong-un' });
    const ids = ((answer.data?.quotes as { edges: { node: { id: string } }[] }).edges ?? []).map((e) => e.node.id);
    expect(ids.filter((x) => x === quoteId)).toHaveLength(1);
    const old = await graphql('query($s: ID!) { quotes(speaker: $s, first: 50) { edges { node { id } } } }', { s: oldSpeaker });
    expect(((old.data?.quotes as { edges: { node: { id: string } }[] }).edges ?? []).map((e) => e.node.id)).not.toContain(quoteId);
  });

  it('two files that claim the same quote id are an error naming both', async () => {
    const dir = await tempDir('safety-f3-');
    await cp(SEED_DIR, join(dir, 'seed'), { recursive: true });
    const doc = parseYaml(await readFile(join(SEED_DIR, ARTICLE_FILE), 'utf8')) as SeedDocument;
    const other: SeedDocument = {
      format: 'summit-graph/seed@1',
      article: { id: 'article:copy', title: 'A copy', textFile: 'seed/articles/000_15fc837faf60e174.txt' },
      quotes: [doc.quotes?.[0] as NonNullable<SeedDocument['quotes']>[number]],
    };
    await writeFile(join(dir, 'copy.yaml'), stringify(other));
    const r = await runCli('load', ['--dry-run', dir], EXIT_WITHIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/quote quote:15fc837faf60e174-01 is also claimed by .*(copy\.yaml|rfa-kim-putin-vladivostok\.yaml)/);
    expect((await counts(t.db)).nodes).toBe(0);
  });
});

describe('finding 4: no partial load', () => {
  it('an id of 9 KB is caught by validation, with the file named; nothing is written', async () => {
    const dir = await seedCopy();
    await writeFile(join(dir, 'zz-long-id.yaml'), `format: summit-graph/seed@1\nentities:\n  - { id: "topic:${'a'.repeat(9000)}", kind: TOPIC, name: Long }\n`);
    const r = await runCli('load', ['--dry-run', dir], EXIT_WITHIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zz-long-id\.yaml:3:\d+: entities\[0\]\.id: must NOT have more than 200 characters; got "topic:a+\.\.\." \(9006 characters\)/);
    expect((await counts(t.db)).nodes).toBe(0);
  });

  it('a write Neo4j refuses anyway names the failing transaction\'s file and the committed ones; the rerun converges', async () => {
    // A constraint the validator cannot know about stands in for any write-time refusal.
    const dir = await seedCopy();
    await writeFile(join(dir, 'zz-topics.yaml'), 'format: summit-graph/seed@1\nid: ref:zz-topics\nentities:\n  - { id: topic:extra-one, kind: TOPIC, name: Sanctions }\n');
    await t.db.writeTransaction((tx) => tx.runStatement('CREATE CONSTRAINT test_topic_name IF NOT EXISTS FOR (n:Topic) REQUIRE n.name IS UNIQUE'));
    try {
      const r = await runCli('load', ['--rows-per-transaction', '1', dir], EXIT_WITHIN);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/load failed while writing this file; nothing of it was written:\n {2}.*zz-topics\.yaml\n {2}Neo4j said: .*already exists/);
      const committed = Number(/Committed before the failure \((\d+) file\(s\), complete\):[\s\S]*reference\.yaml/.exec(r.stderr)?.[1]);
      expect(committed).toBe((await collectSeedFiles([dir])).files.length - 1);
      expect(r.stderr).toMatch(/run the same command again/);
      expect((await counts(t.db)).perLabel.Source).toBe(committed);
    } finally {
      await t.db.writeTransaction((tx) => tx.runStatement('DROP CONSTRAINT test_topic_name IF EXISTS'));
    }
    const rerun = await runCli('load', ['--rows-per-transaction', '1', dir], EXIT_WITHIN);
    expect(rerun.code, rerun.stderr).toBe(0);
    const converged = await snapshot(t.db);
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [dir]);
    expect(converged).toEqual(await snapshot(t.db));
  });
});

describe('finding 5: no hang, no runaway memory', () => {
  it('a FIFO as a seed file, as a textFile and among raw articles is refused at once; the good article beside it is written', async () => {
    const dir = await seedCopy();
    await mkfifo('mkfifo', [join(dir, 'fifo.yaml')]);
    const r = await runCli('load', [join(dir, 'fifo.yaml'), join(dir, 'reference.yaml')], EXIT_WITHIN);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fifo\.yaml: not a regular file \(a named pipe \(FIFO\)\)/);
    await rm(join(dir, 'fifo.yaml'));

    await rm(join(dir, 'articles/000_15fc837faf60e174.txt'));
    await mkfifo('mkfifo', [join(dir, 'articles/000_15fc837faf60e174.txt')]);
    const text = await runCli('load', ['--dry-run', join(dir, ARTICLE_FILE)], EXIT_WITHIN);
    expect(text.timedOut).toBe(false);
    expect(text.stderr).toMatch(/rfa-kim-putin-vladivostok\.yaml:\d+:\d+: article\.textFile: article text .* cannot be used: not a regular file \(a named pipe \(FIFO\)\)/);
    expect((await counts(t.db)).nodes).toBe(0);

    await loadSeedPaths(t.db, [join(SEED_DIR, 'reference.yaml'), join(SEED_DIR, 'gazetteer')]);
    const raw = await tempDir('safety-f5-');
    await copyFile(SECOND, join(raw, 'good.md'));
    await mkfifo('mkfifo', [join(raw, 'pipe.txt')]);
    const ingest = await runCli('ingest', [raw], EXIT_WITHIN);
    expect(ingest.timedOut).toBe(false);
    expect(ingest.code).toBe(1);
    expect(ingest.stderr).toMatch(/pipe\.txt: not a regular file \(a named pipe \(FIFO\)\) \(skipped\)/);
    expect(ingest.stdout).toMatch(/Ingested 1 article\(s\), 1 failed/);
    expect((await counts(t.db)).perLabel.Article).toBe(1);
  });

  it('/dev/zero behind a symlink (seed file, textFile, raw article) and a 300 MB textFile stop at the size limit', async () => {
    const dir = await seedCopy();
    await symlink('/dev/zero', join(dir, 'zero.yaml'));
    const seed = await runCli('load', [join(dir, 'zero.yaml'), join(dir, 'reference.yaml')], EXIT_WITHIN);
    expect(seed.timedOut).toBe(false);
    expect(seed.stderr).toMatch(/zero\.yaml: not a regular file \(a character device\)/);
    expect(seed.peakMiB).toBeLessThan(1024);
    await rm(join(dir, 'zero.yaml'));

    const textFile = join(dir, 'articles/000_15fc837faf60e174.txt');
    await rm(textFile);
    await symlink('/dev/zero', textFile);
    const viaText = await runCli('load', ['--dry-run', join(dir, ARTICLE_FILE)], EXIT_WITHIN);
    expect(viaText.stderr).toMatch(/article\.textFile: .* not a regular file \(a character device\)/);
    await rm(textFile);
    await writeFile(textFile, '');
    await truncate(textFile, 300 * 1024 * 1024);
    const big = await runCli('load', ['--dry-run', join(dir, ARTICLE_FILE)], EXIT_WITHIN);
    expect(big.stderr).toMatch(/article\.textFile: .* cannot be used: file is 314572800 bytes; the limit is 1048576 \(1 MiB\)/);
    expect(big.peakMiB).toBeLessThan(1024);

    const raw = await tempDir('safety-f5-raw-');
    await symlink('/dev/zero', join(raw, 'zero.txt'));
    const ingest = await runCli('ingest', [raw], EXIT_WITHIN);
    expect(ingest.stderr).toMatch(/zero\.txt: not a regular file \(a character device\) \(skipped\)/);
    expect(ingest.peakMiB).toBeLessThan(1024);
    expect((await counts(t.db)).nodes).toBe(0);
  });

  it('an alias list of 50,000 items and 999 entities sharing a 2,000-item anchor are refused promptly, by size', async () => {
    const dir = await tempDir('safety-f5-alias-');
    const items = Array.from({ length: 50_000 }, (_, i) => `a${i}`).join(', ');
    await writeFile(join(dir, 'long.yaml'), `format: summit-graph/seed@1\nentities:\n  - { id: topic:t, kind: TOPIC, name: T, aliases: [${items}] }\n`);
    const anchor = Array.from({ length: 2000 }, (_, i) => `b${i}`).join(', ');
    const shared = ['format: summit-graph/seed@1', 'entities:', `  - { id: topic:t0, kind: TOPIC, name: T0, aliases: &all [${anchor}] }`];
    for (let i = 1; i < 999; i++) shared.push(`  - { id: topic:t${i}, kind: TOPIC, name: T${i}, aliases: *all }`);
    await writeFile(join(dir, 'shared.yaml'), `${shared.join('\n')}\n`);
    const r = await runCli('load', ['--dry-run', dir], EXIT_WITHIN);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/long\.yaml:3:\d+: entities\[0\]\.aliases: must NOT have more than 100 items; got 50000/);
    expect(r.stderr).toMatch(/shared\.yaml:\d+:\d+: the file holds more than 2000000 values \(after expanding YAML aliases\)/);
  });
});

describe('finding 6: every message names its file', () => {
  it('alias bombs, unresolved and recursive aliases, symlink loops; symlinked seed files are loaded, not skipped', async () => {
    const dir = await tempDir('safety-f6-');
    const bomb = ['format: summit-graph/seed@1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    await writeFile(join(dir, 'bomb.yaml'), `${bomb.join('\n')}\n`);
    await writeFile(join(dir, 'unresolved.yaml'), 'format: summit-graph/seed@1\nentities: *nowhere\n');
    await writeFile(join(dir, 'recursive.yaml'), 'format: summit-graph/seed@1\nentities: &e [*e]\n');
    await symlink('loop-b.yaml', join(dir, 'loop-a.yaml'));
    await symlink('loop-a.yaml', join(dir, 'loop-b.yaml'));
    const r = await runCli('load', ['--dry-run', dir], EXIT_WITHIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.yaml: malformed YAML: its aliases expand to far more values than the file holds/);
    expect(r.stderr).toMatch(/unresolved\.yaml: malformed YAML: Unresolved alias/);
    expect(r.stderr).toMatch(/recursive\.yaml:2:\d+: entities(\[0\])?: a YAML alias here refers to a value that contains it/);
    expect(r.stderr).toMatch(/loop-a\.yaml: symlink loop/);
    expect(r.stderr).toMatch(/loop-b\.yaml: symlink loop/);
    expect(r.stderr).not.toMatch(/Excessive alias count|Converting circular structure|no such file/);

    const linked = await tempDir('safety-f6-links-');
    await mkdir(join(linked, 'real'));
    await cp(SEED_DIR, join(linked, 'real', 'seed'), { recursive: true });
    const view = join(linked, 'view');
    await mkdir(view);
    await symlink(join(linked, 'real', 'seed', 'reference.yaml'), join(view, 'reference.yaml'));
    await symlink(join(linked, 'real', 'seed', 'gazetteer'), join(view, 'gazetteer'));
    const ok = await runCli('load', [view], EXIT_WITHIN);
    expect(ok.code, ok.stderr).toBe(0);
    // reference.yaml and every gazetteer file, through the links.
    const gazetteerFiles = (await readdir(join(SEED_DIR, 'gazetteer'))).filter((f) => /\.ya?ml$/.test(f)).length;
    expect(ok.stdout).toMatch(new RegExp(`^Loaded ${1 + gazetteerFiles} file\\(s\\)`));
  });
});

describe('finding 7: wrong values are refused', () => {
  it('an impossible date, a one-letter quote, NUL and escapes in names; a file name with a newline prints on one line', async () => {
    const dir = await seedCopy();
    const file = join(dir, ARTICLE_FILE);
    await editYaml(file, (doc) => {
      (doc.article as { publishedAt: string }).publishedAt = '2019-02-30';
      (doc.quotes ?? [])[0]!.text = 'x';
      doc.entities![0]!.name = 'Kim\u0000Jong\u001b[31m Un';
    });
    const badName = join(dir, 'evil\nx.yaml:1:1: fake.yaml');
    await writeFile(badName, 'format: summit-graph/seed@1\nentities: 3\n');
    const r = await runCli('load', ['--dry-run', dir], EXIT_WITHIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/article\.publishedAt: must be a calendar date YYYY-MM-DD that exists; got "2019-02-30"/);
    expect(r.stderr).toMatch(/entities\[0\]\.name: contains the control character U\+0000/);
    expect(r.stderr).toMatch(/evil\\u\{a\}x\.yaml:1:1: fake\.yaml:2:\d+: entities: must be array/);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('x.yaml'))).toEqual([]);
    expect(r.stderr).not.toContain('\u001b');
    await rm(badName);
    // With the name and date fixed, the one-letter quote is still refused.
    await editYaml(file, (doc) => {
      (doc.article as { publishedAt: string }).publishedAt = '2019-04-25';
      doc.entities![0]!.name = 'Kim Jong Un';
    });
    const quote = await runCli('load', ['--dry-run', dir], EXIT_WITHIN);
    expect(quote.stderr).toMatch(/quotes\[0\]\.text: too short to be evidence of a quote .*; got "x"/);

    const raw = await tempDir('safety-f7-');
    await writeFile(join(raw, 'feb30.md'), '---\ntitle: T\npublished: 2019-02-30\n---\nA body.\n');
    const ingest = await runCli('ingest', [raw], EXIT_WITHIN);
    expect(ingest.stderr).toMatch(/feb30\.md: broken front matter: published must be a date YYYY-MM-DD that exists, got "2019-02-30"/);
    expect((await counts(t.db)).nodes).toBe(0);
  });
});

describe('a file is the truth for what it states', () => {
  it('a reload after edits leaves the graph as a fresh load of the edited files', async () => {
    const dir = await seedCopy();
    await loadSeedPaths(t.db, [dir]);
    await editYaml(join(dir, ARTICLE_FILE), (doc) => {
      const quotes = doc.quotes ?? [];
      quotes[0]!.speaker = 'person:kim-jong-un'; // a changed speaker
      quotes[1]!.about = []; // subjects dropped
      quotes.pop(); // a quote removed
      doc.relations = (doc.relations ?? []).filter((r) => !(r.type === 'MET' && r.to === 'person:donald-trump')); // a relation removed
      const summit = (doc.entities ?? []).find((e) => e.kind === 'SUMMIT')!;
      delete summit.outcome; // a field removed
      summit.aliases = (summit.aliases ?? []).slice(1); // an alias removed
      const kim = (doc.entities ?? []).find((e) => e.id === 'person:kim-jong-un')!;
      kim.aliases = ['Kim']; // aliases only this file gave, removed
      const cronin = (doc.entities ?? []).find((e) => e.id === 'person:patrick-cronin')!;
      cronin.labels = []; // a label removed
      (doc.article as { authors?: string[] }).authors = []; // no author any more
    });
    await editYaml(join(dir, 'reference.yaml'), (doc) => {
      // A relation both files state (keeps the article as its source) and one only this file states.
      doc.relations = (doc.relations ?? []).filter((r) => !(r.type === 'LEADS' && r.from === 'person:kim-jong-un') && !(r.type === 'BASED_IN' && r.from === 'org:reuters'));
    });
    const reload = await loadSeedPaths(t.db, [dir]);
    expect(reload.reloaded).toBe((await collectSeedFiles([dir])).files.length);
    expect(reload.relationshipsDeleted).toBeGreaterThan(0);
    const reloaded = await snapshot(t.db);

    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [dir]);
    expect(reloaded).toEqual(await snapshot(t.db));
    // Kim's LEADS lost reference.yaml as a source and kept the others that state it; Reuters' BASED_IN
    // (reference.yaml's alone) went.
    const leads = (await rels(t.db, 'person:kim-jong-un', 'LEADS')).find((r) => r.to === 'country:PRK');
    expect(leads?.props.sources).toContain(SEED_ARTICLE);
    expect(leads?.props.sources).not.toContain('ref:reference');
    const reuters = (await rels(t.db, 'org:reuters', 'BASED_IN')).find((r) => r.to === 'country:GBR');
    expect(reuters?.props.sources ?? []).not.toContain('ref:reference');
  });

  it('loading the same files again changes nothing and deletes nothing', async () => {
    await loadSeedPaths(t.db, [SEED_DIR]);
    const before = await snapshot(t.db);
    const again = await loadSeedPaths(t.db, [SEED_DIR]);
    expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('retraction', () => {
  it('removes an article and what only it states; facts another article states survive with that one source; --dry-run changes nothing', async () => {
    await loadSeedPaths(t.db, [SEED_DIR]);
    await ingestPaths(t.db, gaz, [SECOND]);
    const { id: second } = await readArticle(SECOND);
    const before = await snapshot(t.db);
    const attended = (await rels(t.db, 'person:vladimir-putin', 'ATTENDED')).find((r) => r.to === 'summit:2019-04-25-vladivostok');
    const sourcesBefore = attended?.props.sources as string[];
    expect(sourcesBefore).toEqual(expect.arrayContaining([SEED_ARTICLE, second]));

    const dry = await runCli('retract', ['--dry-run', second], EXIT_WITHIN);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Would retract 1 source\(s\) \(dry run: nothing changed\):/);
    expect(dry.stdout).toContain(`person:vladimir-putin -[ATTENDED]-> summit:2019-04-25-vladivostok (${sourcesBefore.length - 1} source(s) left)`);
    expect(await snapshot(t.db)).toEqual(before);

    const r = await runCli('retract', [second], EXIT_WITHIN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace('Retracted', 'Would retract').replace(/ \(dry run: nothing changed\)/, '').replace(/to delete/g, 'deleted').replace(/would be deleted/, 'deleted')).toBe(
      dry.stdout.replace(/ \(dry run: nothing changed\)/, '').replace(/to delete/g, 'deleted').replace(/would be deleted/, 'deleted'),
    );
    const after = (await rels(t.db, 'person:vladimir-putin', 'ATTENDED')).find((r2) => r2.to === 'summit:2019-04-25-vladivostok');
    expect(after?.props.sources).toEqual(sourcesBefore.filter((x) => x !== second));
    expect((after?.props.evidence as string[]).every((e) => e.startsWith(`{"article":"${SEED_ARTICLE}"`))).toBe(true);
    // The graph is the seed alone again.
    const seedOnly = await snapshot(t.db);
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [SEED_DIR]);
    expect(seedOnly).toEqual(await snapshot(t.db));
  });

  it('by URL, and a target not in the graph changes nothing and exits 1', async () => {
    await loadSeedPaths(t.db, [join(SEED_DIR, 'reference.yaml'), join(SEED_DIR, 'gazetteer')]);
    const dir = await tempDir('safety-retract-');
    await writeFile(join(dir, 'a.md'), `---\ntitle: A story\nurl: https://www.example.com/news/a-story?utm_source=feed\n---\n${(await readFile(SECOND, 'utf8')).split('---\n')[2]}`);
    await ingestPaths(t.db, gaz, [dir]);
    const before = await graphChecksum(t.db);
    const missing = await runCli('retract', ['http://example.com/news/a-story', 'article:nope'], EXIT_WITHIN);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not in the graph \(nothing was retracted\): article:nope/);
    expect(await graphChecksum(t.db)).toBe(before);
    const report = await retractSources(t.db, ['http://example.com/news/a-story/']);
    expect(report.sources).toHaveLength(1);
    expect((await counts(t.db)).perLabel.Article ?? 0).toBe(0);
  });

  it('the API serves no relationship without a source after loads, reloads, ingests and retractions', async () => {
    const dir = await seedCopy();
    await loadSeedPaths(t.db, [dir]);
    await ingestPaths(t.db, gaz, [SECOND]);
    await editYaml(join(dir, ARTICLE_FILE), (doc) => {
      doc.relations = (doc.relations ?? []).slice(3);
    });
    await loadSeedPaths(t.db, [dir]);
    await retractSources(t.db, [(await readArticle(SECOND)).id]);
    const [graph] = await t.db.read('test.graph');
    const facts = (graph?.relationships as { type: string; props: { sources?: string[] } }[]).filter((r) => !['DEFINES', 'FROM', 'PUBLISHED_BY', 'WRITTEN_BY'].includes(r.type));
    expect(facts.length).toBeGreaterThan(100);
    expect(facts.filter((r) => (r.props.sources ?? []).length === 0)).toEqual([]);
    for (const id of ['person:kim-jong-un', 'country:RUS', 'summit:2019-04-25-vladivostok', 'org:wilson-center']) {
      const answer = await graphql('query($id: ID!) { entity(id: $id) { related(first: 100) { type sourceIds sources { id } } } }', { id });
      const related = (answer.data?.entity as { related: { type: string; sourceIds: string[]; sources: { id: string }[] }[] }).related;
      expect(related.length).toBeGreaterThan(0);
      expect(related.filter((r) => r.sourceIds.length === 0)).toEqual([]);
      for (const r of related) expect(r.sources.map((a) => a.id)).toEqual(r.sourceIds.filter((x) => x.startsWith('article:')));
    }
  });
});

describe('bad input is reported with its file', () => {
  it('validation errors name the file in-process too (SeedValidationError)', async () => {
    const dir = await tempDir('safety-inproc-');
    await writeFile(join(dir, 'x.yaml'), 'format: summit-graph/seed@1\nentities:\n  - { id: "topic:t", kind: TOPIC, name: "a\\ud800" }\n');
    const err = await loadSeedPaths(t.db, [dir]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    expect((err as SeedValidationError).issues.map(formatIssue).join('\n')).toMatch(/x\.yaml:3:\d+: entities\[0\]\.name: is not valid Unicode: a lone surrogate/);
    expect(SeedWriteError).toBeDefined();
  });
});
