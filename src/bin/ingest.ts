/**
 * `npm run ingest -- PATH... [--nlp corenlp|rules] [--out DIR] [--dry-run] [--json]`: extracts raw
 * articles (.txt, .md) into the graph. A bad article is reported with its file and skipped; the exit
 * code is 1 when any failed. `--nlp corenlp` (the default, accurate) annotates every article with the
 * NLP service first (NLP_URL, or the local one, started when an article misses the cache); `--nlp
 * rules` is the extractor alone, for fast bulk backfills.
 */
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { progressBar } from './progress.js';
import { connect } from '../db/connect.js';
import { DomainError } from '../errors.js';
import { buildGazetteer } from '../extract/build-gazetteer.js';
import { ingestPaths, type IngestSummary } from '../ingest/ingest.js';
import { createNlpClient } from '../nlp/connect.js';
import { applySchema } from '../seed/load.js';
import { printable } from '../seed/printable.js';
import { SeedWriteError } from '../seed/write.js';


const program = new Command()
  .name('npm run ingest --')
  .description('Extract entities, relationships and quotes from raw articles and load them into the graph.')
  .argument('<paths...>', 'article files (.txt, .md) or folders')
  .addOption(
    new Option('--nlp <mode>', 'corenlp: annotate with the NLP service first (accurate); rules: the extractor alone (fast)')
      .choices(['corenlp', 'rules'])
      .default('corenlp'),
  )
  .option('--out <dir>', 'also write each extraction as a reviewable seed file into DIR')
  .option('--dry-run', 'extract and resolve only; write nothing to the graph')
  .option('--json', 'print the summary as JSON on stdout')
  .showHelpAfterError();

program.action(async (paths: string[], opts: { nlp: 'corenlp' | 'rules'; out?: string; dryRun?: boolean; json?: boolean }) => {
  const config = loadConfig();
  const nlp = opts.nlp === 'corenlp' ? createNlpClient(config, (m) => process.stderr.write(`${m}\n`)) : undefined;
  const conn = await connect(config, (m) => process.stderr.write(`${m}\n`));
  const bar = progressBar('articles');
  try {
    await applySchema(conn.db);
    const gaz = await buildGazetteer();
    const summary = await ingestPaths(conn.db, gaz, paths, {
      dryRun: opts.dryRun === true,
      nlp,
      ...(opts.out ? { outDir: opts.out } : {}),
      onArticleDone: (_file, done, total) => bar.update(done, total),
    });
    bar.stop();
    if (nlp !== undefined) summary.nlp = { ...nlp.stats };
    for (const f of summary.failures) process.stderr.write(`${printable(f.file)}: ${printable(f.message)} (skipped)\n`);
    if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(formatSummary(summary));
    if (summary.failed > 0) process.exitCode = 1;
  } finally {
    bar.stop();
    await conn.close();
  }
});

function formatSummary(s: IngestSummary): string {
  const rate = s.ms > 0 ? ((s.articles / s.ms) * 1000).toFixed(1) : '-';
  return [
    `Ingested ${s.articles} article(s)${s.failed > 0 ? `, ${s.failed} failed` : ''} in ${s.ms} ms (${rate} articles/s)${s.dryRun ? ' (dry run: nothing written)' : ''}`,
    `  entities:      ${s.entitiesNew} new, ${s.entitiesMatched} matched in the graph`,
    `  relationships: ${s.relationships}   quotes: ${s.quotes}   warnings: ${s.warnings.length}`,
    s.nlp === undefined ? '  nlp:           rules only (--nlp rules)' : `  nlp:           CoreNLP, ${s.nlp.annotated} annotated, ${s.nlp.cached} from the cache`,
    ...(s.dryRun ? [] : [`  written:       ${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created`]),
    ...(s.replaced > 0 ? [`  replaced:      ${s.replaced} earlier version(s); ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships only they stated deleted`] : []),
    ...s.warnings.slice(0, 20).map((w) => `  warning: ${printable(w)}`),
    ...(s.warnings.length > 20 ? [`  ... ${s.warnings.length - 20} more warnings (--json lists them all)`] : []),
    '',
  ].join('\n');
}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof SeedWriteError) process.stderr.write(`${err.report('ingest')}\n`);
  else process.stderr.write(`${printable(err instanceof DomainError ? err.message : `ingest failed: ${err instanceof Error ? err.message : String(err)}`)}\n`);
  process.exitCode = 1;
});
