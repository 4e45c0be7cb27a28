/**
 * `npm run eval [-- PATH...] [--nlp corenlp|rules] [--verbose] [--json]`: runs the extractor over folders of articles with
 * gold files and prints its scores per category, per article and in total. Two layouts: the real-news
 * corpus (`articles/` + `gold/*.json`, scored as issue 21 defines: recall per category, precision
 * beside it, macro = mean of the categories' recalls) and the project's fixtures (`*.txt` beside
 * `*.gold.yaml`, precision/recall/F1 per category). Default: test/fixtures/articles and, when it is
 * there, ../shared/corpus (relative to the repository). `--nlp corenlp` (the default, the accurate
 * mode) annotates each article with the NLP service (NLP_URL, or the local one, started when an
 * article misses the cache; cached answers cost nothing); `--nlp rules` runs the rules alone (the
 * fast mode). `--verbose` lists every miss and every wrong extraction. Needs no database. Exit code 0 unless a folder cannot be read: the bars are held by
 * test/unit/extract-quality.test.ts, not here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { buildGazetteer } from '../extract/build-gazetteer.js';
import { CATEGORIES, f1 } from '../extract/evaluate.js';
import { CORPUS_CATEGORIES, macro, rates } from '../extract/evaluate-corpus.js';
import { evaluateFolder, type CorpusReport, type FixtureReport } from '../extract/eval-folders.js';
import { extractArticle, type ArticleInput } from '../extract/extract.js';
import { createNlpClient } from '../nlp/connect.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/articles/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

const program = new Command()
  .name('npm run eval --')
  .description('Score the extractor against hand-made gold files.')
  .argument('[paths...]', 'folders to score: a corpus (articles/ + gold/) or fixtures (*.txt beside *.gold.yaml)')
  .addOption(new Option('--nlp <mode>', 'corenlp: rules and the statistical model (accurate); rules: rules alone (fast)').choices(['corenlp', 'rules']).default('corenlp'))
  .option('--verbose', 'list every miss and every wrong extraction')
  .option('--json', 'print the reports as JSON');

const pct = (x: number): string => x.toFixed(2);

function printCorpus(r: CorpusReport, verbose: boolean): string[] {
  const lines = [`\n== ${r.dir} (corpus format, ${r.articles.length} articles)`, '', `  ${'article'.padEnd(46)} ${CORPUS_CATEGORIES.map((c) => c.slice(0, 6).padStart(6)).join(' ')}`];
  for (const a of r.articles) {
    lines.push(`  ${a.file.replace(/\.(md|txt)$/, '').slice(0, 46).padEnd(46)} ${CORPUS_CATEGORIES.map((c) => `${a.scores[c].found}/${a.scores[c].total}`.padStart(6)).join(' ')}`);
    if (verbose) {
      for (const c of CORPUS_CATEGORIES) {
        for (const m of a.scores[c].missed) lines.push(`      ${c} missed: ${m}`);
        for (const w of a.scores[c].wrong) lines.push(`      ${c} wrong:  ${w}`);
      }
    }
  }
  lines.push('', `  ${'category'.padEnd(14)} ${'recall'.padStart(6)} ${'prec.'.padStart(6)}   found/gold  right/extracted`);
  for (const c of CORPUS_CATEGORIES) {
    const t = r.totals[c];
    const x = rates(t);
    lines.push(`  ${c.padEnd(14)} ${pct(x.recall).padStart(6)} ${pct(x.precision).padStart(6)}   ${`${t.found}/${t.total}`.padStart(10)}  ${`${t.correct}/${t.extracted}`.padStart(15)}`);
  }
  lines.push(`  ${'macro'.padEnd(14)} ${pct(macro(r.totals)).padStart(6)}`);
  return lines;
}

function printFixtures(r: FixtureReport, verbose: boolean): string[] {
  const lines = [`\n== ${r.dir} (fixtures format, ${r.articles.length} articles)`];
  for (const a of r.articles) {
    const all = CATEGORIES.reduce((s, c) => ({ tp: s.tp + a.scores[c].tp, fp: s.fp + a.scores[c].fp, fn: s.fn + a.scores[c].fn }), { tp: 0, fp: 0, fn: 0 });
    lines.push(`  ${a.file.padEnd(40)} F1 ${pct(f1(all).f1)}`);
    if (verbose) {
      for (const c of CATEGORIES) {
        for (const m of a.scores[c].missed) lines.push(`      ${c} missed:   ${m}`);
        for (const m of a.scores[c].spurious) lines.push(`      ${c} spurious: ${m}`);
      }
    }
  }
  lines.push('', `  ${'category'.padEnd(14)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}    tp   fp   fn`);
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const c of CATEGORIES) {
    const t = r.totals[c];
    all.tp += t.tp;
    all.fp += t.fp;
    all.fn += t.fn;
    const x = f1(t);
    lines.push(`  ${c.padEnd(14)} ${pct(x.precision).padStart(5)} ${pct(x.recall).padStart(5)} ${pct(x.f1).padStart(5)}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`);
  }
  const x = f1(all);
  lines.push(`  ${'total'.padEnd(14)} ${pct(x.precision).padStart(5)} ${pct(x.recall).padStart(5)} ${pct(x.f1).padStart(5)}  ${String(all.tp).padStart(4)} ${String(all.fp).padStart(4)} ${String(all.fn).padStart(4)}`);
  return lines;
}

program.action(async (paths: string[], opts: { verbose?: boolean; json?: boolean; nlp: 'corenlp' | 'rules' }) => {
  let dirs = paths;
  if (dirs.length === 0) {
    dirs = [FIXTURES];
    if (existsSync(CORPUS)) dirs.push(CORPUS);
    else process.stderr.write(`note: the development corpus is not at ${CORPUS}; scoring the fixtures only\n`);
  }
  const gaz = await buildGazetteer();
  const nlp = opts.nlp === 'corenlp' ? createNlpClient(loadConfig(), (msg) => process.stderr.write(`${msg}\n`)) : undefined;
  const extract = async (input: ArticleInput) => extractArticle(input, gaz, nlp ? await nlp.annotate(input.text, input.published ? { date: input.published } : {}) : undefined);
  const reports = [];
  for (const dir of dirs) reports.push(await evaluateFolder(dir, gaz, extract));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ nlp: opts.nlp, reports })}\n`);
    return;
  }
  const mode = nlp ? `corenlp (rules + model; ${nlp.stats.annotated} annotated, ${nlp.stats.cached} from the cache)` : 'rules';
  const lines = [`mode: ${mode}`, ...reports.flatMap((r) => (r.format === 'corpus' ? printCorpus(r, opts.verbose === true) : printFixtures(r, opts.verbose === true)))];
  process.stdout.write(`${lines.join('\n')}\n`);
});

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
