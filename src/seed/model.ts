/**
 * The seed format's vocabulary, shared by the validator and the writer: entity kinds with their id
 * prefixes, Neo4j labels and kind-specific fields, and the relation types with the kinds they join.
 * The JSON Schema (seed.schema.json) checks shapes; this table checks meaning.
 */

/** Evidence: a verbatim snippet of the article, optionally with the offset of the occurrence meant. */
export type SeedEvidence = string | { text: string; at: number };

export type EntityKind = 'PERSON' | 'COUNTRY' | 'PLACE' | 'SUMMIT' | 'TALKS' | 'ORGANIZATION' | 'TOPIC';

export interface KindSpec {
  prefix: string;
  label: string;
  /** Fields beyond id, kind, name, aliases, description, wikidata, evidence, mentioned. */
  fields: readonly string[];
}

export const KINDS: Record<EntityKind, KindSpec> = {
  PERSON: { prefix: 'person', label: 'Person', fields: ['labels'] },
  COUNTRY: { prefix: 'country', label: 'Country', fields: ['isoCode'] },
  PLACE: { prefix: 'place', label: 'Place', fields: ['placeType'] },
  // hostCountry: the country the summit was held in (a COUNTRY id), checked against its HELD_IN venue;
  // source: a URL of the public record the summit's facts were taken from (reference files).
  SUMMIT: { prefix: 'summit', label: 'Summit', fields: ['date', 'endDate', 'outcome', 'hostCountry', 'source'] },
  TALKS: { prefix: 'talks', label: 'Talks', fields: ['startYear', 'endYear'] },
  ORGANIZATION: { prefix: 'org', label: 'Organization', fields: ['orgType'] },
  TOPIC: { prefix: 'topic', label: 'Topic', fields: [] },
};

/**
 * The kind an id's prefix names, or undefined for an unknown prefix. Compares the prefixes in place
 * (`startsWith`) rather than looking up a slice of the id in a map: it runs for every entity a
 * query returns, and slicing and hashing the prefix cost a request of 150 entities 7 µs.
 */
export function kindOfId(id: string): EntityKind | undefined {
  const colon = id.indexOf(':');
  for (const [prefix, kind] of KIND_PREFIXES) if (prefix.length === colon && id.startsWith(prefix)) return kind;
  return undefined;
}

const KIND_PREFIXES: readonly (readonly [string, EntityKind])[] = (Object.keys(KINDS) as EntityKind[]).map((k) => [KINDS[k].prefix, k]);

export type RelationType =
  | 'LEADS'
  | 'ATTENDED'
  | 'HELD_IN'
  | 'LOCATED_IN'
  | 'MEMBER_OF'
  | 'AFFILIATED_WITH'
  | 'BASED_IN'
  | 'PART_OF'
  | 'DISCUSSED'
  | 'MET';

export interface RelationSpec {
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** Properties stored on the relationship. */
  fields: readonly string[];
}

export const RELATIONS: Record<RelationType, RelationSpec> = {
  LEADS: { from: ['PERSON'], to: ['COUNTRY'], fields: ['title', 'since', 'until'] },
  ATTENDED: { from: ['PERSON'], to: ['SUMMIT'], fields: [] },
  HELD_IN: { from: ['SUMMIT'], to: ['PLACE'], fields: [] },
  LOCATED_IN: { from: ['PLACE'], to: ['COUNTRY', 'PLACE'], fields: [] },
  MEMBER_OF: { from: ['COUNTRY'], to: ['TALKS'], fields: ['joined', 'left'] },
  AFFILIATED_WITH: { from: ['PERSON'], to: ['ORGANIZATION'], fields: ['title', 'since', 'until'] },
  BASED_IN: { from: ['ORGANIZATION'], to: ['COUNTRY', 'PLACE'], fields: [] },
  // A summit PART_OF an organization: the series it belongs to (a G20 summit -> Group of Twenty).
  PART_OF: { from: ['ORGANIZATION', 'SUMMIT'], to: ['ORGANIZATION'], fields: [] },
  DISCUSSED: { from: ['SUMMIT'], to: ['TOPIC'], fields: [] },
  // A meeting on a summit's sidelines names that summit.
  MET: { from: ['PERSON'], to: ['PERSON'], fields: ['date', 'place', 'summit'] },
};

/** Entity and relation fields that hold whole numbers (stored as Neo4j INTEGER, not FLOAT). */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set(['joined', 'left', 'startYear', 'endYear']);

/** The labels a PERSON may carry besides Person (each file's claim is kept on its DEFINES). */
export const PERSON_LABELS: readonly string[] = ['Leader', 'Analyst', 'Official', 'Journalist'];

/** Entity and relation fields that hold calendar dates (stored as Neo4j DATE). */
export const DATE_FIELDS: ReadonlySet<string> = new Set(['date', 'endDate', 'since', 'until', 'publishedAt']);

// ---- The parsed, validated shape of a seed file --------------------------------------------------

export interface SeedArticle {
  id: string;
  title: string;
  url?: string | null;
  publishedAt?: string;
  outlet?: string;
  authors?: string[];
  textFile?: string;
  source?: string;
}

export interface SeedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases?: string[];
  labels?: string[];
  evidence?: SeedEvidence;
  mentioned?: boolean;
  method?: string;
  confidence?: number;
  [field: string]: unknown;
}

export interface SeedRelation {
  type: RelationType;
  from: string;
  to: string;
  evidence?: SeedEvidence;
  method?: string;
  confidence?: number;
  [field: string]: unknown;
}

export interface SeedQuote {
  id: string;
  speaker: string;
  text: string;
  about?: string[];
  /** Where to find the quote when its text alone is ambiguous; default: the text itself. */
  evidence?: SeedEvidence;
  method?: string;
  confidence?: number;
}

export interface SeedDocument {
  format: 'summit-graph/seed@1';
  /** The source id (`ref:<slug>`) of a file without an article; see src/seed/identity.ts. */
  id?: string;
  article?: SeedArticle;
  entities?: SeedEntity[];
  relations?: SeedRelation[];
  quotes?: SeedQuote[];
}
