/**
 * `npm run retract -- ID|URL... [--dry-run] [--json]`: removes sources (articles by id or URL, `ref:`
 * seed files by id) and every node and relationship only they support, and prints what it removes.
 * Exit codes: 0 retracted (or, with --dry-run, would retract), 1 a target not in the graph (nothing
 * changed) or a failure.
 */
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { DomainError } from '../errors.js';
import { applySchema } from '../seed/load.js';
import { printable } from '../seed/printable.js';
import { retractSources, type RetractReport } from '../seed/retract.js';

const program = new Command()
  .name('npm run retract --')
  .description('Remove articles (by id or URL) or ref: seed files (by id) and every fact only they state.')
  .argument('<targets...>', 'article ids (article:...), article URLs, or ref: ids of seed files without an article')
  .option('--dry-run', 'print what would be removed; change nothing')
  .option('--json', 'print the report as JSON on stdout')
  .showHelpAfterError();

program.action(async (targets: string[], opts: { dryRun?: boolean; json?: boolean }) => {
  const config = loadConfig();
  const conn = await connect(config, (m) => process.stderr.write(`${m}\n`));
  try {
    await applySchema(conn.db);
    const report = await retractSources(conn.db, targets, { dryRun: opts.dryRun === true });
    process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  } finally {
    await conn.close();
  }
});

/** What went, line by line: sources, relationships deleted or kept with their other sources, quotes, entities. */
export function formatReport(r: RetractReport): string {
  const verb = r.dryRun ? 'Would retract' : 'Retracted';
  const lines = [`${verb} ${r.sources.length} source(s)${r.dryRun ? ' (dry run: nothing changed)' : ''}:`];
  for (const s of r.sources) lines.push(`  ${printable(s.id)} (${s.kind}${s.title ? `: ${printable(s.title)}` : ''}${s.file ? `; from ${printable(s.file)}` : ''})`);
  const deleted = r.relationships.filter((x) => x.remaining === 0);
  const kept = r.relationships.filter((x) => x.remaining > 0);
  const byRel = (a: (typeof r.relationships)[number], b: (typeof r.relationships)[number]): number => rel(a).localeCompare(rel(b));
  const rel = (x: (typeof r.relationships)[number]): string => `${printable(x.from)} -[${x.type}]-> ${printable(x.to)}`;
  lines.push(`Relationships ${r.dryRun ? 'to delete' : 'deleted'} (no other source states them): ${deleted.length}`);
  for (const x of deleted.sort(byRel)) lines.push(`  ${rel(x)}`);
  lines.push(`Relationships kept (other sources state them too; this source removed from them): ${kept.length}`);
  for (const x of kept.sort(byRel)) lines.push(`  ${rel(x)} (${x.remaining} source(s) left)`);
  lines.push(`Quotes ${r.dryRun ? 'to delete' : 'deleted'}: ${r.quotesRemoved.length}`);
  for (const q of [...r.quotesRemoved].sort()) lines.push(`  ${printable(q)}`);
  lines.push(`Mentions ${r.dryRun ? 'to delete' : 'deleted'}: ${r.mentionsRemoved}`);
  lines.push(`Entities ${r.dryRun ? 'to delete' : 'deleted'} (nothing else holds them): ${r.entitiesRemoved.length}`);
  for (const e of [...r.entitiesRemoved].sort()) lines.push(`  ${printable(e)}`);
  for (const e of r.entitiesUndefined) lines.push(`warning: ${printable(e)} is no longer defined by any source, but other sources' facts still name it (kept)`);
  lines.push(`In all: ${r.nodesDeleted} node(s) and ${r.relationshipsDeleted} relationship(s) ${r.dryRun ? 'would be ' : ''}deleted.`);
  return `${lines.join('\n')}\n`;
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`${printable(err instanceof DomainError ? err.message : `retract failed: ${err instanceof Error ? err.message : String(err)}`)}\n`);
  process.exitCode = 1;
});
