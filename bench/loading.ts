import neo4j from 'neo4j-driver';
import type { BenchDb } from './queries.js';
import { mergeEntityRows, mergeRelationRows, planFile, type EntityRow, type FilePlan, type RelationRow } from '../src/seed/plan.js';
import { applySchema, loadSeedPaths, validateSeedPaths } from '../src/seed/load.js';

/** Nodes and relationships in the graph (count store). */
export async function graphCounts(db: BenchDb): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read('bench.counts');
  return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
}

export interface LoadResult {
  method: 'ours' | 'baseline';
  /** Which round of the comparison (rounds alternate which loader goes first). */
  round?: number;
  /** Wall time of the whole load, validation included (ours validates every file first). */
  ms: number;
  /** Validation and planning only (reading, parsing, checking, turning files into rows). */
  prepareMs: number;
  /** ms - prepareMs: the time spent writing. */
  writeMs: number;
  nodes: number;
  relationships: number;
  nodesPerSec: number;
  relationshipsPerSec: number;
}

/**
 * Our loader, exactly as `npm run load` runs it (whole files grouped into transactions of up to
 * 5000 rows), with its own split of the time into checking and writing. Expects an empty graph.
 */
export async function loadOurs(db: BenchDb, seedDir: string): Promise<LoadResult> {
  await applySchema(db);
  const summary = await loadSeedPaths(db, [seedDir]);
  return result('ours', summary.ms, summary.validateMs, await graphCounts(db));
}

/**
 * The baseline: the same rows (the loader's own parse, check and plan, so nothing differs but the
 * writing), merged across files client-side, written with one hand-written UNWIND query per kind of
 * row over all rows of the corpus, in chunks of `chunk` rows (one transaction each). No change
 * counting, no per-file atomicity. Expects an empty graph.
 */
export async function loadBaseline(db: BenchDb, seedDir: string, chunk = 5000): Promise<LoadResult> {
  await applySchema(db);
  const started = Date.now();
  const plans = (await validateSeedPaths([seedDir])).map(planFile);
  const rows = mergeRows(plans);
  const prepareMs = Date.now() - started;
  const write = async (name: Parameters<BenchDb['write']>[0], list: unknown[]): Promise<void> => {
    for (let i = 0; i < list.length; i += chunk) await db.write(name, { rows: list.slice(i, i + chunk) });
  };
  await write('bench.load-entities', rows.entities);
  await write('bench.load-articles', rows.articles);
  await write('bench.load-relations', rows.relations);
  await write('bench.load-mentions', rows.mentions);
  await write('bench.load-quotes', rows.quotes);
  return result('baseline', Date.now() - started, prepareMs, await graphCounts(db));
}

function result(method: LoadResult['method'], ms: number, prepareMs: number, c: { nodes: number; relationships: number }): LoadResult {
  const writeMs = Math.max(1, ms - prepareMs);
  return {
    method,
    ms,
    prepareMs,
    writeMs,
    nodes: c.nodes,
    relationships: c.relationships,
    nodesPerSec: Math.round((c.nodes / writeMs) * 1000),
    relationshipsPerSec: Math.round((c.relationships / writeMs) * 1000),
  };
}

/** Every file's rows as one set: entities and relations merged across files as the loader merges them. */
function mergeRows(plans: FilePlan[]): {
  entities: EntityRow[];
  articles: FilePlan['articles'];
  relations: RelationRow[];
  mentions: FilePlan['mentions'];
  quotes: FilePlan['quotes'];
} {
  return {
    entities: [...mergeEntityRows(plans.flatMap((p) => p.entities)).values()],
    articles: plans.flatMap((p) => p.articles),
    relations: mergeRelationRows(plans.flatMap((p) => p.relations)),
    mentions: plans.flatMap((p) => p.mentions),
    quotes: plans.flatMap((p) => p.quotes),
  };
}

/** Integer parameters as Neo4j integers (a JS number is sent as a float, which LIMIT refuses). */
export function cypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));
}
