/**
 * `npm run eval [-- --verbose] [-- DIR]`: runs the extractor on every article in the fixtures folder
 * (default test/fixtures/articles) against its `.gold.yaml`, and prints precision, recall and F1 per
 * category for each article and in total (micro-averaged). Needs no database. Exit code 0 always
 * unless the fixtures cannot be read: the bar is judged by people and by the integration test.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { buildGazetteer } from '../extract/build-gazetteer.js';
import { extractArticle } from '../extract/extract.js';
import { CATEGORIES, emptyScore, f1, scoreArticle, type Category, type Gold, type Score } from '../extract/evaluate.js';
import { readArticle } from '../ingest/input.js';

const DEFAULT_DIR = fileURLToPath(new URL('../../test/fixtures/articles/', import.meta.url));

const program = new Command()
  .name('npm run eval --')
  .description('Score the extractor against hand-made gold files.')
  .argument('[dir]', 'folder of articles (*.txt, *.md) with <name>.gold.yaml beside each', DEFAULT_DIR)
  .option('--verbose', 'list what was missed and what was extracted wrongly')
  .option('--json', 'print the scores as JSON');

program.action(async (dir: string, opts: { verbose?: boolean; json?: boolean }) => {
  const gaz = await buildGazetteer();
  const names = await readdir(dir);
  const files = names.filter((f) => /\.(txt|md)$/.test(f) && names.includes(f.replace(/\.(txt|md)$/, '.gold.yaml'))).sort();
  const totals = Object.fromEntries(CATEGORIES.map((c) => [c, emptyScore()])) as Record<Category, Score>;
  const rows: Record<string, unknown>[] = [];
  const pct = (x: number): string => x.toFixed(2);
  const lines: string[] = [];
  for (const file of files) {
    const goldPath = join(dir, file.replace(/\.(txt|md)$/, '.gold.yaml'));
    const gold = parseYaml(await readFile(goldPath, 'utf8')) as Gold;
    const input = await readArticle(join(dir, file));
    const { doc } = extractArticle(input, gaz);
    const scores = scoreArticle(doc, gold);
    const row: Record<string, unknown> = { article: file };
    lines.push(`\n${file}`);
    for (const c of CATEGORIES) {
      const s = scores[c];
      const t = totals[c];
      t.tp += s.tp;
      t.fp += s.fp;
      t.fn += s.fn;
      const r = f1(s);
      row[c] = r;
      lines.push(`  ${c.padEnd(14)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
      if (opts.verbose) {
        for (const m of s.missed) lines.push(`      missed:   ${m}`);
        for (const m of s.spurious) lines.push(`      spurious: ${m}`);
      }
    }
    const all = CATEGORIES.reduce((a, c) => ({ tp: a.tp + scores[c].tp, fp: a.fp + scores[c].fp, fn: a.fn + scores[c].fn }), { tp: 0, fp: 0, fn: 0 });
    row.total = f1(all);
    lines.push(`  ${'total'.padEnd(14)} F1 ${pct(f1(all).f1)}`);
    rows.push(row);
  }
  lines.push(`\nAll ${files.length} articles (micro-averaged)`);
  lines.push(`  ${'category'.padEnd(14)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}    tp   fp   fn`);
  const all = { tp: 0, fp: 0, fn: 0 };
  const summary: Record<string, unknown> = {};
  for (const c of CATEGORIES) {
    const t = totals[c];
    all.tp += t.tp;
    all.fp += t.fp;
    all.fn += t.fn;
    const r = f1(t);
    summary[c] = r;
    lines.push(`  ${c.padEnd(14)} ${pct(r.precision).padStart(5)} ${pct(r.recall).padStart(5)} ${pct(r.f1).padStart(5)}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`);
  }
  const tr = f1(all);
  summary.total = tr;
  lines.push(`  ${'total'.padEnd(14)} ${pct(tr.precision).padStart(5)} ${pct(tr.recall).padStart(5)} ${pct(tr.f1).padStart(5)}  ${String(all.tp).padStart(4)} ${String(all.fp).padStart(4)} ${String(all.fn).padStart(4)}`);
  if (opts.json) process.stdout.write(`${JSON.stringify({ articles: rows, total: summary })}\n`);
  else process.stdout.write(`${lines.join('\n')}\n`);
});

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
