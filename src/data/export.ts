import type { Db } from '../db/db.js';
import type { ExportGraph, ExportValue } from '../export/graph.js';
import { toEntity } from './records.js';

/** Relationship properties that are provenance or bookkeeping, not facts: left out of exports. */
const INTERNAL = new Set(['sources', 'evidence', 'key']);

/** A stored value as an export property: scalars and lists of scalars; anything else is left out. */
function exportValue(v: unknown): ExportValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return v as (string | number | boolean)[];
  return undefined;
}

function props(values: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, ExportValue> {
  const out: Record<string, ExportValue> = {};
  for (const [k, v] of Object.entries(values)) {
    if (skip.has(k)) continue;
    const value = exportValue(v);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/** The whole entity graph: every entity (with its properties and aliases) and every fact between two. */
export async function wholeGraph(db: Db): Promise<ExportGraph> {
  const [nodeRows, relRows] = await Promise.all([db.read('export.nodes'), db.read('export.relationships')]);
  const nodes = nodeRows.map((row) => {
    const e = toEntity(row.node);
    return { id: e.id, kind: e.kind, name: e.name, properties: { ...(e.aliases.length > 0 ? { aliases: e.aliases } : {}), ...props(e.props as Record<string, unknown>, INTERNAL) } };
  });
  const edges = relRows.map((row) => ({
    source: String(row.source),
    target: String(row.target),
    type: String(row.type),
    properties: props((row.properties ?? {}) as Record<string, unknown>, INTERNAL),
  }));
  return { nodes, edges };
}
