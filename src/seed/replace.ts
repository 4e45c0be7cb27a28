import type { TxRunner } from '../db/db.js';
import { PERSON_LABELS } from './model.js';
import { parseRelationManifestKey } from './plan.js';

/**
 * Taking back what a source said: the one mechanism behind "a file is the truth for what it
 * states" (a reload replaces what the file said before) and behind retraction (the file says
 * nothing any more). Given a source's load record as it was (SourceState) and what it states now
 * (Statement; empty for a retraction), it removes the source from every relationship it no longer
 * states (deleting those left without a source), deletes its article's mentions and quotes it no
 * longer has, its DEFINES of entities it no longer defines, then brings every entity it touched in
 * line with the sources left (aliases, labels) and deletes those nothing holds any more.
 * Runs inside the caller's write transaction: a reload's writes and take-backs commit together.
 */

/** A source's load record as the graph holds it (cypher/sources.state.cypher). */
export interface SourceState {
  id: string;
  kind: string;
  file: string | null;
  /** Manifest keys of the relationships it stated (plan.ts, relationManifestKey). */
  relations: string[];
  /** Entities it defined (DEFINES). */
  defined: string[];
  /** For an article: every entity it links to (mentions, outlet, authors, quotes' speakers and subjects). */
  linked: string[];
  /** For an article: its quotes. */
  quotes: string[];
}

/** What a source states now. */
export interface Statement {
  relations: string[];
  defined: string[];
  /** For an article: the entities it mentions and its quotes. */
  mentions: string[];
  quotes: string[];
  /** A retraction: the article itself goes too. */
  retract?: boolean;
}

/** What a retracted source states: nothing, and its article goes. */
export const NOTHING: Statement = { relations: [], defined: [], mentions: [], quotes: [], retract: true };

/** What taking back changed, for the summary and for `npm run retract`. */
export interface TakenBack {
  /** Relationships that lost a source: `remaining` 0 means deleted. */
  relationships: { source: string; type: string; from: string; to: string; remaining: number }[];
  quotesRemoved: string[];
  mentionsRemoved: number;
  entitiesRemoved: string[];
  /** Entities no source defines any more that other sources' relationships still name (kept). */
  entitiesUndefined: string[];
  nodesDeleted: number;
  relationshipsDeleted: number;
}

export function emptyTakenBack(): TakenBack {
  return { relationships: [], quotesRemoved: [], mentionsRemoved: 0, entitiesRemoved: [], entitiesUndefined: [], nodesDeleted: 0, relationshipsDeleted: 0 };
}

/** The load records of those of `ids` the graph holds, by id. */
export async function readSourceStates(tx: Pick<TxRunner, 'run'>, ids: string[]): Promise<Map<string, SourceState>> {
  const out = new Map<string, SourceState>();
  if (ids.length === 0) return out;
  for (const r of await tx.run('sources.state', { ids })) {
    out.set(String(r.id), {
      id: String(r.id),
      kind: String(r.kind),
      file: r.file === null ? null : String(r.file),
      relations: (r.relations as string[]) ?? [],
      defined: (r.defined as string[]) ?? [],
      linked: (r.linked as string[]) ?? [],
      quotes: (r.quotes as string[]) ?? [],
    });
  }
  return out;
}

/** Takes back, for each change, what `before` stated and `now` does not (see the module comment). */
export async function takeBack(tx: TxRunner, changes: { before: SourceState; now: Statement }[], batchSize = 5000): Promise<TakenBack> {
  const out = emptyTakenBack();
  if (changes.length === 0) return out;
  const count = (r: { nodesDeleted: number; relationshipsDeleted: number }): void => {
    out.nodesDeleted += r.nodesDeleted;
    out.relationshipsDeleted += r.relationshipsDeleted;
  };
  const inBatches = async (name: 'sources.unstate-relations' | 'sources.unstate-article' | 'sources.unstate-defines', rows: unknown[]): Promise<Record<string, unknown>[]> => {
    const results: Record<string, unknown>[] = [];
    for (let i = 0; i < rows.length; i += batchSize) {
      const r = await tx.runCounted(name, { rows: rows.slice(i, i + batchSize) });
      count(r);
      results.push(...r.rows);
    }
    return results;
  };

  const staleRelations = changes.flatMap(({ before, now }) => {
    const still = new Set(now.relations);
    return before.relations.filter((k) => !still.has(k)).map((k) => ({ source: before.id, ...parseRelationManifestKey(k) }));
  });
  for (const r of await inBatches('sources.unstate-relations', staleRelations)) {
    out.relationships.push({ source: String(r.source), type: String(r.type), from: String(r.from), to: String(r.to), remaining: Number(r.remaining) });
  }

  const articles = changes.filter(({ before }) => before.id.startsWith('article:')).map(({ before, now }) => ({ article: before.id, mentions: now.mentions, quotes: now.quotes, retract: now.retract === true }));
  for (const r of await inBatches('sources.unstate-article', articles)) {
    out.mentionsRemoved += Number(r.mentionsRemoved);
    out.quotesRemoved.push(...(r.quotesRemoved as string[]));
  }

  await inBatches('sources.unstate-defines', changes.map(({ before, now }) => ({ source: before.id, keep: now.defined })));

  // Every entity the sources touched before (what they defined, linked, and joined by relationships)
  // or define now: aliases and labels may have lost their last claim, entities their last link.
  const touched = new Set<string>();
  for (const { before, now } of changes) {
    for (const id of [...before.defined, ...before.linked, ...now.defined]) touched.add(id);
    for (const k of before.relations) {
      const { from, to } = parseRelationManifestKey(k);
      touched.add(from);
      touched.add(to);
    }
  }
  const ids = [...touched];
  for (let i = 0; i < ids.length; i += batchSize) {
    const r = await tx.runCounted('sources.refresh-entities', { ids: ids.slice(i, i + batchSize), personLabels: PERSON_LABELS });
    count(r);
    for (const row of r.rows) {
      if (row.removed === true) out.entitiesRemoved.push(String(row.id));
      else if (row.undefined === true) out.entitiesUndefined.push(String(row.id));
    }
  }
  return out;
}

/** Adds `b` into `a`. */
export function addTakenBack(a: TakenBack, b: TakenBack): void {
  a.relationships.push(...b.relationships);
  a.quotesRemoved.push(...b.quotesRemoved);
  a.mentionsRemoved += b.mentionsRemoved;
  a.entitiesRemoved.push(...b.entitiesRemoved);
  a.entitiesUndefined.push(...b.entitiesUndefined);
  a.nodesDeleted += b.nodesDeleted;
  a.relationshipsDeleted += b.relationshipsDeleted;
}
