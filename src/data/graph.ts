import type { Db } from '../db/db.js';
import { variantName } from '../db/query-names.js';
import { notFound } from '../errors.js';
import type { Entities } from './entities.js';
import { int } from './params.js';
import { ENTITY_KINDS, KIND_LABELS, listOf, type EntityKind, type EntityRecord } from './records.js';

export interface PathStepRecord {
  readonly entity: EntityRecord;
  /** Relationship type from the previous step (SAID_ABOUT for a link through a quote); null on the first step. */
  readonly relation: string | null;
  /** OUT when that relationship points from the previous step to this one; null on the first step. */
  readonly direction: 'OUT' | 'IN' | null;
  /** The quote of a SAID_ABOUT link (the previous step SAID it and it is ABOUT this one, or the reverse). */
  readonly quoteId: string | null;
}

/** The type a path or subgraph gives a link through a quote: person -SAID-> quote -ABOUT-> entity. */
export const QUOTE_LINK = 'SAID_ABOUT';

/** What paths and neighbourhoods may step through; null or empty lists mean no restriction. */
export interface GraphFilter {
  /** Relationship types followed (entity relationships; SAID_ABOUT is `quotes`). */
  readonly types: readonly string[] | null;
  /** Neo4j labels of the entities stepped through (not the ends of a path, not a neighbourhood's center). */
  readonly labels: readonly string[] | null;
  /** Ids never stepped through. */
  readonly exclude: readonly string[];
  /** Entities with more entity relationships than this are hubs: not stepped through. */
  readonly maxDegree: number | null;
  /** Whether person -SAID-> quote -ABOUT-> entity counts as a link. */
  readonly quotes: boolean;
}

/** No restriction: what Query.path and Query.neighborhood follow. */
export const NO_FILTER: GraphFilter = { types: null, labels: null, exclude: [], maxDegree: null, quotes: false };

/** Query parameters of a filter (the same names in graph.path and the neighbourhood queries). */
function filterParams(f: GraphFilter): Record<string, unknown> {
  return {
    types: f.types,
    labels: f.labels,
    exclude: f.exclude,
    maxDegree: f.maxDegree === null ? null : int(f.maxDegree),
    quotes: f.quotes,
  };
}

export interface PathRecord {
  readonly length: number;
  readonly steps: readonly PathStepRecord[];
}

export interface SubgraphRecord {
  readonly nodes: readonly EntityRecord[];
  /** `quoteId`: the quote of a SAID_ABOUT link, else null. */
  readonly edges: readonly { from: string; to: string; type: string; quoteId: string | null }[];
  readonly truncated: boolean;
  readonly hubs: readonly HubRecord[];
}

/** An entity of a subgraph with more relationships than the request's maxDegree, and what they are. */
export interface HubRecord {
  readonly id: string;
  readonly degree: number;
  readonly groups: readonly { type: string; direction: 'OUT' | 'IN'; kind: EntityKind; count: number; collapsed: boolean }[];
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
    const [path] = await this.paths(from, to, maxHops, 1, NO_FILTER);
    return path ?? null;
  }

  /**
   * At most `first` shortest paths of at most `maxHops` links that `filter` allows, shortest first
   * (a link through a quote counts one; among paths of as many links, fewer relationships first).
   * Paths that differ only in parallel relationships (two terms of the same office) are one.
   */
  async paths(from: string, to: string, maxHops: number, first: number, filter: GraphFilter): Promise<PathRecord[]> {
    if (from === to) {
      // Neo4j's shortest-path search refuses equal ends; the answer is the entity on its own.
      const entity = await this.entities.get(from);
      if (entity === null) throw notFound('entity', from);
      return [{ length: 0, steps: [{ entity, relation: null, direction: null, quoteId: null }] }];
    }
    // A link through a quote is two relationships: search twice as deep and cut to maxHops links.
    const bound = filter.quotes ? 2 * maxHops : maxHops;
    const [row] = await this.db.read(variantName('graph.path', bound), {
      from,
      to,
      ...filterParams(filter),
      k: int(first),
      maxLinks: int(maxHops),
      // Parallel relationships give paths that read the same: ask for more, keep distinct ones.
      limit: int(first === 1 ? 1 : 10),
    });
    if (row?.fromFound !== true) throw notFound('entity', from);
    if (row.toFound !== true) throw notFound('entity', to);
    const seen = new Set<string>();
    const out: PathRecord[] = [];
    for (const p of listOf(row, 'paths')) {
      const path = this.toPath(p as { nodes: unknown[]; steps: { type: string; out: boolean }[] });
      const key = path.steps.map((s) => `${s.relation ?? ''}/${s.direction ?? ''}/${s.quoteId ?? ''}/${s.entity.id}`).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(path);
      if (out.length === first) break;
    }
    return out;
  }

  /** A path as graph.path returns it, with each quote and its two relationships made one SAID_ABOUT step. */
  private toPath(path: { nodes: unknown[]; steps: { type: string; out: boolean }[] }): PathRecord {
    const steps: PathStepRecord[] = [];
    let quote: { id: string; out: boolean } | null = null;
    path.nodes.forEach((node, i) => {
      const step = i === 0 ? undefined : path.steps[i - 1];
      const n = node as Record<string, unknown>;
      if (n.quote === true) {
        // Entered by SAID (from the speaker: the link points OUT) or by ABOUT backwards (from the subject).
        quote = { id: String(n.id), out: step?.type === 'SAID' };
        return;
      }
      const entity = this.entities.adopt(node);
      if (quote !== null) {
        steps.push({ entity, relation: QUOTE_LINK, direction: quote.out ? 'OUT' : 'IN', quoteId: quote.id });
        quote = null;
        return;
      }
      steps.push({ entity, relation: step ? step.type : null, direction: step ? (step.out ? 'OUT' : 'IN') : null, quoteId: null });
    });
    return { length: steps.length - 1, steps };
  }

  /**
   * Entities within `hops` links of `id` that `filter` allows (at most `limit`, center first), the
   * links among them, and the hubs (filter.maxDegree) with their relationships counted.
   */
  async neighborhood(id: string, hops: number, limit: number, filter: GraphFilter = NO_FILTER): Promise<SubgraphRecord> {
    // A link through a quote is two relationships: the template's bound doubles (the query keeps $hops links).
    const name = hops === 1 ? 'graph.neighborhood-1' : variantName('graph.neighborhood', filter.quotes ? 2 * hops : hops);
    const [row] = await this.db.read(name, { id, limit: int(limit), hops: int(hops), ...filterParams(filter) });
    if (row?.found !== true) throw notFound('entity', id);
    return {
      nodes: this.entities.adoptAll(listOf(row, 'nodes')),
      edges: listOf(row, 'edges').map((e) => {
        const edge = e as Record<string, unknown>;
        return { from: String(edge.from), to: String(edge.to), type: String(edge.type), quoteId: typeof edge.quote === 'string' ? edge.quote : null };
      }),
      truncated: row.truncated === true,
      hubs: listOf(row, 'hubs').map((h) => {
        const hub = h as { id: string; degree: number; groups: { type: string; direction: string; kind: string; count: number; collapsed: boolean }[] };
        return {
          id: String(hub.id),
          degree: Number(hub.degree),
          groups: hub.groups.map((g) => ({
            type: String(g.type),
            direction: g.direction === 'IN' ? 'IN' : 'OUT',
            kind: ENTITY_KINDS.find((k) => KIND_LABELS[k] === g.kind) ?? 'ORGANIZATION',
            count: Number(g.count),
            collapsed: g.collapsed === true,
          })),
        };
      }),
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
