import type { ExportEdge, ExportGraph, ExportNode, ExportValue } from './graph.js';

/**
 * The subgraph a GraphQL answer holds, from its `data`, whatever the query's shape:
 * - every object with an entity id (`kind:slug`, not a quote or an article) and a `name` or `kind`
 *   is a node, with its scalar fields as properties (fields asked several times merge);
 * - `Subgraph.edges` ({from, to, type}) are edges;
 * - a `Path`'s steps ({entity, relation, direction}) give an edge between consecutive steps;
 * - a `Relation` ({type, direction, entity}) under an entity gives an edge between the two;
 * - any other entity under an entity (Summit.participants, Person.summits...) gives an edge
 *   from the outer to the inner one typed by the field's name (`participants`); objects that are
 *   not entities (connections, edges, quotes) pass their outer entity on.
 * Edges are kept once per (source, type, target).
 */
export function subgraphOf(data: unknown): ExportGraph {
  const nodes = new Map<string, { id: string; kind: string; name: string; properties: Record<string, ExportValue> }>();
  const edges = new Map<string, ExportEdge>();
  const addEdge = (source: string, target: string, type: string, properties?: Record<string, ExportValue>): void => {
    const k = `${source}\u0000${type}\u0000${target}`;
    if (!edges.has(k)) edges.set(k, properties === undefined ? { source, target, type } : { source, target, type, properties });
  };
  const addNode = (o: Record<string, unknown>): string => {
    const id = o.id as string;
    const node = nodes.get(id) ?? { id, kind: kindOf(o), name: typeof o.name === 'string' ? o.name : id, properties: {} };
    if (typeof o.name === 'string') node.name = o.name;
    for (const [k, v] of Object.entries(o)) {
      if (['id', 'name', 'kind', '__typename'].includes(k)) continue;
      const value = scalar(v);
      if (value !== undefined) node.properties[k] = value;
    }
    nodes.set(id, node);
    return id;
  };

  const walk = (value: unknown, parent: string | null, field: string | null): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, parent, field);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    // Subgraph edges.
    if (typeof o.from === 'string' && typeof o.to === 'string' && typeof o.type === 'string' && isEntityId(o.from) && isEntityId(o.to)) {
      const quote = o.quote as { id?: unknown } | null | undefined;
      addEdge(o.from, o.to, o.type, typeof quote?.id === 'string' ? { quote: quote.id } : undefined);
      return;
    }
    // A relation seen from `parent`.
    if (parent !== null && typeof o.type === 'string' && isEntity(o.entity) && (o.direction === 'OUT' || o.direction === 'IN')) {
      const other = addNode(o.entity as Record<string, unknown>);
      if (o.direction === 'OUT') addEdge(parent, other, o.type);
      else addEdge(other, parent, o.type);
      walk(o.entity, other, null);
      return;
    }
    // A path.
    if (Array.isArray(o.steps)) {
      let previous: string | null = null;
      for (const step of o.steps as Record<string, unknown>[]) {
        if (!isEntity(step?.entity)) continue;
        const current = addNode(step.entity as Record<string, unknown>);
        walk(step.entity, current, null);
        if (previous !== null && typeof step.relation === 'string') {
          const quote = step.quote as { id?: unknown } | null | undefined;
          const props = typeof quote?.id === 'string' ? { quote: quote.id } : undefined;
          if (step.direction === 'IN') addEdge(current, previous, step.relation, props);
          else addEdge(previous, current, step.relation, props);
        }
        previous = current;
      }
      return;
    }
    if (isEntity(o)) {
      const id = addNode(o);
      if (parent !== null && parent !== id && field !== null) addEdge(parent, id, field);
      for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object') walk(v, id, k);
      return;
    }
    for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object') walk(v, parent, isPassThrough(k) ? field : k);
  };
  walk(data, null, null);
  const nodeList: ExportNode[] = [...nodes.values()].map((n) => ({ id: n.id, kind: n.kind, name: n.name, properties: n.properties }));
  return { nodes: nodeList, edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)) };
}

/** Connection plumbing: an entity under `summits { edges { node } }` keeps the field `summits`. */
function isPassThrough(key: string): boolean {
  return key === 'edges' || key === 'node' || key === 'nodes';
}

const KINDS: Readonly<Record<string, string>> = {
  person: 'PERSON',
  country: 'COUNTRY',
  place: 'PLACE',
  summit: 'SUMMIT',
  talks: 'TALKS',
  org: 'ORGANIZATION',
  topic: 'TOPIC',
};

function isEntityId(id: string): boolean {
  const prefix = id.slice(0, id.indexOf(':'));
  return id.indexOf(':') > 0 && prefix in KINDS;
}

function isEntity(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  return typeof o.id === 'string' && isEntityId(o.id) && (typeof o.name === 'string' || typeof o.kind === 'string');
}

function kindOf(o: Record<string, unknown>): string {
  if (typeof o.kind === 'string') return o.kind;
  const id = o.id as string;
  return KINDS[id.slice(0, id.indexOf(':'))] ?? 'ENTITY';
}

function scalar(v: unknown): ExportValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return v as (string | number | boolean)[];
  return undefined;
}
