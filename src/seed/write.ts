import type { Db, TxRunner } from '../db/db.js';
import type { QueryName } from '../db/query-names.js';
import { DomainError } from '../errors.js';
import { mergeEntityRows, mergeRelationRows, type FilePlan } from './plan.js';
import { printable } from './printable.js';
import { readSourceStates, takeBack, type Statement, type TakenBack } from './replace.js';

/**
 * Writing planned files: one write transaction per group of files, which records each file's
 * source (its Source node), upserts its rows with fixed-shape UNWIND queries, and takes back what a
 * source loaded before no longer states (src/seed/replace.ts). A group commits whole or not at all.
 */

export interface WriteCounts {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  /** Deleted because no source states them any more (a reload of an edited file). */
  nodesDeleted: number;
  relationshipsDeleted: number;
}

export interface WriteResult extends WriteCounts {
  takenBack: TakenBack;
  /** Sources loaded before from another file: this write's file replaced that one's statements. */
  moved: { source: string; from: string; to: string }[];
  /** How many of the plans were sources the graph already held (reloads). */
  reloaded: number;
}

/** Rows per UNWIND query unless told otherwise. */
export const DEFAULT_WRITE_BATCH = 20000;

/**
 * A write transaction failed: nothing of `failed` was written; `committed` were written by earlier
 * transactions of the same run and stay (loading them again changes nothing); `notWritten` were
 * not tried. Running the same command again after fixing the cause converges on the full load.
 */
export class SeedWriteError extends DomainError {
  constructor(
    readonly failed: string[],
    readonly committed: string[],
    readonly notWritten: string[],
    readonly reason: string,
  ) {
    super('LOAD_FAILED', `writing ${failed.length} file(s) failed: ${reason}`);
    this.name = 'SeedWriteError';
  }

  /** The message for the command line: the failing files, what was committed, what to do. */
  report(command: 'load' | 'ingest' = 'load'): string {
    const list = (files: string[]): string => files.map((f) => `  ${printable(f)}`).join('\n');
    return [
      `${command} failed while writing ${this.failed.length === 1 ? 'this file' : `these ${this.failed.length} files (one transaction)`}; nothing of ${this.failed.length === 1 ? 'it' : 'them'} was written:`,
      list(this.failed),
      `  Neo4j said: ${printable(this.reason)}`,
      this.committed.length > 0 ? `Committed before the failure (${this.committed.length} file(s), complete):\n${list(this.committed)}` : 'Nothing was committed before the failure.',
      ...(this.notWritten.length > 0 ? [`Not tried (${this.notWritten.length} file(s)):\n${list(this.notWritten)}`] : []),
      'Fix the cause and run the same command again: committed files load again unchanged.',
    ].join('\n');
  }
}

/** What a planned file states, as replace.ts compares it with what its source stated before. */
function statementOf(plan: FilePlan): Statement {
  return {
    relations: plan.source.relations,
    defined: plan.entities.filter((e) => e.claims.some((c) => c.source === plan.source.id)).map((e) => e.id),
    mentions: plan.mentions.map((m) => m.entity),
    quotes: plan.quotes.map((q) => q.id),
  };
}

/**
 * Writes several plans in one transaction, as one plan of concatenated rows (one transaction per
 * group of files rather than per file). Entities that several plans share are written once, merged,
 * and so is a relationship that several of them state. Sources the graph already holds are
 * reloads: what they stated before and no longer state is taken back in the same transaction.
 */
export async function writePlans(db: Db, plans: FilePlan[], batchSize = DEFAULT_WRITE_BATCH): Promise<WriteResult> {
  const definitions = mergeEntityRows(plans.flatMap((p) => p.entities));
  const merged = {
    sources: plans.map((p) => p.source),
    entities: [...definitions.values()],
    relations: mergeRelationRows(plans.flatMap((p) => p.relations)),
    articles: plans.flatMap((p) => p.articles),
    mentions: plans.flatMap((p) => p.mentions),
    quotes: plans.flatMap((p) => p.quotes),
  };
  return db.writeTransaction(async (tx) => {
    const before = await readSourceStates(tx, plans.map((p) => p.source.id));
    const counts = await writeRows(tx, merged, batchSize);
    const reloads = plans.flatMap((p) => {
      const state = before.get(p.source.id);
      return state === undefined ? [] : [{ before: state, now: statementOf(p) }];
    });
    const takenBack = await takeBack(tx, reloads, batchSize);
    counts.nodesDeleted += takenBack.nodesDeleted;
    counts.relationshipsDeleted += takenBack.relationshipsDeleted;
    const moved = plans.flatMap((p) => {
      const from = before.get(p.source.id)?.file;
      return from && from !== p.source.file ? [{ source: p.source.id, from, to: p.source.file }] : [];
    });
    return Object.assign(counts, { takenBack, moved, reloaded: reloads.length });
  });
}

/**
 * Writes the rows in the given transaction. Rows of extracted files (overwrite: false) set fields
 * only on nodes and relationships they create; every row adds labels, aliases and provenance.
 */
async function writeRows(tx: TxRunner, plan: Omit<FilePlan, 'file' | 'source'> & { sources: FilePlan['source'][] }, batchSize: number): Promise<WriteCounts> {
  const counts: WriteCounts = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0, nodesDeleted: 0, relationshipsDeleted: 0 };
  const write = async (name: QueryName, rows: unknown[], updates: 'nodes' | 'relationships'): Promise<void> => {
    for (let i = 0; i < rows.length; i += batchSize) {
      const r = await tx.runCounted(name, { rows: rows.slice(i, i + batchSize) });
      counts.nodesCreated += r.nodesCreated;
      counts.relationshipsCreated += r.relationshipsCreated;
      counts.nodesDeleted += r.nodesDeleted;
      counts.relationshipsDeleted += r.relationshipsDeleted;
      const updated = Number(r.rows[0]?.updated ?? 0);
      if (updates === 'nodes') counts.nodesUpdated += updated;
      else counts.relationshipsUpdated += updated;
    }
  };
  // Order matters inside the transaction: sources before the DEFINES from them, nodes before the
  // relationships that MATCH them.
  await write('seed.merge-sources', plan.sources, 'nodes');
  await write('seed.merge-entities', plan.entities, 'nodes');
  await write('seed.merge-articles', plan.articles, 'nodes');
  await write('seed.merge-relations', plan.relations, 'relationships');
  await write('seed.merge-mentions', plan.mentions, 'relationships');
  await write('seed.merge-quotes', plan.quotes, 'nodes');
  return counts;
}
