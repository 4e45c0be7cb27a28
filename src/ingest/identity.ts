import type { Db } from '../db/db.js';
import type { ArticleInput } from '../extract/extract.js';
import { articleKeys, type ArticleKeys } from '../seed/identity.js';
import { printable } from '../seed/printable.js';

/**
 * Which article in the graph a raw article is, before it is extracted (its quotes' ids derive from
 * the article id): the same id, the same canonical URL, or the same title with no outlet or date
 * that contradicts it. Then:
 * - the same as a reviewed article (a seed file): a conflict. A reviewed article is never replaced by
 *   an extracted one; the file is reported and skipped;
 * - the same as an extracted article: a new version of it, which takes its id and replaces it;
 * - none: a new article, with the id its identity gives (src/seed/identity.ts).
 */

/** An article in the graph that may be the same as a raw one (cypher/sources.articles-by-keys). */
export interface Candidate {
  id: string;
  urlKey: string | null;
  titleKey: string | null;
  outletKey: string | null;
  publishedAt: string | null;
  title: string | null;
  /** Its load record's kind: 'reviewed', 'extracted', or null (loaded before load records existed). */
  kind: string | null;
  file: string | null;
}

export type Resolution = { id: string; replaces?: Candidate } | { conflict: string };

/** Whether `c` is the article that `keys` (and `input`) describe. */
export function sameArticle(input: Pick<ArticleInput, 'id' | 'published'>, keys: ArticleKeys, c: Candidate): boolean {
  if (c.id === input.id) return true;
  if (keys.urlKey !== undefined && c.urlKey !== null) return keys.urlKey === c.urlKey;
  if (c.titleKey !== keys.titleKey) return false;
  const outletAgrees = keys.outletKey === undefined || c.outletKey === null || keys.outletKey === c.outletKey;
  const dateAgrees = input.published === undefined || c.publishedAt === null || input.published === c.publishedAt;
  return outletAgrees && dateAgrees;
}

/** Decides, for one raw article, among the candidates the graph holds (see the module comment). */
export function resolveIdentity(input: Pick<ArticleInput, 'id' | 'published'>, keys: ArticleKeys, candidates: Candidate[]): Resolution {
  const same = candidates.filter((c) => sameArticle(input, keys, c));
  const reviewed = same.find((c) => c.kind !== 'extracted');
  if (reviewed !== undefined) {
    const from = reviewed.file ? ` (${printable(reviewed.file)})` : '';
    return {
      conflict: `the same article as the reviewed ${reviewed.id}${from}; a reviewed article is never replaced by an extracted one: edit the reviewed file instead, or retract it first`,
    };
  }
  if (same.length > 1) {
    return { conflict: `matches ${same.length} articles in the graph (${same.map((c) => c.id).join(', ')}); give it a url in its front matter, or retract the duplicates` };
  }
  const previous = same[0];
  return previous === undefined ? { id: input.id } : { id: previous.id, replaces: previous };
}

/** Looks up the candidates of several raw articles in one query; by index into `inputs`. */
export async function findCandidates(db: Db, inputs: ArticleInput[]): Promise<{ keys: ArticleKeys[]; candidates: Candidate[][] }> {
  const keys = inputs.map((a) => articleKeys({ title: a.title, ...(a.url ? { url: a.url } : {}), ...(a.outlet ? { outlet: a.outlet } : {}) }));
  const candidates: Candidate[][] = inputs.map(() => []);
  if (inputs.length === 0) return { keys, candidates };
  const rows = await db.read('sources.articles-by-keys', {
    rows: inputs.map((a, i) => ({ i, id: a.id, urlKey: keys[i]?.urlKey ?? null, titleKey: keys[i]?.titleKey ?? null })),
  });
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  for (const r of rows) {
    candidates[Number(r.i)]?.push({
      id: String(r.id),
      urlKey: str(r.urlKey),
      titleKey: str(r.titleKey),
      outletKey: str(r.outletKey),
      publishedAt: str(r.publishedAt),
      title: str(r.title),
      kind: str(r.kind),
      file: str(r.file),
    });
  }
  return { keys, candidates };
}
