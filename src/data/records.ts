import type { Row } from '../db/db.js';
import type { PageArgs, SortKey } from './params.js';
import { KINDS, kindOfId, type EntityKind } from '../seed/model.js';

/**
 * The plain records the data layer hands to resolvers, and the one place rows from Cypher are turned
 * into them. Records carry no driver objects (the db layer already converted those) and no GraphQL
 * types; the GraphQL layer maps them onto the schema.
 */

/** The entity kinds and their labels are the graph model's own (src/seed/model.ts). */
export type { EntityKind };

/** Every kind, in the order the schema's EntityKind enum lists them. */
export const ENTITY_KINDS: readonly EntityKind[] = Object.keys(KINDS) as EntityKind[];

/** The Neo4j label of each kind; the GraphQL object type of each kind has the same name. */
export const KIND_LABELS: Readonly<Record<EntityKind, string>> = Object.fromEntries(
  Object.entries(KINDS).map(([kind, spec]) => [kind, spec.label]),
) as Record<EntityKind, string>;

/**
 * The type (Neo4j label and GraphQL object type) an id names by its prefix (README.md, Graph model: every id is
 * `kind:slug`; articles are `article:`, quotes `quote:`), or undefined for an unknown prefix.
 */
export function typeNameOfId(id: string): string | undefined {
  if (id.startsWith('article:')) return 'Article';
  if (id.startsWith('quote:')) return 'Quote';
  const kind = kindOfId(id);
  return kind === undefined ? undefined : KIND_LABELS[kind];
}

const KIND_BY_LABEL = new Map<string, EntityKind>(
  (Object.entries(KIND_LABELS) as [EntityKind, string][]).map(([kind, label]) => [label, kind]),
);

/** An Entity node: its kind, the shared fields, and every other stored property in `props`. */
export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** All labels of the node, e.g. ['Entity', 'Person', 'Leader']. */
  readonly labels: readonly string[];
  /** Kind-specific properties as stored: date, outcome, isoCode, placeType, orgType, startYear... */
  readonly props: Readonly<Record<string, unknown>>;
  /**
   * Fields of this entity that the query which found it already brought, for this occurrence only
   * (a quote's speaker with the organizations its quote query brought: QuoteOptions). Absent on
   * records in the by-id cache; resolvers that honour it fall back to their loader without it.
   */
  readonly preloaded?: { readonly affiliations?: readonly EntityRecord[] };
}

/** An Article node without its (large) text, which `ArticleBody` carries on demand. */
export interface ArticleRecord {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  /** "YYYY-MM-DD" or null. */
  readonly publishedAt: string | null;
}

export interface ArticleBody {
  readonly text: string | null;
  readonly sentences: readonly string[];
}

export interface QuoteRecord {
  readonly id: string;
  readonly text: string;
  readonly sentence: number | null;
  /**
   * The article the quote is FROM, when the quote's own query brought it (QuoteOptions.article);
   * null when it did not, or when there is none, which breaks the model. Quote.article then looks
   * it up by `articleId`.
   */
  readonly article: ArticleRecord | null;
  /** The id of the quote's article as the quote stores it (null: none). */
  readonly articleId: string | null;
  readonly speakerId: string | null;
  /**
   * The speaker as the quote's own query brought it (every quote query brings its speaker node),
   * with the organizations in `preloaded` when that query brought them too (QuoteOptions); null
   * when the quote has no speaker. Quote.speaker answers it as is, without a loader.
   */
  readonly speaker: EntityRecord | null;
}

/** One page of a list, in list order, plus the size of the whole list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** The sort key of each item (cursors: src/graphql/cursor.ts). */
  readonly keys: readonly SortKey[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/**
 * The page a paged query's row holds (pageParams, src/data/params.ts): `items` and `keys` as the
 * query read them, one more than the limit when more follow, reversed into list order when it read
 * backward; `total`. Paging forward, hasPreviousPage is whether the page starts after a cursor
 * (Relay allows that answer); paging backward, hasNextPage is whether it ends before one.
 */
export function pageFrom<T>(row: Row | undefined, page: PageArgs, adopt: (item: unknown) => T): Page<T> {
  const read = row === undefined ? [] : listOf(row, 'items');
  const readKeys = row === undefined ? [] : (listOf(row, 'keys') as SortKey[]);
  const more = read.length > page.limit;
  const n = Math.min(read.length, page.limit);
  const items = new Array<T>(n);
  const keys = new Array<SortKey>(n);
  for (let i = 0; i < n; i++) {
    const j = page.backward ? n - 1 - i : i;
    items[j] = adopt(read[i]);
    keys[j] = readKeys[i] as SortKey;
  }
  return {
    items,
    keys,
    totalCount: Number(row?.total ?? 0),
    hasNextPage: page.backward ? page.before !== null : more,
    hasPreviousPage: page.backward ? more : page.after !== null,
  };
}

/** A node as toPlain returns it: its properties plus `labels`. */
type PlainNode = Record<string, unknown> & { labels?: unknown };

/**
 * Turns a plain Entity node into a record: a whole node (its properties plus `labels`), or a light
 * projection (`{.id, .name, ...}` without labels; src/graphql/projection.ts), whose kind is its id's
 * prefix and whose labels, aliases and other properties are absent. Throws when a whole node carries
 * no kind label, or a projection's id no kind prefix: every Entity node must have both (README.md,
 * Graph model), so this is a broken graph, not bad input, and it is masked.
 */
export function toEntity(value: unknown): EntityRecord {
  const node = value as PlainNode;
  const labels = Array.isArray(node.labels) ? (node.labels as string[]) : [];
  const kind =
    node.labels === undefined
      ? kindOfId(String(node.id))
      : labels.map((l) => KIND_BY_LABEL.get(l)).find((k) => k !== undefined);
  if (kind === undefined) {
    throw new Error(`Entity node ${JSON.stringify(node.id)} has no kind label (labels: ${labels.join(', ')})`);
  }
  const { id, name, aliases, labels: _labels, ...props } = node;
  return {
    id: String(id),
    kind,
    name: typeof name === 'string' ? name : String(id),
    aliases: Array.isArray(aliases) ? (aliases as string[]) : [],
    labels,
    props,
  };
}

/** Like toEntity, but null stays null (OPTIONAL MATCH results). */
export function toEntityOrNull(value: unknown): EntityRecord | null {
  return value === null || value === undefined ? null : toEntity(value);
}

/** Turns an `a {.id, .title, .url, .publishedAt}` projection into a record. */
export function toArticle(value: unknown): ArticleRecord {
  const a = value as Record<string, unknown>;
  return {
    id: String(a.id),
    title: typeof a.title === 'string' ? a.title : String(a.id),
    url: typeof a.url === 'string' ? a.url : null,
    publishedAt: typeof a.publishedAt === 'string' ? a.publishedAt : null,
  };
}

/**
 * Turns a `{quote: q {.id, .text, .sentence, .articleId}, speaker, article, affiliations}` map (the
 * shape every quote query returns; `speaker` is the Person node or null, `article` the article's
 * projection without text, or null; `affiliations` the speaker's organizations, or null when not
 * asked) into a record. `speaker` is the record the caller made of the map's `speaker` (Quotes.adopt,
 * which also primes the entity loader with it), or null.
 */
export function toQuote(value: unknown, speaker: EntityRecord | null): QuoteRecord {
  const row = value as Record<string, unknown>;
  const q = row.quote as Record<string, unknown>;
  const affiliations = row.affiliations;
  return {
    id: String(q.id),
    text: typeof q.text === 'string' ? q.text : '',
    sentence: typeof q.sentence === 'number' ? Math.trunc(q.sentence) : null,
    article: row.article === null || row.article === undefined ? null : toArticle(row.article),
    articleId: typeof q.articleId === 'string' ? q.articleId : null,
    speakerId: speaker === null ? null : speaker.id,
    speaker: speaker === null || !Array.isArray(affiliations) ? speaker : withAffiliations(speaker, affiliations.map(toEntity)),
  };
}

/** The occurrence of `person` that carries its organizations (EntityRecord.preloaded). */
function withAffiliations(person: EntityRecord, affiliations: readonly EntityRecord[]): EntityRecord {
  const { id, kind, name, aliases, labels, props } = person;
  return { id, kind, name, aliases, labels, props, preloaded: { affiliations } };
}

/** A list column of a row; a missing or null column is an empty list. */
export function listOf(row: Row | undefined, column: string): unknown[] {
  const v = row?.[column];
  return Array.isArray(v) ? v : [];
}
