/**
 * Reading the test graph back, for assertions on what a load or an ingest wrote: totals per label
 * and the relationships of one type leaving one node (through the test-only named queries).
 */
import type { TestQueriesDb } from './neo4j.js';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  perLabel: Record<string, number>;
}

export async function counts(db: TestQueriesDb): Promise<GraphCounts> {
  const [row] = await db.read('test.counts');
  return {
    nodes: Number(row?.nodes),
    relationships: Number(row?.relationships),
    perLabel: Object.fromEntries((row?.perLabel as [string, number][]) ?? []),
  };
}

export async function rels(db: TestQueriesDb, from: string, type: string): Promise<{ to: string; props: Record<string, unknown> }[]> {
  return (await db.read('test.relationships', { from, type })) as { to: string; props: Record<string, unknown> }[];
}

/**
 * The whole graph in a canonical form (nodes and relationships sorted, list properties sorted), so
 * that two loads of the same facts compare equal whatever order they wrote things in.
 */
export async function snapshot(db: TestQueriesDb): Promise<{ nodes: string[]; relationships: string[] }> {
  const [row] = await db.read('test.graph');
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon).map((x) => JSON.stringify(x)).sort() : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)])) : v;
  const list = (key: string): string[] => ((row?.[key] as unknown[]) ?? []).map((x) => JSON.stringify(canon(x))).sort();
  return { nodes: list('nodes'), relationships: list('relationships') };
}
