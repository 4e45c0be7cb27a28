import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseArticle, readArticle } from '../ingest/input.js';
import { CATEGORIES, emptyScore, scoreArticle, type Category, type Gold, type Score } from './evaluate.js';
import { addTally, CORPUS_CATEGORIES, emptyTally, scoreCorpusArticle, type CorpusCategory, type CorpusGold, type Tally } from './evaluate-corpus.js';
import type { ArticleInput, Extraction } from './extract.js';
import type { Gazetteer } from './gazetteer.js';

/**
 * Running an extractor over a folder of articles with gold files and collecting the scores. Two
 * folder layouts are understood:
 * - the corpus format (../shared/corpus): `articles/NN-slug.md` and `gold/NN-slug.json`;
 * - the fixture format (test/fixtures/articles): `NNN_name.txt` beside `NNN_name.gold.yaml`.
 */

export type Extractor = (input: ArticleInput) => Extraction | Promise<Extraction>;

export interface CorpusArticleReport {
  file: string;
  scores: Record<CorpusCategory, Tally>;
}

export interface CorpusReport {
  format: 'corpus';
  dir: string;
  articles: CorpusArticleReport[];
  totals: Record<CorpusCategory, Tally>;
}

export interface FixtureArticleReport {
  file: string;
  scores: Record<Category, Score>;
}

export interface FixtureReport {
  format: 'fixtures';
  dir: string;
  articles: FixtureArticleReport[];
  totals: Record<Category, Score>;
}

export type FolderReport = CorpusReport | FixtureReport;

/** Which layout a folder has; an error that says what was expected when it has neither. */
export async function folderFormat(dir: string): Promise<'corpus' | 'fixtures'> {
  const isDir = async (p: string): Promise<boolean> => (await stat(p).catch(() => undefined))?.isDirectory() === true;
  if (!(await isDir(dir))) throw new Error(`${dir}: no such folder`);
  if ((await isDir(join(dir, 'articles'))) && (await isDir(join(dir, 'gold')))) return 'corpus';
  const names = await readdir(dir);
  if (names.some((n) => n.endsWith('.gold.yaml'))) return 'fixtures';
  throw new Error(`${dir}: neither a corpus folder (articles/ and gold/) nor a fixtures folder (*.txt or *.md beside *.gold.yaml)`);
}

export async function evaluateFolder(dir: string, gaz: Gazetteer, extract: Extractor): Promise<FolderReport> {
  return (await folderFormat(dir)) === 'corpus' ? evaluateCorpus(dir, gaz, extract) : evaluateFixtures(dir, extract);
}

/** The corpus format: every `gold/*.json` with its article in `articles/` (.md or .txt). */
export async function evaluateCorpus(dir: string, gaz: Gazetteer, extract: Extractor): Promise<CorpusReport> {
  const golds = (await readdir(join(dir, 'gold'))).filter((f) => f.endsWith('.json')).sort();
  if (golds.length === 0) throw new Error(`${dir}/gold: no gold files (*.json)`);
  const articleNames = await readdir(join(dir, 'articles'));
  const totals = Object.fromEntries(CORPUS_CATEGORIES.map((c) => [c, emptyTally()])) as Record<CorpusCategory, Tally>;
  const items: { articleName: string; gold: CorpusGold; input: ArticleInput }[] = [];
  for (const g of golds) {
    const stem = basename(g, '.json');
    const articleName = articleNames.find((n) => n === `${stem}.md` || n === `${stem}.txt`);
    if (!articleName) throw new Error(`${join(dir, 'gold', g)}: no article ${stem}.md or ${stem}.txt in ${join(dir, 'articles')}`);
    const gold = JSON.parse(await readFile(join(dir, 'gold', g), 'utf8')) as CorpusGold;
    items.push({ articleName, gold, input: await readCorpusArticle(join(dir, 'articles', articleName)) });
  }
  // All at once: an extractor that waits for a service (the model mode) keeps it busy.
  const extractions = await Promise.all(items.map((it) => extract(it.input)));
  const articles: CorpusArticleReport[] = items.map((it, i) => {
    const scores = scoreCorpusArticle(extractions[i] as Extraction, it.gold, it.input.text, gaz);
    for (const c of CORPUS_CATEGORIES) addTally(totals[c], scores[c]);
    return { file: it.articleName, scores };
  });
  return { format: 'corpus', dir, articles, totals };
}

/** The fixture format: every `*.txt`/`*.md` with a `.gold.yaml` beside it. */
export async function evaluateFixtures(dir: string, extract: Extractor): Promise<FixtureReport> {
  const names = await readdir(dir);
  const files = names.filter((f) => /\.(txt|md)$/.test(f) && names.includes(f.replace(/\.(txt|md)$/, '.gold.yaml'))).sort();
  if (files.length === 0) throw new Error(`${dir}: no articles with a .gold.yaml beside them`);
  const totals = Object.fromEntries(CATEGORIES.map((c) => [c, emptyScore()])) as Record<Category, Score>;
  const articles: FixtureArticleReport[] = [];
  const inputs = await Promise.all(files.map((file) => readArticle(join(dir, file))));
  const extractions = await Promise.all(inputs.map((input) => extract(input)));
  for (const [i, file] of files.entries()) {
    const gold = parseYaml(await readFile(join(dir, file.replace(/\.(txt|md)$/, '.gold.yaml')), 'utf8')) as Gold;
    const { doc } = extractions[i] as Extraction;
    const scores = scoreArticle(doc, gold);
    for (const c of CATEGORIES) {
      const t = totals[c];
      t.tp += scores[c].tp;
      t.fp += scores[c].fp;
      t.fn += scores[c].fn;
      t.missed.push(...scores[c].missed);
      t.spurious.push(...scores[c].spurious);
    }
    articles.push({ file, scores });
  }
  return { format: 'fixtures', dir, articles, totals };
}

/**
 * Reads a corpus article. Its front matter has one field ingest does not take (`source_path`, the
 * file in the research dataset the text came from); it is dropped, everything else goes through the
 * ingest reader unchanged.
 */
export async function readCorpusArticle(file: string): Promise<ArticleInput> {
  const raw = await readFile(file, 'utf8');
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(raw);
  if (!fm) return readArticle(file);
  const block = fm[0].replace(/^source_path:.*\r?\n/m, '');
  return parseArticle(file, block + raw.slice(fm[0].length));
}
