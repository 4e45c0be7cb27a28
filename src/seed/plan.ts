import { resolve } from 'node:path';
import { toNeo4jDate, toNeo4jInt } from '../db/convert.js';
import { articleKeys, sourceIdOf } from './identity.js';
import { DATE_FIELDS, INTEGER_FIELDS, KINDS, RELATIONS, type SeedEntity, type SeedEvidence } from './model.js';
import { relationKey, type ParsedSeedFile } from './validate.js';

/**
 * Turns one validated seed file into the fixed-shape rows the UNWIND writers take. Pure: no I/O.
 * Provenance: every relation the file states carries its source id (the article's id, or the
 * file's `ref:` id, see identity.ts); every relation, mention and quote stated by an article carries
 * an evidence record (sentence index, character span, method `seed`, confidence 1); every entity
 * the file defines carries the file's claim (its aliases and labels), written as a DEFINES
 * relationship from the file's Source node.
 */

/** What one source says of an entity it defines: kept on its DEFINES, so a reload can take it back. */
export interface EntityClaim { source: string; aliases: string[]; labels: string[] }

export interface EntityRow {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
  aliases: string[];
  overwrite?: boolean;
  /** The claims of the sources that define the entity in this write (one DEFINES each). */
  claims: EntityClaim[];
  /** Whether to write `props` (false: the load wrote them earlier; only labels, aliases and claims). */
  setProps?: boolean;
}
/** One relationship to upsert; `sources` are the ids of the sources (articles, `ref:` files) that state it. */
export interface RelationRow { type: string; from: string; to: string; key: string; props: Record<string, unknown>; sources: string[]; evidence: string[]; overwrite?: boolean }
export interface ArticleRow { id: string; props: Record<string, unknown>; outlet: string | null; authors: string[] }
export interface MentionRow { article: string; entity: string; evidence: string[] }
export interface QuoteRow { id: string; article: string; speaker: string; about: string[]; props: Record<string, unknown>; evidence: string[] }

/**
 * The load record of one file: its Source node. `relations` lists the relationships it states
 * (relationManifestKey), so that a reload or a retraction finds what this source said before
 * without scanning the graph.
 */
export interface SourceRow { id: string; kind: 'reviewed' | 'extracted'; file: string; relations: string[] }

export interface FilePlan {
  file: string;
  source: SourceRow;
  entities: EntityRow[];
  relations: RelationRow[];
  articles: ArticleRow[];
  mentions: MentionRow[];
  quotes: QuoteRow[];
}

const SEP = '\u001f';

/** A relationship's identity as a Source node lists it: type, from, to, key. */
export function relationManifestKey(r: { type: string; from: string; to: string; key: string }): string {
  return [r.type, r.from, r.to, r.key].join(SEP);
}

/** The inverse of relationManifestKey. */
export function parseRelationManifestKey(k: string): { type: string; from: string; to: string; key: string } {
  const [type = '', from = '', to = '', ...key] = k.split(SEP);
  return { type, from, to, key: key.join(SEP) };
}

/** The prefix every evidence record of `source` starts with (Evidence is serialized article first). */
export function evidencePrefix(source: string): string {
  return `{"article":${JSON.stringify(source)},`;
}

/**
 * The provenance record stored (as JSON text) in a relationship's `evidence` list. `article` is the
 * first key, so that a source's records are found by prefix (evidencePrefix) without parsing.
 */
export interface Evidence {
  article: string;
  sentence: number;
  start: number;
  end: number;
  method: string;
  confidence: number;
}

const ENTITY_COMMON_FIELDS = ['name', 'description', 'wikidata'];

/** Drops undefined and null (SET += null would delete a property) and converts date strings. */
function props(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = source[f];
    if (v === undefined || v === null) continue;
    out[f] = DATE_FIELDS.has(f) && typeof v === 'string' ? toNeo4jDate(v) : INTEGER_FIELDS.has(f) && typeof v === 'number' ? toNeo4jInt(v) : v;
  }
  return out;
}

export interface PlanOptions {
  /**
   * Whether this file's fields replace those already in the graph. True for reviewed seed files;
   * false for extracted ones, which add labels, aliases and provenance but never overwrite what a
   * reviewer (or an earlier article) set.
   */
  overwrite?: boolean;
}

/** The plan of a reviewed seed file (its fields overwrite the graph's). */
export function planFile(f: ParsedSeedFile): FilePlan {
  return planWith(f, {});
}

/** The plan of an extracted file: it adds to the graph but never overwrites reviewed fields. */
export function planExtracted(f: ParsedSeedFile): FilePlan {
  return planWith(f, { overwrite: false });
}

function planWith(f: ParsedSeedFile, opts: PlanOptions): FilePlan {
  const overwrite = opts.overwrite ?? true;
  const { doc } = f;
  const articleId = doc.article?.id ?? null;
  const sourceId = sourceIdOf(f.file, doc);
  const evidenceFor = (snippet: SeedEvidence | undefined, producer: { method?: string; confidence?: number } = {}): string[] => {
    if (snippet === undefined || articleId === null || f.evidence === undefined) return [];
    const span = f.evidence.locate(snippet);
    if (span === undefined) return [];
    const ev: Evidence = {
      article: articleId,
      sentence: span.sentence,
      start: span.start,
      end: span.end,
      method: producer.method ?? 'seed',
      confidence: producer.confidence ?? 1,
    };
    return [JSON.stringify(ev)];
  };

  const entities = (doc.entities ?? []).map((e: SeedEntity): EntityRow => {
    const spec = KINDS[e.kind];
    return {
      id: e.id,
      labels: [spec.label, ...(e.labels ?? [])],
      props: props(e, [...ENTITY_COMMON_FIELDS, ...spec.fields.filter((x) => x !== 'labels')]),
      aliases: (e.aliases ?? []).filter((a) => a !== e.name),
      overwrite,
      claims: [{ source: sourceId, aliases: (e.aliases ?? []).filter((a) => a !== e.name), labels: e.labels ?? [] }],
    };
  });

  const relations = (doc.relations ?? []).map((r): RelationRow => ({
    type: r.type,
    from: r.from,
    to: r.to,
    key: relationKey(r),
    props: props(r, RELATIONS[r.type].fields),
    sources: [sourceId],
    evidence: evidenceFor(r.evidence, r),
    overwrite,
  }));

  const articles: ArticleRow[] = [];
  const mentions: MentionRow[] = [];
  const quotes: QuoteRow[] = [];
  const a = doc.article;
  if (a !== undefined && articleId !== null) {
    articles.push({
      id: a.id,
      props: {
        ...props(a as unknown as Record<string, unknown>, ['title', 'url', 'publishedAt', 'source']),
        ...articleKeys({ title: a.title, ...(a.url ? { url: a.url } : {}), ...(a.outlet ? { outlet: a.outlet } : {}) }),
        ...(f.evidence ? { text: f.evidence.text, sentences: f.evidence.sentences.map((s) => s.text) } : {}),
      },
      outlet: a.outlet ?? null,
      authors: a.authors ?? [],
    });
    // The article mentions what it defines (unless marked otherwise) and whatever its relations and
    // quotes name, even when another file defines it (countries in a reference file, say).
    const mentioned = new Map<string, string[]>();
    for (const e of doc.entities ?? []) {
      if (e.mentioned !== false) mentioned.set(e.id, evidenceFor(e.evidence, e));
    }
    const notMentioned = new Set((doc.entities ?? []).filter((e) => e.mentioned === false).map((e) => e.id));
    const named = [
      ...(doc.relations ?? []).flatMap((r) => [r.from, r.to]),
      ...(doc.quotes ?? []).flatMap((q) => [q.speaker, ...(q.about ?? [])]),
    ];
    for (const id of named) if (!mentioned.has(id) && !notMentioned.has(id)) mentioned.set(id, []);
    for (const [entity, evidence] of mentioned) mentions.push({ article: articleId, entity, evidence });
    for (const q of doc.quotes ?? []) {
      const span = f.evidence?.locate(q.evidence ?? q.text);
      quotes.push({
        id: q.id,
        article: articleId,
        speaker: q.speaker,
        about: q.about ?? [],
        props: {
          text: q.text,
          articleId,
          // The article's date, copied so that quote lists sort without visiting every article.
          ...props(a as unknown as Record<string, unknown>, ['publishedAt']),
          method: q.method ?? 'seed',
          confidence: q.confidence ?? 1,
          ...(span ? { sentence: toNeo4jInt(span.sentence), start: toNeo4jInt(span.start), end: toNeo4jInt(span.end) } : {}),
        },
        evidence: evidenceFor(q.evidence ?? q.text, q),
      });
    }
  }
  const source: SourceRow = { id: sourceId, kind: overwrite ? 'reviewed' : 'extracted', file: resolve(f.file), relations: [...new Set(relations.map(relationManifestKey))] };
  return { file: f.file, source, entities, relations, articles, mentions, quotes };
}

/**
 * Entity rows by id, rows for the same entity (several files define or reference it) merged:
 * labels and aliases united, later fields over earlier ones, overwriting if any row may.
 */
export function mergeEntityRows(rows: readonly EntityRow[]): Map<string, EntityRow> {
  const byId = new Map<string, EntityRow>();
  for (const e of rows) {
    const prev = byId.get(e.id);
    byId.set(
      e.id,
      prev === undefined
        ? e
        : {
            id: e.id,
            labels: [...new Set([...prev.labels, ...e.labels])],
            props: { ...prev.props, ...e.props },
            aliases: [...new Set([...prev.aliases, ...e.aliases])],
            overwrite: (prev.overwrite ?? true) || (e.overwrite ?? true),
            claims: [...prev.claims, ...e.claims],
            setProps: (prev.setProps ?? true) || (e.setProps ?? true),
          },
    );
  }
  return byId;
}

/**
 * Folds rows that upsert the same relationship (from, type, key, to) into one: sources and evidence
 * united in order, later fields over earlier ones. A popular fact (a leader LEADS a country) is stated
 * by many articles of a load; one row per relationship per transaction writes its growing provenance
 * lists once rather than once per article. Rows that may overwrite fields are never folded with rows
 * that may not, so the fold changes nothing the graph ends up with.
 */
export function mergeRelationRows(rows: readonly RelationRow[]): RelationRow[] {
  const byKey = new Map<string, RelationRow>();
  for (const r of rows) {
    const key = `${r.from}\u0000${r.type}\u0000${r.key}\u0000${r.to}\u0000${r.overwrite ?? true}`;
    const prev = byKey.get(key);
    if (prev === undefined) {
      byKey.set(key, { ...r, sources: [...new Set(r.sources)], evidence: [...new Set(r.evidence)] });
      continue;
    }
    prev.props = { ...prev.props, ...r.props };
    for (const s of r.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
    const seen = new Set(prev.evidence);
    for (const e of r.evidence) if (!seen.has(e)) { seen.add(e); prev.evidence.push(e); }
  }
  return [...byKey.values()];
}
