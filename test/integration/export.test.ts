/**
 * `npm run export` against the seeded test Neo4j, its files parsed back: the whole graph (GraphML,
 * CSV, JSON) holds what Query.stats counts, and --query exports the subgraph a GraphQL answer holds.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { runCli } from '../support/cli.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { tempDir } from '../support/tmp.js';
import { ok } from './api-client.js';

let t: TestDb;
let app: App;
let stats: { entities: { count: number }[]; relationships: number };

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
  stats = (await ok(app, '{ stats { entities { count } relationships } }')).stats;
});
afterAll(async () => t?.close());

const entityCount = (): number => stats.entities.reduce((s, e) => s + e.count, 0);

describe('npm run export', () => {
  it('writes the whole graph as GraphML, CSV and JSON, each holding every entity and fact', async () => {
    const dir = await tempDir('export');
    const graphml = await runCli('export', ['--format', 'graphml', '--out', join(dir, 'graph.graphml')], { timeoutMs: 120_000 });
    expect(graphml.code, graphml.stderr).toBe(0);
    const xml = await readFile(join(dir, 'graph.graphml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['node', 'edge', 'key', 'data'].includes(n) }).parse(xml);
    expect(doc.graphml.graph.node).toHaveLength(entityCount());
    expect(doc.graphml.graph.edge).toHaveLength(stats.relationships);

    const csv = await runCli('export', ['--format', 'csv', '--out', join(dir, 'csv')], { timeoutMs: 120_000 });
    expect(csv.code, csv.stderr).toBe(0);
    const nodes = parseCsv(await readFile(join(dir, 'csv', 'nodes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const rels = parseCsv(await readFile(join(dir, 'csv', 'relationships.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(nodes).toHaveLength(entityCount());
    expect(rels).toHaveLength(stats.relationships);
    const kim = nodes.find((n) => n['id:ID'] === 'person:kim-jong-un') as Record<string, string>;
    expect(kim).toMatchObject({ name: 'Kim Jong Un', kind: 'PERSON', ':LABEL': 'Entity;Person' });
    expect(rels.some((r) => r[':START_ID'] === 'person:kim-jong-un' && r[':TYPE'] === 'ATTENDED' && r[':END_ID'] === 'summit:2019-04-25-vladivostok')).toBe(true);
    // Provenance is not a property column.
    expect(Object.keys(rels[0] as object)).not.toContain('sources');

    const json = await runCli('export', ['--format', 'json'], { timeoutMs: 120_000 });
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { nodes: unknown[]; edges: unknown[] };
    expect(parsed.nodes).toHaveLength(entityCount());
    expect(parsed.edges).toHaveLength(stats.relationships);
  }, 400_000);

  it('exports the subgraph a GraphQL query returns: the quote path from Kim Jong Un to the Hudson Institute', async () => {
    const dir = await tempDir('export-query');
    const query = join(dir, 'path.graphql');
    await writeFile(query, `query($from: ID!) { paths(from: $from, to: "Hudson Institute", first: 1, maxDegree: 50, filter: {throughQuotes: true}) {
      steps { entity { id name kind } relation direction quote { id } } } }`);
    const res = await runCli('export', ['--format', 'json', '--query', query, '--variables', '{"from": "Kim Jong Un"}'], { timeoutMs: 120_000 });
    expect(res.code, res.stderr).toBe(0);
    const g = JSON.parse(res.stdout) as { nodes: { id: string }[]; edges: { source: string; target: string; type: string; properties?: { quote?: string } }[] };
    expect(g.nodes.map((n) => n.id)).toContain('person:patrick-cronin');
    expect(g.nodes.map((n) => n.id)).toContain('org:hudson-institute');
    const said = g.edges.find((e) => e.type === 'SAID_ABOUT');
    expect(said?.source).toBe('person:patrick-cronin');
    expect(said?.properties?.quote).toMatch(/^quote:/);
    expect(g.edges).toHaveLength(g.nodes.length - 1);
    // A query with errors exports nothing and fails.
    await writeFile(query, '{ paths(from: "Nobody Whatsoever Zzyzx", to: "Hudson Institute") { length } }');
    const bad = await runCli('export', ['--format', 'graphml', '--query', query, '--out', join(dir, 'x.graphml')], { timeoutMs: 120_000 });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/NOT_FOUND/);
    const noOut = await runCli('export', ['--format', 'csv'], { timeoutMs: 60_000 });
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toMatch(/--out/);
  }, 400_000);
});
