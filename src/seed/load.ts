import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Db, TxRunner } from '../db/db.js';
import type { QueryName } from '../db/query-names.js';
import { KINDS, type EntityKind } from './model.js';
import { referenceFactsLookup, type ReferenceFactsLookup } from './reference-checks.js';
import { mergeEntityRows, mergeRelationRows, planFile, type EntityRow, type FilePlan } from './plan.js';
import {
  checkSeedSet,
  parseSeedFile,
  SeedValidationError,
  type ExistingLookup,
  type ParsedSeedFile,
  type SeedIssue,
} from './validate.js';

/** What a load did. Counts are summed over files; a dry run writes nothing and counts nothing. */
export interface LoadSummary {
  files: number;
  entities: number;
  relations: number;
  quotes: number;
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  dryRun: boolean;
  /** Wall time of the whole load. */
  ms: number;
  /** Of which reading, checking and planning the files (before anything is written). */
  validateMs: number;
}

export interface LoadOptions {
  /** Validate only (references are still checked against the graph). */
  dryRun?: boolean;
  /**
   * Rows per UNWIND query (default 5000, the default transaction size: one query per kind of row
   * per transaction). Against 1000, on the 1k bench corpus: write phase 2.46-2.74 s vs 2.69-2.95 s,
   * every one of four alternating rounds ahead.
   */
  batchSize?: number;
  /**
   * Whole files are grouped into one transaction until the group holds this many rows (default
   * 5000); a file is never split across transactions. 1 gives one transaction per file.
   */
  rowsPerTransaction?: number;
  /** Called after each file is written (or, on a dry run, validated). */
  onFileDone?: (file: string, index: number, total: number) => void;
}

const SEED_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Rows per transaction unless told otherwise (LoadOptions.rowsPerTransaction). 20000 rather than
 * 5000: on the bench corpora, alternating loads on one Neo4j, the write phase was ahead in every
 * round (1k: 2309-2612 vs 2616-2739 ms over five rounds; 10k: 15.3-16.4 vs 16.2-19.0 s over four).
 */
export const DEFAULT_ROWS_PER_TRANSACTION = 20000;

/** Rows per UNWIND query unless told otherwise (LoadOptions.batchSize): a transaction's worth. */
export const DEFAULT_BATCH_SIZE = DEFAULT_ROWS_PER_TRANSACTION;

/**
 * The seed files named by `paths`: files as given, folders searched recursively for .yaml/.yml/.json,
 * in a stable (sorted) order. A path that does not exist is an issue, not an exception.
 */
export async function collectSeedFiles(paths: string[]): Promise<{ files: string[]; issues: SeedIssue[] }> {
  const files: string[] = [];
  const issues: SeedIssue[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && SEED_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(full);
    }
  };
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (info.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      issues.push({ file: p, path: '', message: 'no such file or folder' });
    }
  }
  const unique = [...new Set(files.map((f) => resolve(f)))];
  const shown = new Map(files.map((f) => [resolve(f), f]));
  return { files: unique.map((f) => shown.get(f) ?? f), issues };
}

/** Asks the graph which of `ids` exist, for references that no file of the load defines. */
export function existingLookup(db: Db): ExistingLookup {
  const labelToKind = new Map(Object.entries(KINDS).map(([kind, spec]) => [spec.label, kind as EntityKind]));
  return async (ids) => {
    const rows = await db.read('seed.existing-entities', { ids, kindLabels: [...labelToKind.keys()] });
    const out = new Map<string, EntityKind>();
    for (const r of rows) {
      const kind = labelToKind.get(String(r.label));
      if (kind) out.set(String(r.id), kind);
    }
    return out;
  };
}

/**
 * Parses and checks every file of `paths`. Throws SeedValidationError listing every problem in every
 * file when any is found; otherwise returns the parsed files. Writes nothing.
 */
export async function validateSeedPaths(paths: string[], lookup?: ExistingLookup, lookupFacts?: ReferenceFactsLookup): Promise<ParsedSeedFile[]> {
  const { files, issues } = await collectSeedFiles(paths);
  if (files.length === 0 && issues.length === 0) {
    issues.push({ file: paths.join(', '), path: '', message: 'no seed files (.yaml, .yml, .json) found' });
  }
  const parsed: ParsedSeedFile[] = [];
  for (const file of files) {
    const r = await parseSeedFile(file);
    issues.push(...r.issues);
    if (r.parsed) parsed.push(r.parsed);
  }
  if (issues.length === 0) issues.push(...(await checkSeedSet(parsed, lookup, lookupFacts)));
  if (issues.length > 0) throw new SeedValidationError(issues);
  return parsed;
}

/** Applies constraints and indexes (idempotent) and waits for the indexes to come online. */
export async function applySchema(db: Db): Promise<void> {
  for (const statement of db.queries.statements('schema.setup')) {
    await db.writeTransaction((tx) => tx.runStatement(statement));
  }
  await db.read('schema.await', { timeoutSeconds: 300 });
}

/**
 * Validates all of `paths`, then writes each file in its own transaction with fixed-shape UNWIND
 * batches. Nothing is written when any file is invalid. Loading the same files again changes no
 * counts: every write is a MERGE on ids, provenance is appended only when new.
 */
export async function loadSeedPaths(db: Db, paths: string[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const parsed = await validateSeedPaths(paths, existingLookup(db), referenceFactsLookup(db));
  const plans = parsed.map(planFile);
  const validateMs = Date.now() - started;
  const summary: LoadSummary = {
    files: plans.length,
    entities: plans.reduce((n, p) => n + p.entities.length, 0),
    relations: plans.reduce((n, p) => n + p.relations.length, 0),
    quotes: plans.reduce((n, p) => n + p.quotes.length, 0),
    nodesCreated: 0,
    nodesUpdated: 0,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    dryRun: opts.dryRun === true,
    ms: 0,
    validateMs,
  };
  if (opts.dryRun) {
    plans.forEach((p, i) => opts.onFileDone?.(p.file, i + 1, plans.length));
    summary.ms = Date.now() - started;
    return summary;
  }
  // Group whole files into transactions: one commit per file costs more than the file's writes when
  // files are small (an article is ~100 rows), and a group is as atomic as each of its files.
  const limit = opts.rowsPerTransaction ?? DEFAULT_ROWS_PER_TRANSACTION;
  const definitions = mergeEntityRows(plans.flatMap((p) => p.entities));
  // Entities already written by an earlier transaction of this load, in their merged form: a later
  // file that defines or references them again has nothing to add.
  const written = new Set<string>();
  let group: FilePlan[] = [];
  let rows = 0;
  let done = 0;
  const flush = async (): Promise<void> => {
    if (group.length === 0) return;
    const toWrite = group.map((p) => withReferencedEntities(p, definitions, written));
    const counts = await writePlans(db, toWrite, batchSize);
    for (const p of toWrite) for (const e of p.entities) written.add(e.id);
    summary.nodesCreated += counts.nodesCreated;
    summary.nodesUpdated += counts.nodesUpdated;
    summary.relationshipsCreated += counts.relationshipsCreated;
    summary.relationshipsUpdated += counts.relationshipsUpdated;
    for (const p of group) opts.onFileDone?.(p.file, ++done, plans.length);
    group = [];
    rows = 0;
  };
  for (const plan of plans) {
    const size = plan.entities.length + plan.relations.length + plan.articles.length + plan.mentions.length + plan.quotes.length;
    if (group.length > 0 && rows + size > limit) await flush();
    group.push(plan);
    rows += size;
  }
  await flush();
  summary.ms = Date.now() - started;
  return summary;
}

/**
 * Gives a file's transaction every entity it defines or references, in the form merged across all
 * files of the load, except those an earlier transaction of the load already wrote (`written`).
 * Each transaction then finds every node it links whatever the file order, and each entity is
 * written once per load.
 */
function withReferencedEntities(plan: FilePlan, definitions: Map<string, EntityRow>, written: ReadonlySet<string>): FilePlan {
  const ids = new Set<string>([
    ...plan.entities.map((e) => e.id),
    ...plan.relations.flatMap((r) => [r.from, r.to]),
    ...plan.quotes.flatMap((q) => [q.speaker, ...q.about]),
    ...plan.mentions.map((m) => m.entity),
    ...plan.articles.flatMap((a) => [...(a.outlet ? [a.outlet] : []), ...a.authors]),
  ]);
  const entities = [...ids].filter((id) => !written.has(id)).map((id) => definitions.get(id)).filter((e): e is EntityRow => e !== undefined);
  return { ...plan, entities };
}

/**
 * Writes several plans in one transaction, as one plan of concatenated rows (the ingest path batches
 * articles this way: one transaction per batch rather than per article). Entities that several
 * plans share are written once, merged, and so is a relationship that several of them state.
 */
export async function writePlans(db: Db, plans: FilePlan[], batchSize = DEFAULT_BATCH_SIZE): Promise<WriteCounts> {
  const definitions = mergeEntityRows(plans.flatMap((p) => p.entities));
  const merged: FilePlan = {
    file: plans.map((p) => p.file).join(', '),
    entities: [...definitions.values()],
    relations: mergeRelationRows(plans.flatMap((p) => p.relations)),
    articles: plans.flatMap((p) => p.articles),
    mentions: plans.flatMap((p) => p.mentions),
    quotes: plans.flatMap((p) => p.quotes),
  };
  return db.writeTransaction((tx) => writePlan(tx, merged, batchSize));
}

export interface WriteCounts {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
}

/**
 * Writes one plan's rows in the given transaction. Rows of extracted files (overwrite: false) set
 * fields only on nodes and relationships they create; every row adds labels, aliases and provenance.
 */
async function writePlan(tx: TxRunner, plan: FilePlan, batchSize: number): Promise<WriteCounts> {
  const counts: WriteCounts = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
  const write = async (name: QueryName, rows: unknown[], updates: 'nodes' | 'relationships'): Promise<void> => {
    for (let i = 0; i < rows.length; i += batchSize) {
      const r = await tx.runCounted(name, { rows: rows.slice(i, i + batchSize) });
      counts.nodesCreated += r.nodesCreated;
      counts.relationshipsCreated += r.relationshipsCreated;
      const updated = Number(r.rows[0]?.updated ?? 0);
      if (updates === 'nodes') counts.nodesUpdated += updated;
      else counts.relationshipsUpdated += updated;
    }
  };
  // Order matters inside the transaction: nodes before the relationships that MATCH them.
  await write('seed.merge-entities', plan.entities, 'nodes');
  await write('seed.merge-articles', plan.articles, 'nodes');
  await write('seed.merge-relations', plan.relations, 'relationships');
  await write('seed.merge-mentions', plan.mentions, 'relationships');
  await write('seed.merge-quotes', plan.quotes, 'nodes');
  return counts;
}
