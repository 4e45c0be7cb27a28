/**
 * Reading the test graph back, for assertions on what a load or an ingest wrote: totals per label
 * and the relationships of one type leaving one node (through the test-only named queries).
 */
import type { Db } from '../../src/db/db.js';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  perLabel: Record<string, number>;
}

export async function counts(db: Db): Promise<GraphCounts> {
  const [row] = await db.read('test.counts');
  return {
    nodes: Number(row?.nodes),
    relationships: Number(row?.relationships),
    perLabel: Object.fromEntries((row?.perLabel as [string, number][]) ?? []),
  };
}

export async function rels(db: Db, from: string, type: string): Promise<{ to: string; props: Record<string, unknown> }[]> {
  return (await db.read('test.relationships', { from, type })) as { to: string; props: Record<string, unknown> }[];
}
