import type { Db } from '../db/db.js';
import { DomainError } from '../errors.js';
import { articleKeys, normalizeUrl } from './identity.js';
import { NOTHING, readSourceStates, takeBack, type TakenBack } from './replace.js';

/**
 * `npm run retract`: removing sources (articles, `ref:` files) and everything only they support.
 * Each target is an id (`article:...`, `ref:...`) or an article URL (matched by its canonical form).
 * A retraction takes back everything the source stated (src/seed/replace.ts: relationships lose it
 * as a source and go when none remains, its article's mentions and quotes go, entities nothing holds
 * any more go), then deletes the article and the load record. All targets are retracted in one
 * transaction; a dry run makes the same changes and rolls them back, so it reports exactly what
 * the real run would do.
 */

export interface RetractedSource {
  id: string;
  kind: string;
  file: string | null;
  title: string | null;
}

export interface RetractReport extends TakenBack {
  sources: RetractedSource[];
  dryRun: boolean;
}

/** Thrown before anything changes when a target names nothing the graph holds. */
export class RetractTargetError extends DomainError {
  constructor(readonly unknown: string[]) {
    super('NOT_FOUND', `not in the graph (nothing was retracted): ${unknown.join(', ')}`, { unknown });
    this.name = 'RetractTargetError';
  }
}

/** Rolls a dry run's transaction back, carrying its report out. */
class DryRunRollback extends Error {
  constructor(readonly report: RetractReport) {
    super('dry run: rolled back');
  }
}

/** The source ids `targets` name (ids as given, URLs through their article), and those naming nothing. */
async function resolveTargets(db: Db, targets: string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const ids: string[] = [];
  const unknown: string[] = [];
  const urls = targets.filter((t) => /^https?:\/\//i.test(t));
  const byUrl = new Map<string, string>();
  if (urls.length > 0) {
    const keys = urls.map((u) => (normalizeUrl(u) !== undefined ? articleKeys({ title: '', url: u }).urlKey : undefined));
    const rows = await db.read('sources.articles-by-keys', { rows: keys.map((urlKey, i) => ({ i, id: null, urlKey: urlKey ?? null, titleKey: null })) });
    for (const r of rows) byUrl.set(urls[Number(r.i)] as string, String(r.id));
  }
  const candidates = targets.map((t) => (/^https?:\/\//i.test(t) ? byUrl.get(t) : t));
  const known = new Set((await db.read('sources.by-ids', { ids: candidates.filter((c): c is string => c !== undefined) })).map((r) => String(r.id)));
  targets.forEach((t, i) => {
    const id = candidates[i];
    if (id !== undefined && known.has(id)) {
      if (!ids.includes(id)) ids.push(id);
    } else unknown.push(t);
  });
  return { ids, unknown };
}

/**
 * Retracts the sources `targets` name, all in one transaction, and reports what went. Throws
 * RetractTargetError, changing nothing, when any target names nothing in the graph.
 */
export async function retractSources(db: Db, targets: string[], opts: { dryRun?: boolean } = {}): Promise<RetractReport> {
  const { ids, unknown } = await resolveTargets(db, targets);
  if (unknown.length > 0) throw new RetractTargetError(unknown);
  const dryRun = opts.dryRun === true;
  const work = db.writeTransaction(async (tx) => {
    const info = await tx.run('sources.by-ids', { ids });
    const states = await readSourceStates(tx, ids);
    const taken = await takeBack(
      tx,
      ids.flatMap((id) => {
        const before = states.get(id);
        return before === undefined ? [] : [{ before, now: NOTHING }];
      }),
    );
    const deleted = await tx.runCounted('sources.delete', { ids });
    taken.nodesDeleted += deleted.nodesDeleted;
    taken.relationshipsDeleted += deleted.relationshipsDeleted;
    const report: RetractReport = Object.assign(taken, {
      sources: info.map((r) => ({ id: String(r.id), kind: String(r.kind), file: r.file === null ? null : String(r.file), title: r.title === null ? null : String(r.title) })),
      dryRun,
    });
    if (dryRun) throw new DryRunRollback(report);
    return report;
  });
  try {
    return await work;
  } catch (err) {
    if (err instanceof DryRunRollback) return err.report;
    throw err;
  }
}
