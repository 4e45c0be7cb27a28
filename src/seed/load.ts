import { extname } from 'node:path';
import type { Db } from '../db/db.js';
import type { GraphClaims } from './claims.js';
import { collectInputFiles } from './files.js';
import { KINDS, type EntityKind } from './model.js';
import { mergeEntityRows, planFile, type EntityRow, type FilePlan } from './plan.js';
import { referenceFactsLookup, type ReferenceFactsLookup } from './reference-checks.js';
import { emptyTakenBack, addTakenBack, type TakenBack } from './replace.js';
import {
  checkSeedSet,
  parseSeedFile,
  SeedValidationError,
  type ExistingLookup,
  type ParsedSeedFile,
  type SeedIssue,
} from './validate.js';
import { DEFAULT_WRITE_BATCH, SeedWriteError, writePlans, type WriteCounts } from './write.js';

/** What a load did. Counts are summed over files; a dry run writes nothing and counts nothing. */
export interface LoadSummary extends WriteCounts {
  files: number;
  entities: number;
  relations: number;
  quotes: number;
  /** Files whose source the graph held before (reloads), and what their edits took back. */
  reloaded: number;
  takenBack: TakenBack;
  /** Sources loaded before from another file, now replaced by this load's file. */
  moved: { source: string; from: string; to: string }[];
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
   * Rows per UNWIND query (default: a transaction's worth, so one query per kind of row per
   * transaction: fewer round trips and plans; measured with the load bench, see bench/README.md).
   */
  batchSize?: number;
  /**
   * Whole files are grouped into one transaction until the group holds this many rows (default
   * DEFAULT_ROWS_PER_TRANSACTION); a file is never split across transactions. 1 gives one
   * transaction per file.
   */
  rowsPerTransaction?: number;
  /** Called after each file is written (or, on a dry run, validated). */
  onFileDone?: (file: string, index: number, total: number) => void;
}

const SEED_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Rows per transaction unless told otherwise (LoadOptions.rowsPerTransaction). Larger groups
 * commit less often; the load bench's alternating rounds chose this size (figures in git history).
 */
export const DEFAULT_ROWS_PER_TRANSACTION = 20000;

/** Rows per UNWIND query unless told otherwise (LoadOptions.batchSize): a transaction's worth. */
export const DEFAULT_BATCH_SIZE = DEFAULT_WRITE_BATCH;

/**
 * The seed files named by `paths`: files as given, folders searched recursively for .yaml/.yml/.json,
 * in a stable (sorted) order. Symlinks are followed; a path that does not exist, a symlink loop or a
 * broken symlink, and a FIFO, device or socket are issues, never skipped silently (src/seed/files.ts).
 */
export async function collectSeedFiles(paths: string[]): Promise<{ files: string[]; issues: SeedIssue[] }> {
  const { files, problems } = await collectInputFiles(paths, (name) => SEED_EXTENSIONS.has(extname(name).toLowerCase()));
  return { files, issues: problems.map((p) => ({ file: p.file, path: '', message: p.message })) };
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

/** What the graph already holds that a load's files may claim (see claims.ts). */
export function graphClaims(db: Db): GraphClaims {
  return {
    quotes: async (ids) => new Map((await db.read('sources.quotes-by-ids', { ids })).map((r) => [String(r.id), { article: String(r.article), file: r.file === null ? null : String(r.file) }])),
    articlesByUrlKey: async (keys) => {
      const rows = await db.read('sources.articles-by-keys', { rows: keys.map((urlKey, i) => ({ i, id: null, urlKey, titleKey: null })) });
      return new Map(rows.map((r) => [String(r.urlKey), { article: String(r.id), file: r.file === null ? null : String(r.file) }]));
    },
    sourcesByFile: async (files) => new Map((await db.read('sources.by-file', { files })).map((r) => [String(r.file), (r.ids as string[]).map(String)])),
  };
}

/**
 * Parses and checks every file of `paths`. Throws SeedValidationError listing every problem in every
 * file when any is found; otherwise returns the parsed files. Writes nothing.
 */
export async function validateSeedPaths(paths: string[], lookup?: ExistingLookup, lookupFacts?: ReferenceFactsLookup, graph?: GraphClaims): Promise<ParsedSeedFile[]> {
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
  if (issues.length === 0) issues.push(...(await checkSeedSet(parsed, lookup, lookupFacts, graph)));
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
  const parsed = await validateSeedPaths(paths, existingLookup(db), referenceFactsLookup(db), graphClaims(db));
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
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    reloaded: 0,
    takenBack: emptyTakenBack(),
    moved: [],
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
  // Entities whose merged fields an earlier transaction of this load already wrote: a later file
  // that defines them adds only its claim, one that references them nothing.
  const written = new Set<string>();
  const committed: string[] = [];
  let group: FilePlan[] = [];
  let rows = 0;
  let next = 0;
  const flush = async (): Promise<void> => {
    if (group.length === 0) return;
    const toWrite = group.map((p) => ({ ...p, entities: entitiesFor(p, definitions, written) }));
    let result;
    try {
      result = await writePlans(db, toWrite, batchSize);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new SeedWriteError(group.map((p) => p.file), [...committed], plans.slice(next).map((p) => p.file), reason);
    }
    for (const p of toWrite) for (const e of p.entities) written.add(e.id);
    summary.nodesCreated += result.nodesCreated;
    summary.nodesUpdated += result.nodesUpdated;
    summary.relationshipsCreated += result.relationshipsCreated;
    summary.relationshipsUpdated += result.relationshipsUpdated;
    summary.nodesDeleted += result.nodesDeleted;
    summary.relationshipsDeleted += result.relationshipsDeleted;
    addTakenBack(summary.takenBack, result.takenBack);
    summary.moved.push(...result.moved);
    summary.reloaded += result.reloaded;
    for (const p of group) {
      committed.push(p.file);
      opts.onFileDone?.(p.file, committed.length, plans.length);
    }
    group = [];
    rows = 0;
  };
  for (const plan of plans) {
    const size = plan.entities.length + plan.relations.length + plan.articles.length + plan.mentions.length + plan.quotes.length;
    if (group.length > 0 && rows + size > limit) await flush();
    group.push(plan);
    next++;
    rows += size;
  }
  await flush();
  summary.ms = Date.now() - started;
  return summary;
}

/**
 * A file's entity rows for its transaction: every entity it defines or references, in the form
 * merged across all files of the load (so each transaction finds every node it links whatever the
 * file order), with the file's own claim where it defines the entity. An entity an earlier
 * transaction of the load already wrote (`written`) gets only the claim, or no row at all.
 */
function entitiesFor(plan: FilePlan, definitions: Map<string, EntityRow>, written: ReadonlySet<string>): EntityRow[] {
  const own = new Map(plan.entities.map((e) => [e.id, e]));
  const ids = new Set<string>([
    ...plan.entities.map((e) => e.id),
    ...plan.relations.flatMap((r) => [r.from, r.to]),
    ...plan.quotes.flatMap((q) => [q.speaker, ...q.about]),
    ...plan.mentions.map((m) => m.entity),
    ...plan.articles.flatMap((a) => [...(a.outlet ? [a.outlet] : []), ...a.authors]),
  ]);
  const rows: EntityRow[] = [];
  for (const id of ids) {
    const merged = definitions.get(id);
    const mine = own.get(id);
    if (merged !== undefined && !written.has(id)) rows.push({ ...merged, claims: mine?.claims ?? [], setProps: true });
    else if (mine !== undefined) rows.push({ ...mine, props: {}, setProps: false });
  }
  return rows;
}
