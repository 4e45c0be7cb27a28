import DataLoader from 'dataloader';
import type { Db, Row } from '../db/db.js';
import type { QueryName } from '../db/query-names.js';
import { argsLoader, idLoader, type ArgsKey } from './batch.js';
import { int, merged } from './params.js';
import { listOf, toEntity, toEntityOrNull, type EntityRecord } from './records.js';

/** Where an article states a fact (one entry of a relationship's `evidence` list, README.md, Graph model). */
export interface EvidenceRecord {
  readonly articleId: string;
  readonly sentence: number | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly method: string | null;
  readonly confidence: number | null;
}

/** A relationship seen from one of its ends. */
export interface RelationRecord {
  readonly type: string;
  readonly direction: 'OUT' | 'IN';
  readonly entity: EntityRecord;
  /** "YYYY-MM-DD" or null. */
  readonly since: string | null;
  readonly until: string | null;
  readonly title: string | null;
  readonly sourceIds: readonly string[];
  readonly evidence: readonly EvidenceRecord[];
}

/**
 * Entity nodes for one request: the entity-by-id loader every other data module primes, and the
 * fields every kind shares (`related`). Build one per request (see createLoaders).
 */
export class Entities {
  private readonly byId: DataLoader<string, EntityRecord | null>;
  /** The records this request's queries brought, by id (adopt). */
  private readonly adopted = new Map<string, EntityRecord>();
  private readonly relatedLoader: DataLoader<ArgsKey<{ first: number; minConfidence: number | null }>, RelationRecord[], string>;
  /** Ids whose node the carrying queries that include them bring back (wantParent). */
  private readonly parentsWanted = new Set<string>();

  constructor(private readonly db: Db) {
    this.byId = idLoader(
      (ids) => db.read('entities.by-ids', { ids }),
      (row) => toEntity(row.item),
      () => null,
      'entities.by-ids',
    );
    this.relatedLoader = argsLoader(
      (ids, args: { first: number; minConfidence: number | null }) => db.read('entities.related', { ids, first: int(args.first), minConfidence: args.minConfidence }),
      (row) => listOf(row, 'items').map((item) => this.toRelation(item)),
      () => [],
      'entities.related',
    );
  }

  /**
   * The entity with this id, or null: the record a query of this request already brought (adopt),
   * else from the by-id loader, batched with every other `get` of the same tick.
   */
  get(id: string): Promise<EntityRecord | null> {
    const record = this.adopted.get(id);
    return record === undefined ? this.byId.load(id) : Promise.resolve(record);
  }

  /**
   * Converts a node a query returned into a record and keeps it (the first record of each id, as
   * DataLoader's prime does), so that a later `get` of the same entity in this request costs no
   * round trip. Kept in a map rather than primed into the loader: DataLoader's prime makes a
   * resolved promise per key, and a summit list adopts about 150 entities, few of which are asked
   * for again.
   */
  adopt(node: unknown): EntityRecord {
    const record = toEntity(node);
    if (!this.adopted.has(record.id)) this.adopted.set(record.id, record);
    return record;
  }

  /** adopt for an optional node: null stays null. */
  adoptOrNull(node: unknown): EntityRecord | null {
    return toEntityOrNull(node) === null ? null : this.adopt(node);
  }

  /** adopt for a list column. */
  adoptAll(nodes: readonly unknown[]): EntityRecord[] {
    return nodes.map((n) => this.adopt(n));
  }

  /**
   * Asks every carrying query (readCarrying) of this request whose batch includes `id` to bring back
   * the node itself: a `node(id:)` lookup whose look-ahead fields run such a query then needs no
   * query of its own (graphql/lookahead.ts). Every one of them, not only the first, so each lookup
   * can wait for its own fields' queries alone and still find its node primed, whichever query
   * answers first (a node asked twice with different fields is brought back twice: one node).
   */
  wantParent(id: string): void {
    this.parentsWanted.add(id);
  }

  /**
   * Runs a batched query over `params.ids` that returns a `parent` column: the node of each id passed
   * in `$carry`, else null. The wanted ids of the batch go in `$carry` and their nodes are adopted
   * (primed), so a later `get` of them costs no round trip.
   */
  async readCarrying(name: QueryName, params: { ids: readonly string[] } & Record<string, unknown>): Promise<Row[]> {
    const carry = params.ids.filter((id) => this.parentsWanted.has(id));
    const rows = await this.db.read(name, merged(params, { carry }));
    if (carry.length > 0) for (const row of rows) if (row.parent !== null && row.parent !== undefined) this.adopt(row.parent);
    return rows;
  }

  /** At most `first` one-hop relationships to other entities, by type then name; [] for unknown ids. */
  related(id: string, first: number, minConfidence: number | null = null): Promise<RelationRecord[]> {
    return this.relatedLoader.load({ id, args: { first, minConfidence } });
  }

  private toRelation(item: unknown): RelationRecord {
    const r = item as Record<string, unknown>;
    return {
      type: String(r.type),
      direction: r.direction === 'IN' ? 'IN' : 'OUT',
      entity: this.adopt(r.entity),
      since: typeof r.since === 'string' ? r.since : null,
      until: typeof r.until === 'string' ? r.until : null,
      title: typeof r.title === 'string' ? r.title : null,
      sourceIds: Array.isArray(r.sources) ? r.sources.map(String) : [],
      evidence: Array.isArray(r.evidence) ? r.evidence.flatMap(parseEvidence) : [],
    };
  }
}

/**
 * Parses one stored evidence entry (JSON text, README.md, Graph model). An entry that is not valid JSON or names
 * no article is dropped rather than failing the whole field: provenance is supplementary, and one
 * malformed entry written by some other tool should not hide the relationship.
 */
export function parseEvidence(text: unknown): EvidenceRecord[] {
  if (typeof text !== 'string') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (value === null || typeof value !== 'object') return [];
  const e = value as Record<string, unknown>;
  if (typeof e.article !== 'string') return [];
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return [
    {
      articleId: e.article,
      sentence: num(e.sentence),
      start: num(e.start),
      end: num(e.end),
      method: typeof e.method === 'string' ? e.method : null,
      confidence: num(e.confidence),
    },
  ];
}

/**
 * A loader for a field whose query returns `id, items` with `items` a list of Entity nodes (in the
 * query's order). Every node is adopted, so resolving its fields later costs no extra lookup.
 * `carriesParent`: the query also returns `parent` for the ids in `$carry` (Entities.readCarrying).
 */
export function entityListLoader(
  db: Db,
  name: QueryName,
  entities: Entities,
  options: { carriesParent?: boolean } = {},
): DataLoader<string, EntityRecord[]> {
  return idLoader(
    (ids) => (options.carriesParent === true ? entities.readCarrying(name, { ids }) : db.read(name, { ids })),
    (row) => entities.adoptAll(listOf(row, 'items')),
    () => [],
    name,
  );
}

/** Entity-list fields `F` of one kind, loaded together (entityListsLoader). */
export interface EntityLists<F extends string> {
  load(field: F, id: string): Promise<EntityRecord[]>;
}

/**
 * Loads several entity-list fields of one kind with one query: a request asking a person's summits
 * and the people they met (or the same fields of many people) runs one query, not one per field.
 * The query takes `$ids`, `$carry` (it brings back `parent`, Entities.readCarrying) and `$want`, a
 * map from each field in `fields` to the ids that asked it, and returns `id, parent` and one column
 * per field: the list for the ids in `$want.<field>`, else empty (cypher/people.lists.cypher).
 * Fields asked in the same tick share the batch, like the ids of one DataLoader.
 */
export function entityListsLoader<F extends string>(name: QueryName, entities: Entities, fields: readonly F[]): EntityLists<F> {
  const loader = new DataLoader<{ readonly field: F; readonly id: string }, EntityRecord[], string>(
    async (keys) => {
      const want = Object.fromEntries(fields.map((f) => [f, [] as string[]])) as Record<F, string[]>;
      for (const key of keys) want[key.field].push(key.id);
      const ids = [...new Set(keys.map((key) => key.id))];
      const rows = new Map((await entities.readCarrying(name, { ids, want })).map((row) => [String(row.id), row]));
      return keys.map(({ field, id }) => {
        const row = rows.get(id);
        return row === undefined ? [] : entities.adoptAll(listOf(row, field));
      });
    },
    { name, cacheKeyFn: (key) => `${key.field}\u0000${key.id}` },
  );
  return { load: (field, id) => loader.load({ field, id }) };
}

/** A loader for a field whose query returns `id, item` with `item` one Entity node or null. */
export function entityLoader(db: Db, name: QueryName, entities: Entities): DataLoader<string, EntityRecord | null> {
  return idLoader(
    (ids) => db.read(name, { ids }),
    (row) => entities.adoptOrNull(row.item),
    () => null,
    name,
  );
}
