/**
 * The NLP service (CoreNLP in nlp/) and its client against the two real instances that
 * test/support/nlp-setup.ts starts once for the run: what the extractor gets (entities, quotes with
 * speakers), the cache, spreading over two instances, the ingest command's --nlp modes, and the
 * errors a user sees when the service is not there.
 */
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DomainError } from '../../src/errors.js';
import { NlpCache } from '../../src/nlp/cache.js';
import { CoreNlpClient } from '../../src/nlp/client.js';
import { readArticle } from '../../src/ingest/input.js';
import { counts } from '../support/graph.js';
import { openTestDb, resetDatabase, testConfig, type TestDb } from '../support/neo4j.js';
import { freePort } from '../support/ports.js';
import { tempDir } from '../support/tmp.js';

const run = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;
const GENEVA = join(REPO, 'test/fixtures/nlp/geneva-talks.md');

/** How many documents each service has annotated so far (its /status counter). */
async function annotatedBy(urls: string[]): Promise<number[]> {
  return Promise.all(
    urls.map(async (u) => {
      const status = (await (await fetch(`${u}/status`)).json()) as { annotated: number };
      return status.annotated;
    }),
  );
}

function client(urls: string[], cacheDir?: string): CoreNlpClient {
  return new CoreNlpClient({ services: urls, cache: cacheDir === undefined ? undefined : new NlpCache(cacheDir), timeoutMs: 120_000 });
}

describe('the NLP client against the service', () => {
  const { urls } = inject('nlp');

  it('finds the entities, dates and quotes with their speakers, with offsets into the original text', async () => {
    const article = await readArticle(GENEVA);
    const text = article.text;
    const doc = await client(urls.slice(0, 1)).annotate(text, { date: '2021-03-03' });

    const entity = (name: string): string | undefined => doc.entities.find((e) => e.text === name)?.type;
    expect(entity('Alma Reyes')).toBe('PERSON');
    expect(entity('Mark Olsen')).toBe('PERSON');
    expect(entity('Chile')).toBe('COUNTRY');
    expect(entity('Atlantic Council')).toBe('ORGANIZATION');
    // Relative dates resolved against the publication date.
    expect(doc.entities.find((e) => e.text === 'Tuesday')).toMatchObject({ type: 'DATE', normalized: '2021-03-02' });
    // No pronoun entities.
    expect(doc.entities.some((e) => e.text === 'he')).toBe(false);
    for (const e of doc.entities) expect(text.slice(e.start, e.end)).toBe(e.text);

    expect(doc.sentences.length).toBeGreaterThanOrEqual(5);
    for (const s of doc.sentences) {
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
      // The pipeline runs no depparse (nothing reads dependencies; it cost a third of the CPU).
      expect(s.dependencies).toEqual([]);
    }

    // Curly quotes are normalized for CoreNLP, but the quote text is the article's own.
    const speakers = doc.quotes.map((q) => [q.text, q.speaker]);
    expect(speakers).toEqual([
      ['“We agreed to keep talking,”', 'Reyes'],
      ['“Nobody expected a breakthrough.”', 'Reyes'],
      ['"The tone was good,"', 'Olsen'],
      ['"The substance will take longer,"', 'Mark Olsen'],
    ]);
    // "he added": the mention is the pronoun, the speaker the name CoreNLP resolved it to, located in the text.
    const added = doc.quotes[3];
    expect(added).toMatchObject({ mention: 'he', mentionType: 'pronoun' });
    expect(text.slice(added?.speakerStart, added?.speakerEnd)).toBe('Mark Olsen');
    expect(doc.quotes[2]).toMatchObject({ mention: 'Olsen', mentionType: 'name' });
    for (const q of doc.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('answers a second annotation of the same text from the cache, without the service', async () => {
    const cacheDir = await tempDir('nlp-cache-');
    const text = 'Premier Lina Okafor of Nigeria visited Oslo on Friday. "It was useful," Okafor said.';
    const first = client(urls.slice(0, 1), cacheDir);
    const before = await annotatedBy(urls);
    const a = await first.annotate(text, { date: '2022-05-06' });
    expect(first.stats).toEqual({ annotated: 1, cached: 0 });

    // A new client (a later ingest) with the same cache folder: the service is not asked.
    const second = client(urls.slice(0, 1), cacheDir);
    const b = await second.annotate(text, { date: '2022-05-06' });
    expect(second.stats).toEqual({ annotated: 0, cached: 1 });
    expect(b).toEqual(a);
    const after = await annotatedBy(urls);
    expect(after[0]).toBe((before[0] as number) + 1);

    // Another date is another key (relative dates resolve differently).
    await second.annotate(text, { date: '2022-06-01' });
    expect(second.stats).toEqual({ annotated: 1, cached: 1 });
  });

  it('annotates only the ranges asked for, with offsets into the whole text', async () => {
    const text = 'Envoy Rui Costa flew to Accra.\n\nMinister Ines Baptiste met him in Dakar on Monday.';
    const second = text.indexOf('Minister');
    const doc = await client(urls.slice(0, 1)).annotate(text, { only: [[second, text.length]] });
    expect(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.text)).toEqual(['Ines Baptiste']);
    const dakar = doc.entities.find((e) => e.text === 'Dakar');
    expect(dakar?.start).toBe(text.indexOf('Dakar'));
  });

  it('spreads concurrent articles over both instances', async () => {
    const before = await annotatedBy(urls);
    const c = client(urls);
    const texts = Array.from({ length: 6 }, (_, i) => `Minister Ana Ruiz ${i} met envoys in Lima on Monday. "We made progress," Ruiz said.`);
    const docs = await Promise.all(texts.map((t) => c.annotate(t)));
    expect(docs.every((d) => d.quotes.length === 1)).toBe(true);
    const after = await annotatedBy(urls);
    const served = after.map((n, i) => n - (before[i] as number));
    expect(served.reduce((x, y) => x + y, 0)).toBe(6);
    // Each instance runs one document at a time, so six at once cannot all go to one.
    expect(served.every((n) => n >= 1)).toBe(true);
  });

  it('fails with NLP_UNAVAILABLE, naming the URL and what to do, when no service answers', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const err = await client([nowhere]).annotate('Some text.').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'NLP_UNAVAILABLE' });
    expect((err as Error).message).toContain(nowhere);
    expect((err as Error).message).toContain('npm run nlp:start');
  });

  it('leaves a service that refuses connections out and sends the articles to the others', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const c = client([nowhere, urls[0] as string]);
    const docs = await Promise.all(['Envoy Sam Kell arrived in Hanoi.', 'Envoy Sam Kell left Hanoi.'].map((x) => c.annotate(x)));
    expect(docs.map((d) => d.entities.find((e) => e.type === 'PERSON')?.text)).toEqual(['Sam Kell', 'Sam Kell']);
  });
});

describe('npm run ingest --nlp', () => {
  const { urls } = inject('nlp');
  let t: TestDb;

  beforeAll(async () => {
    t = openTestDb();
  });
  afterAll(async () => t.close());

  async function ingest(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    const { uri, user, password, database } = testConfig();
    return run('npx', ['tsx', 'src/bin/ingest.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, ...env },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  }

  it('annotates with the service by default, from the cache the second time, and not at all with --nlp rules', async () => {
    await resetDatabase(t.db);
    const dir = await tempDir('ingest-nlp-');
    const cache = await tempDir('ingest-nlp-cache-');
    await copyFile(GENEVA, join(dir, 'geneva-talks.md'));
    const env = { NLP_URL: urls.join(','), NLP_CACHE_DIR: cache };

    const accurate = await ingest([dir], env);
    expect(accurate.stderr).toBe('');
    expect(accurate.code).toBe(0);
    expect(accurate.stdout).toMatch(/Ingested 1 article\(s\)/);
    expect(accurate.stdout).toMatch(/nlp: +CoreNLP, 1 annotated, 0 from the cache/);
    expect((await counts(t.db)).perLabel.Article).toBe(1);

    const again = await ingest([dir, '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ articles: 1, failed: 0, nlp: { annotated: 0, cached: 1 } });

    const rules = await ingest([dir, '--nlp', 'rules'], { NLP_URL: 'http://127.0.0.1:9', NLP_CACHE_DIR: cache });
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/nlp: +rules only/);
  }, 240_000);

  it('exits 1 with a message saying what to do when the NLP service cannot be reached', async () => {
    const dir = await tempDir('ingest-nlp-down-');
    await copyFile(GENEVA, join(dir, 'geneva-talks.md'));
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const down = await ingest([dir], { NLP_URL: nowhere, NLP_CACHE_DIR: 'off' });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`The NLP service at ${nowhere} cannot be reached`);
    expect(down.stderr).toContain('--nlp rules');
  }, 120_000);

  it('rejects an unknown mode', async () => {
    const r = await ingest([GENEVA, '--nlp', 'spacy'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--nlp.*spacy.*corenlp, rules/s);
  });
});

describe('npm run nlp:status', () => {
  it('reports a home without instances as not running, exit code 1', async () => {
    const home = await tempDir('nlp-home-');
    const r = await run('npx', ['tsx', 'src/bin/nlp.ts', 'status'], { cwd: REPO, env: { ...process.env, NLP_LOCAL_HOME: home } }).then(
      (x) => ({ code: 0, ...x }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The NLP service is not running; jars not provisioned/);
  });
});
