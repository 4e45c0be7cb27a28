/**
 * `npm run load -- PATH... [--dry-run] [--json]`: validates every seed file, then writes each in one
 * transaction. Exit codes: 0 loaded (or valid, with --dry-run), 1 invalid input or failure.
 */
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { progressBar } from './progress.js';
import { connect } from '../db/connect.js';
import { applySchema, DEFAULT_BATCH_SIZE, DEFAULT_ROWS_PER_TRANSACTION, loadSeedPaths, type LoadSummary } from '../seed/load.js';
import { SeedValidationError, formatIssue } from '../seed/validate.js';
import { SeedWriteError } from '../seed/write.js';
import { printable } from '../seed/printable.js';
import { DomainError } from '../errors.js';


const program = new Command()
  .name('npm run load --')
  .description('Validate seed files (YAML or JSON) and load them into Neo4j. Folders are searched recursively.')
  .argument('<paths...>', 'seed files or folders')
  .option('--dry-run', 'validate only; write nothing')
  .option('--json', 'print the summary as JSON on stdout')
  .option('--batch-size <n>', 'rows per UNWIND query', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--batch-size takes a positive whole number, got ${v}`);
    return n;
  }, DEFAULT_BATCH_SIZE)
  .option('--rows-per-transaction <n>', 'group whole files into transactions of up to N rows (1: one per file)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--rows-per-transaction takes a positive whole number, got ${v}`);
    return n;
  }, DEFAULT_ROWS_PER_TRANSACTION)
  .showHelpAfterError();

program.action(async (paths: string[], opts: { dryRun?: boolean; json?: boolean; batchSize: number; rowsPerTransaction: number }) => {
  const config = loadConfig();
  const conn = await connect(config, (m) => process.stderr.write(`${m}\n`));
  const bar = progressBar('files');
  try {
    if (!opts.dryRun) await applySchema(conn.db);
    const summary = await loadSeedPaths(conn.db, paths, {
      dryRun: opts.dryRun === true,
      batchSize: opts.batchSize,
      rowsPerTransaction: opts.rowsPerTransaction,
      onFileDone: (_file, done, total) => bar.update(done, total),
    });
    bar.stop();
    if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(formatSummary(summary));
  } finally {
    bar.stop();
    await conn.close();
  }
});

function formatSummary(s: LoadSummary): string {
  if (s.dryRun) {
    return `Valid: ${s.files} file(s), ${s.entities} entities, ${s.relations} relations, ${s.quotes} quotes (dry run: nothing written) in ${s.ms} ms\n`;
  }
  const t = s.takenBack;
  const deleted = t.relationships.filter((r) => r.remaining === 0).length;
  return [
    `Loaded ${s.files} file(s) in ${s.ms} ms (${s.validateMs} ms checking, ${s.ms - s.validateMs} ms writing): ${s.entities} entities, ${s.relations} relations, ${s.quotes} quotes`,
    `  nodes:         ${s.nodesCreated} created, ${s.nodesUpdated} updated, ${s.nodesDeleted} deleted`,
    `  relationships: ${s.relationshipsCreated} created, ${s.relationshipsUpdated} updated, ${s.relationshipsDeleted} deleted`,
    ...(t.relationships.length + t.quotesRemoved.length + t.entitiesRemoved.length > 0
      ? [
          `  no longer stated by the reloaded files: ${t.relationships.length} relation(s) (${deleted} deleted, ${t.relationships.length - deleted} kept with other sources), ` +
            `${t.quotesRemoved.length} quote(s), ${t.mentionsRemoved} mention(s), ${t.entitiesRemoved.length} entit${t.entitiesRemoved.length === 1 ? 'y' : 'ies'} deleted`,
        ]
      : []),
    ...s.moved.map((m) => `  note: ${printable(m.source)} was loaded before from ${printable(m.from)}; this load's ${printable(m.to)} replaced it`),
    ...t.entitiesUndefined.map((id) => `  warning: ${printable(id)} is no longer defined by any file, but other files' facts still name it (kept)`),
    '',
  ].join('\n');
}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof SeedValidationError) {
    process.stderr.write(`${err.issues.map(formatIssue).join('\n')}\n${err.issues.length} problem(s); nothing was written.\n`);
  } else if (err instanceof SeedWriteError) {
    process.stderr.write(`${err.report('load')}\n`);
  } else if (err instanceof DomainError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`load failed: ${printable(err instanceof Error ? err.message : String(err))}\n`);
  }
  process.exitCode = 1;
});
