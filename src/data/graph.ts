import type { Db } from '../db/db.js';
import { variantName } from '../db/query-names.js';
import { notFound } from '../errors.js';
import type { Entities } from './entities.js';
import { int } from './params.js';
import { ENTITY_KINDS, listOf, type EntityKind, type EntityRecord } from './records.js';

export interface PathStepRecord {
  readonly entity: EntityRecord;
  /** Relationship type from the previous step; null on the first step. */
  readonly relation: string | null;
  /** OUT when that relationship points from the previous step to this one; null on the first step. */
  readonly direction: 'OUT' | 'IN' | null;
}

export interface PathRecord {
  readonly length: number;
  readonly steps: readonly PathStepRecord[];
}

export interface SubgraphRecord {
  readonly nodes: readonly EntityRecord[];
  readonly edges: readonly { from: string; to: string; type: string }[];
  readonly truncated: boolean;
}

export interface TimelineEventRecord {
  readonly date: string;
  readonly kind: string;
  readonly title: string;
  readonly entity: EntityRecord | null;
  readonly quoteId: string | null;
}

export interface StatsRecord {
  readonly entities: readonly { kind: EntityKind; count: number }[];
  readonly relationships: number;
  readonly articles: number;
  readonly quotes: number;
  readonly relationshipTypes: readonly { type: string; count: number }[];
}

/**
 * Whole-graph questions for one request: paths, neighborhoods, timelines, counts. Each is one query
 * (not batched: they are top-level fields). Arguments arrive validated; an entity id that does not
 * exist is NOT_FOUND.
 */
export class Graph {
  constructor(
    private readonly db: Db,
    private readonly entities: Entities,
  ) {}

  /** A shortest entity-only path of at most `maxHops`, or null when there is none. */
  async path(from: string, to: string, maxHops: number): Promise<PathRecord | null> {
    if (from === to) {
      // Neo4j's shortest-path search refuses equal ends; the answer is the entity on its own.
      const entity = await this.entities.get(from);
      if (entity === null) throw notFound('entity', from);
      return { length: 0, steps: [{ entity, relation: null, direction: null }] };
    }
    const [row] = await this.db.read(variantName('graph.path', maxHops), { from, to });
    if (row?.fromFound !== true) throw notFound('entity', from);
    if (row.toFound !== true) throw notFound('entity', to);
    if (row.path === null || row.path === undefined) return null;
    const path = row.path as { nodes: unknown[]; steps: { type: string; out: boolean }[] };
    const nodes = this.entities.adoptAll(path.nodes);
    return {
      length: nodes.length - 1,
      steps: nodes.map((entity, i) => {
        const step = i === 0 ? undefined : path.steps[i - 1];
        return {
          entity,
          relation: step ? step.type : null,
          direction: step ? (step.out ? 'OUT' : 'IN') : null,
        };
      }),
    };
  }

  /** Entities within `hops` of `id` (at most `limit`, center first) and the relationships among them. */
  async neighborhood(id: string, hops: number, limit: number): Promise<SubgraphRecord> {
    const [row] = await this.db.read(hops === 1 ? 'graph.neighborhood-1' : variantName('graph.neighborhood', hops), { id, limit: int(limit) });
    if (row?.found !== true) throw notFound('entity', id);
    return {
      nodes: this.entities.adoptAll(listOf(row, 'nodes')),
      edges: listOf(row, 'edges').map((e) => {
        const edge = e as Record<string, unknown>;
        return { from: String(edge.from), to: String(edge.to), type: String(edge.type) };
      }),
      truncated: row.truncated === true,
    };
  }

  /** At most `first` dated events of the entity, oldest first. */
  async timeline(id: string, first: number): Promise<TimelineEventRecord[]> {
    const [row] = await this.db.read('graph.timeline', { id, first: int(first) });
    if (row?.found !== true) throw notFound('entity', id);
    return listOf(row, 'events').map((e) => {
      const ev = e as Record<string, unknown>;
      return {
        date: String(ev.date),
        kind: String(ev.kind),
        title: String(ev.title),
        entity: this.entities.adoptOrNull(ev.entity),
        quoteId: typeof ev.quoteId === 'string' ? ev.quoteId : null,
      };
    });
  }

  /** Entity counts per kind (every kind, zeros included), fact relationships, articles, quotes. */
  async stats(): Promise<StatsRecord> {
    const [row = {}] = await this.db.read('graph.stats');
    const relationshipTypes = listOf(row, 'relationshipTypes').map((t) => {
      const tc = t as Record<string, unknown>;
      return { type: String(tc.type), count: Number(tc.count) };
    });
    return {
      entities: ENTITY_KINDS.map((kind) => ({ kind, count: Number(row[kind] ?? 0) })),
      relationships: relationshipTypes.reduce((sum, t) => sum + t.count, 0),
      articles: Number(row.articles ?? 0),
      quotes: Number(row.quotes ?? 0),
      relationshipTypes,
    };
  }
}
