/**
 * The graph that the export formats write: plain nodes and edges, the same shape for the whole graph
 * (npm run export), the subgraph a GraphQL answer holds (subgraph.ts) and an explorer's view.
 * Everything in src/export/ is pure functions over these values, with no Node-only import, so that
 * a browser bundle can use them as they are.
 */

/** A property value the formats can write; lists are written joined (CSV) or as JSON (GraphML). */
export type ExportValue = string | number | boolean | null | readonly (string | number | boolean)[];

export interface ExportNode {
  /** The entity's id, e.g. person:kim-jong-un. */
  readonly id: string;
  /** The kind, e.g. PERSON (the Neo4j label is the kind's type name: Person). */
  readonly kind: string;
  readonly name: string;
  /** Further properties (date, isoCode, aliases...), by name; absent or null values are left empty. */
  readonly properties?: Readonly<Record<string, ExportValue | undefined>>;
}

export interface ExportEdge {
  readonly source: string;
  readonly target: string;
  /** The relationship type, e.g. ATTENDED, or SAID_ABOUT for a link through a quote. */
  readonly type: string;
  readonly properties?: Readonly<Record<string, ExportValue | undefined>>;
}

export interface ExportGraph {
  readonly nodes: readonly ExportNode[];
  readonly edges: readonly ExportEdge[];
}

/** The Neo4j label of a kind: PERSON -> Person, ORGANIZATION -> Organization. */
export function labelOfKind(kind: string): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

/** Property names used by any node (or edge), sorted, so every format writes the same columns. */
export function propertyNames(items: readonly { properties?: Readonly<Record<string, ExportValue | undefined>> }[]): string[] {
  const names = new Set<string>();
  for (const item of items) for (const [k, v] of Object.entries(item.properties ?? {})) if (v !== undefined && v !== null) names.add(k);
  return [...names].sort();
}

/** How a property's values read: the GraphML attr.type and the neo4j-admin column type. */
export type ValueType = 'boolean' | 'long' | 'double' | 'string' | 'string[]';

/** The one type all non-empty values of `name` fit (string when they differ). */
export function valueType(items: readonly { properties?: Readonly<Record<string, ExportValue | undefined>> }[], name: string): ValueType {
  let type: ValueType | undefined;
  for (const item of items) {
    const v = item.properties?.[name];
    if (v === undefined || v === null) continue;
    const t: ValueType = Array.isArray(v) ? 'string[]' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'long' : 'double') : 'string';
    if (type === undefined) type = t;
    else if (type !== t) type = type === 'long' && t === 'double' ? 'double' : type === 'double' && t === 'long' ? 'double' : 'string';
  }
  return type ?? 'string';
}
