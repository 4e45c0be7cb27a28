import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Db } from '../db/db.js';
import { idFromName } from '../extract/assemble.js';
import { extractArticle, type Extraction } from '../extract/extract.js';
import type { Gazetteer } from '../extract/gazetteer.js';
import { DomainError } from '../errors.js';
import type { NlpAnnotator, NlpDoc } from '../nlp/types.js';
import { KINDS, type SeedDocument } from '../seed/model.js';
import { EvidenceIndex } from '../seed/evidence.js';
import { collectInputFiles } from '../seed/files.js';
import { existingLookup, graphClaims } from '../seed/load.js';
import { planExtracted, type FilePlan } from '../seed/plan.js';
import { printable } from '../seed/printable.js';
import { checkClaims } from '../seed/claims.js';
import { checkSeedSet, formatIssue, type ExistingLookup, type ParsedSeedFile, type SeedIssue } from '../seed/validate.js';
import { SeedWriteError, writePlans } from '../seed/write.js';
import { findCandidates, resolveIdentity } from './identity.js';
import { ARTICLE_EXTENSIONS, InputError, readArticle } from './input.js';
import type { ArticleInput } from '../extract/extract.js';

/**
 * `npm run ingest`: raw articles -> extraction -> resolution against the graph -> the same writer as
 * `npm run load`. A bad article is reported and skipped; the others go on.
 */

export interface IngestOptions {
  /** Extract and resolve, write nothing to the graph. */
  dryRun?: boolean;
  /** Also write each extraction as a reviewable seed file (and its text) into this folder. */
  outDir?: string;
  /**
   * Articles per write transaction: default 100 in rules mode, 20 in accurate mode (where annotation
   * takes about a second per article, so progress shows and the annotated read-ahead stays small).
   */
  batchSize?: number;
  /**
   * The NLP service (accurate mode): every article is annotated before extraction, the next batch
   * while the previous one is extracted and written. Undefined: rules mode (the extractor alone).
   */
  nlp?: NlpAnnotator | undefined;
  onArticleDone?: (file: string, done: number, total: number) => void;
}

export interface IngestFailure {
  file: string;
  message: string;
}

export interface IngestSummary {
  articles: number;
  failed: number;
  failures: IngestFailure[];
  entitiesNew: number;
  entitiesMatched: number;
  relationships: number;
  quotes: number;
  warnings: string[];
  nodesCreated: number;
  relationshipsCreated: number;
  /** Articles that replaced an earlier extracted version of themselves (same identity). */
  replaced: number;
  /** Nodes and relationships deleted because a new version of an article no longer states them. */
  nodesDeleted: number;
  relationshipsDeleted: number;
  dryRun: boolean;
  ms: number;
  /** Accurate mode only: articles the NLP service annotated and those its cache answered (set by the caller that owns the client). */
  nlp?: { annotated: number; cached: number };
}

/**
 * Article files named by `paths` (folders searched recursively; README, SOURCE and LICENSE files
 * left out), sorted. Missing paths, symlink loops, broken symlinks, FIFOs, devices and sockets are
 * failures (src/seed/files.ts), never skipped silently.
 */
export async function collectArticles(paths: string[]): Promise<{ files: string[]; failures: IngestFailure[] }> {
  const { files, problems } = await collectInputFiles(paths, (name) => ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) && !/^(readme|source|license)\./i.test(name));
  return { files, failures: problems };
}

/**
 * Gives names the gazetteer did not know the id the graph already has for them: an extracted
 * person, organization or place whose exact name (or alias) one graph entity of the same kind
 * carries takes that entity's id, so a second article about the same people merges into the same
 * nodes. Ambiguous names (several graph entities) keep their own id.
 */
async function resolveAgainstGraph(db: Db, extractions: Extraction[], lookup: ExistingLookup): Promise<void> {
  // Names whose own id the graph already has need no search: they are that entity.
  const candidates = extractions.flatMap((x) => (x.doc.entities ?? []).filter((e) => idFromName(e) && ['PERSON', 'ORGANIZATION', 'PLACE'].includes(e.kind)));
  const known = candidates.length > 0 ? await lookup([...new Set(candidates.map((e) => e.id))]) : new Map();
  const wanted: { i: number; id: string; name: string; label: string }[] = [];
  for (const [i, x] of extractions.entries()) {
    for (const e of x.doc.entities ?? []) {
      if (known.has(e.id) || !idFromName(e) || !['PERSON', 'ORGANIZATION', 'PLACE'].includes(e.kind)) continue;
      if (e.name.replace(/["\\]/g, ' ').trim() === '') continue;
      wanted.push({ i, id: e.id, name: e.name, label: KINDS[e.kind].label });
    }
  }
  if (wanted.length === 0) return;
  // One full-text query per chunk of names (Lucene allows 1024 clauses), then exact matching here.
  const byName = new Map<string, { id: string; labels: string[] }[]>();
  const names = [...new Set(wanted.map((w) => w.name))];
  for (let k = 0; k < names.length; k += 500) {
    const chunk = names.slice(k, k + 500);
    const query = chunk.map((n) => `"${n.replace(/["\\]/g, ' ')}"`).join(' OR ');
    const hits = await db.read('ingest.match-names', { query, limit: chunk.length * 5 });
    for (const h of hits) {
      for (const form of [String(h.name), ...(h.aliases as string[])]) {
        const key = form.toLowerCase();
        const list = byName.get(key) ?? [];
        if (!list.some((x) => x.id === h.id)) list.push({ id: String(h.id), labels: h.labels as string[] });
        byName.set(key, list);
      }
    }
  }
  const remap = new Map<number, Map<string, string>>();
  for (const w of wanted) {
    const ids = (byName.get(w.name.toLowerCase()) ?? []).filter((x) => x.labels.includes(w.label)).map((x) => x.id);
    if (ids.length === 1 && ids[0] !== w.id) {
      const m = remap.get(w.i) ?? new Map<string, string>();
      m.set(w.id, ids[0] as string);
      remap.set(w.i, m);
    }
  }
  for (const [i, m] of remap) renameIds(extractions[i]?.doc as SeedDocument, m);
}

function renameIds(doc: SeedDocument, m: Map<string, string>): void {
  const r = (id: string): string => m.get(id) ?? id;
  const seen = new Set<string>();
  doc.entities = (doc.entities ?? []).filter((e) => {
    e.id = r(e.id);
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  for (const rel of doc.relations ?? []) {
    rel.from = r(rel.from);
    rel.to = r(rel.to);
  }
  for (const q of doc.quotes ?? []) {
    q.speaker = r(q.speaker);
    if (q.about) q.about = q.about.map(r);
  }
  if (doc.article?.authors) doc.article.authors = doc.article.authors.map(r);
  if (doc.article?.outlet) doc.article.outlet = r(doc.article.outlet);
}

export async function ingestPaths(db: Db, gaz: Gazetteer, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? (opts.nlp === undefined ? 100 : 20);
  const summary: IngestSummary = {
    articles: 0,
    failed: 0,
    failures: [],
    entitiesNew: 0,
    entitiesMatched: 0,
    relationships: 0,
    quotes: 0,
    warnings: [],
    nodesCreated: 0,
    relationshipsCreated: 0,
    replaced: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    dryRun: opts.dryRun === true,
    ms: 0,
  };
  const { files, failures } = await collectArticles(paths);
  summary.failures.push(...failures);
  if (opts.outDir) await mkdir(join(opts.outDir, 'articles'), { recursive: true });
  const lookup = existingLookup(db);
  const claims = graphClaims(db);
  let done = 0;
  // The file each article id of this run came from: a second file with the same identity is the
  // same article twice, reported rather than written over the first.
  const seenIds = new Map<string, string>();
  const committed: string[] = [];

  interface Prepared {
    good: { file: string; parsed: ParsedSeedFile; extraction: Extraction; text: string }[];
    plans: FilePlan[];
    replacing: number;
  }
  interface Read {
    file: string;
    input?: ArticleInput;
    nlp?: NlpDoc;
    /** Why the article is skipped (unreadable, or the NLP service failed on its text). */
    failure?: string;
  }
  /**
   * Reads one batch and, in accurate mode, annotates it (all its articles handed to the client at
   * once: it spreads them over the services). An article the service fails on is skipped like a bad
   * file; a service that cannot be reached at all ends the run (NLP_UNAVAILABLE).
   */
  const readBatch = async (batch: string[]): Promise<Read[]> =>
    Promise.all(
      batch.map(async (file): Promise<Read> => {
        let input: ArticleInput;
        try {
          input = await readArticle(file);
        } catch (err) {
          return { file, failure: err instanceof InputError ? err.message.slice(printable(file).length + 2) : `cannot read: ${(err as Error).message}` };
        }
        if (opts.nlp === undefined) return { file, input };
        try {
          const nlp = await opts.nlp.annotate(input.text, input.published !== undefined ? { date: input.published } : {});
          return { file, input, nlp };
        } catch (err) {
          if (err instanceof DomainError && err.code === 'NLP_ERROR') return { file, failure: err.message };
          throw err;
        }
      }),
    );

  /** Resolves, extracts and checks one batch read by readBatch; plans its writes. Touches the graph only to read. */
  const prepare = async (batch: Read[]): Promise<Prepared> => {
    const extractions: Extraction[] = [];
    const texts: string[] = [];
    const sources: string[] = [];
    const fail = (file: string, message: string): void => {
      summary.failures.push({ file, message });
      opts.onArticleDone?.(file, ++done, files.length);
    };
    const inputs: { file: string; input: ArticleInput; nlp?: NlpDoc }[] = [];
    for (const { file, input, nlp, failure } of batch) {
      if (input === undefined) fail(file, String(failure));
      else inputs.push({ file, input, ...(nlp !== undefined ? { nlp } : {}) });
    }
    // Identity before extraction: the quotes' ids derive from the article's id.
    const { keys, candidates } = await findCandidates(db, inputs.map((x) => x.input));
    let replacing = 0;
    for (const [i, { file, input, nlp }] of inputs.entries()) {
      const resolution = resolveIdentity(input, keys[i] as (typeof keys)[number], candidates[i] ?? []);
      if ('conflict' in resolution) {
        fail(file, resolution.conflict);
        continue;
      }
      const earlier = seenIds.get(resolution.id);
      if (earlier !== undefined) {
        fail(file, `the same article (${resolution.id}) as ${printable(earlier)} in this run; one version per run`);
        continue;
      }
      seenIds.set(resolution.id, file);
      if (resolution.replaces) replacing++;
      try {
        extractions.push(extractArticle({ ...input, id: resolution.id }, gaz, nlp));
        texts.push(input.text);
        sources.push(file);
      } catch (err) {
        fail(file, `extraction failed: ${(err as Error).message}`);
      }
    }
    await resolveAgainstGraph(db, extractions, lookup);
    const good: Prepared['good'] = [];
    const parsedAll: ParsedSeedFile[] = extractions.map((extraction, i) => ({
      file: sources[i] as string,
      doc: extraction.doc,
      evidence: new EvidenceIndex(texts[i] as string),
      locate: () => undefined,
    }));
    // What the batch's articles claim (their quotes, URLs, files) against the graph: one query each.
    const claimIssues = new Map<string, SeedIssue[]>();
    for (const issue of await checkClaims(parsedAll, claims)) claimIssues.set(issue.file, [...(claimIssues.get(issue.file) ?? []), issue]);
    for (const [i, extraction] of extractions.entries()) {
      const parsed = parsedAll[i] as ParsedSeedFile;
      const { file } = parsed;
      const text = texts[i] as string;
      // The extraction is checked like any seed file: a rule that produced something inconsistent
      // fails this article, not the run.
      const issues = [...(claimIssues.get(file) ?? []), ...(await checkSeedSet([parsed], lookup))];
      if (issues.length > 0) {
        summary.failures.push({ file, message: `extraction failed validation: ${issues.slice(0, 3).map(formatIssue).join('; ')}` });
        opts.onArticleDone?.(file, ++done, files.length);
        continue;
      }
      good.push({ file, parsed, extraction, text });
    }
    const ids = [...new Set(good.flatMap((g) => (g.extraction.doc.entities ?? []).map((e) => e.id)))];
    const state = new Map<string, { labels: Set<string>; aliases: Set<string> }>();
    for (const r of ids.length > 0 ? await db.read('ingest.entity-state', { ids }) : []) {
      state.set(String(r.id), { labels: new Set(r.labels as string[]), aliases: new Set(r.aliases as string[]) });
    }
    for (const g of good) {
      const ents = g.extraction.doc.entities ?? [];
      summary.entitiesMatched += ents.filter((e) => state.has(e.id)).length;
      summary.entitiesNew += ents.filter((e) => !state.has(e.id)).length;
      summary.relationships += (g.extraction.doc.relations ?? []).length;
      summary.quotes += (g.extraction.doc.quotes ?? []).length;
      summary.warnings.push(...g.extraction.warnings.map((w) => `${g.file}: ${w}`));
      if (opts.outDir) await writeReviewFile(opts.outDir, g.file, g.extraction.doc, g.text);
    }
    // Every extracted entity is written, even one the graph holds with the same labels and aliases:
    // its DEFINES records that this article states it (a retraction or a new version takes it back).
    const plans = good.map((g) => planExtracted(g.parsed));
    return { good, plans, replacing };
  };
  const write = async (p: Prepared): Promise<void> => {
    if (!opts.dryRun && p.plans.length > 0) {
      let counts;
      try {
        counts = await writePlans(db, p.plans, 1000);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        const failed = p.good.map((g) => g.file);
        const settled = new Set([...committed, ...failed, ...summary.failures.map((x) => x.file)]);
        throw new SeedWriteError(failed, [...committed], files.filter((f) => !settled.has(f)), reason);
      }
      summary.nodesCreated += counts.nodesCreated;
      summary.relationshipsCreated += counts.relationshipsCreated;
      summary.nodesDeleted += counts.nodesDeleted;
      summary.relationshipsDeleted += counts.relationshipsDeleted;
      summary.replaced += p.replacing;
      committed.push(...p.good.map((g) => g.file));
    }
    summary.articles += p.good.length;
    for (const g of p.good) opts.onArticleDone?.(g.file, ++done, files.length);
  };

  // Extraction (CPU in this process) of the next batch overlaps the write (CPU in Neo4j) of this one.
  // A name first seen in the batch being written is then merged by its id, not found by alias.
  // The write in flight keeps its failure until awaited, so a failed write is never an unhandled
  // rejection while the next batch is being prepared.
  let pending: Promise<unknown> = Promise.resolve();
  const settle = async (): Promise<void> => {
    const r = await pending;
    if (r instanceof Error) throw r;
  };
  // In accurate mode the service annotates batch b+1 while this process extracts batch b and Neo4j
  // writes it: three stages on different processes. The read-ahead keeps its failure until awaited.
  const readAhead = (b: number): Promise<Read[] | Error> | undefined =>
    b < files.length ? readBatch(files.slice(b, b + batchSize)).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))) : undefined;
  let next = readAhead(0);
  for (let b = 0; b < files.length; b += batchSize) {
    const read = await next;
    if (read instanceof Error) {
      await pending;
      throw read;
    }
    next = readAhead(b + batchSize);
    let prepared: Prepared;
    try {
      prepared = await prepare(read ?? []);
    } catch (err) {
      await Promise.all([pending, next]);
      throw err;
    }
    await settle();
    pending = write(prepared).then(
      () => undefined,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
  }
  await settle();
  summary.failed = summary.failures.length;
  summary.ms = Date.now() - started;
  return summary;
}

/** Writes `<out>/<name>.yaml` (seed format, reviewable, loadable) and `<out>/articles/<name>.txt`. */
async function writeReviewFile(outDir: string, file: string, doc: SeedDocument, text: string): Promise<void> {
  const name = basename(file, extname(file));
  await writeFile(join(outDir, 'articles', `${name}.txt`), text);
  const out: SeedDocument = { ...doc, ...(doc.article ? { article: { ...doc.article, textFile: `articles/${name}.txt`, source: `extracted from ${basename(file)}` } } : {}) };
  const header = `# yaml-language-server: $schema=../src/seed/seed.schema.json\n# Extracted by summit-graph from ${basename(file)}; review, then load with: npm run load -- <this file>\n`;
  await writeFile(join(outDir, `${name}.yaml`), header + stringify(out, { lineWidth: 0 }));
}
