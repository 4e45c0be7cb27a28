/**
 * The export writers (src/export/), parsed back: GraphML checked against the GraphML schema's rules
 * (root element and namespace, every <key> declared before <graph> with id, for, attr.name and an
 * attr.type GraphML allows, unique node ids, edges with ids whose source and target are nodes, every
 * <data> naming a declared key of its element's domain), CSV by an RFC 4180 parser (csv-parse),
 * JSON by JSON.parse; and the subgraph of GraphQL answers.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { subgraphOf, toCsv, toGraphML, toJson, type ExportGraph } from '../../src/export/index.js';

const GRAPH: ExportGraph = {
  nodes: [
    { id: 'person:kim-jong-un', kind: 'PERSON', name: 'Kim Jong Un', properties: { aliases: ['Kim', 'Kim Jong-un'], description: 'Leader of "North Korea", since 2011\nSupreme Leader' } },
    { id: 'summit:2019-04-25-vladivostok', kind: 'SUMMIT', name: 'Kim–Putin summit, Vladivostok', properties: { date: '2019-04-25', attendance: 2 } },
    { id: 'org:a&b', kind: 'ORGANIZATION', name: '<A & B>', properties: { share: 0.5, active: true } },
    { id: 'talks:six-party-talks', kind: 'TALKS', name: 'Six-party talks', properties: { startYear: 2003, share: 1 } },
  ],
  edges: [
    { source: 'person:kim-jong-un', target: 'summit:2019-04-25-vladivostok', type: 'ATTENDED' },
    { source: 'person:kim-jong-un', target: 'org:a&b', type: 'SAID_ABOUT', properties: { quote: 'quote:x-1' } },
    { source: 'person:kim-jong-un', target: 'person:nobody', type: 'MET' },
  ],
};

const GRAPHML_TYPES = new Set(['boolean', 'int', 'long', 'float', 'double', 'string']);

describe('GraphML', () => {
  const text = toGraphML(GRAPH);

  it('is well-formed XML that follows the GraphML schema', () => {
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data', 'graph'].includes(name), preserveOrder: false }).parse(text);
    const root = doc.graphml;
    expect(root['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    // Keys come before the graph (schema order), declared once each.
    expect(text.indexOf('<key ')).toBeLessThan(text.indexOf('<graph '));
    const keys = new Map<string, { for: string; type: string; name: string }>();
    for (const k of root.key) {
      expect(keys.has(k['@id'])).toBe(false);
      expect(['node', 'edge', 'graph', 'all']).toContain(k['@for']);
      expect(GRAPHML_TYPES.has(k['@attr.type'])).toBe(true);
      expect(k['@attr.name']).toBeTruthy();
      keys.set(k['@id'], { for: k['@for'], type: k['@attr.type'], name: k['@attr.name'] });
    }
    const graph = root.graph[0];
    expect(['directed', 'undirected']).toContain(graph['@edgedefault']);
    const nodeIds = graph.node.map((n: Record<string, string>) => n['@id']);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(nodeIds).toEqual(GRAPH.nodes.map((n) => n.id));
    const dataOk = (el: { data?: { '@key': string; '#text'?: unknown }[] }, domain: string): void => {
      for (const d of el.data ?? []) {
        const key = keys.get(d['@key']);
        expect(key, d['@key']).toBeDefined();
        expect([domain, 'all']).toContain(key?.for);
        if (key?.type === 'double' || key?.type === 'long') expect(Number.isFinite(Number(d['#text']))).toBe(true);
        if (key?.type === 'boolean') expect(['true', 'false']).toContain(String(d['#text']));
      }
    };
    for (const n of graph.node) dataOk(n, 'node');
    const edgeIds = graph.edge.map((e: Record<string, string>) => e['@id']);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    for (const e of graph.edge) {
      expect(nodeIds).toContain(e['@source']);
      expect(nodeIds).toContain(e['@target']);
      dataOk(e, 'edge');
    }
    // The edge to a node outside the graph is left out rather than dangling.
    expect(graph.edge).toHaveLength(2);
  });

  it('keeps names, special characters and typed attributes', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name), parseTagValue: false }).parse(text);
    const keys = new Map(doc.graphml.key.map((k: Record<string, string>) => [k['@attr.name'] + '/' + k['@for'], k]));
    expect((keys.get('share/node') as Record<string, string>)['@attr.type']).toBe('double');
    expect((keys.get('startYear/node') as Record<string, string>)['@attr.type']).toBe('long');
    expect((keys.get('active/node') as Record<string, string>)['@attr.type']).toBe('boolean');
    const org = doc.graphml.graph.node.find((n: Record<string, string>) => n['@id'] === 'org:a&b');
    const label = org.data.find((d: Record<string, string>) => d['@key'] === 'label');
    expect(label['#text']).toBe('<A & B>');
  });
});

describe('CSV', () => {
  const { nodes, relationships } = toCsv(GRAPH);

  it('writes nodes.csv and relationships.csv with headers in neo4j-admin import shape, RFC 4180 quoted', () => {
    expect(nodes.endsWith('\r\n')).toBe(true);
    const n = parseCsv(nodes, { columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(Object.keys(n[0] as object).slice(0, 4)).toEqual(['id:ID', 'name', 'kind', ':LABEL']);
    expect(n.map((r) => r['id:ID'])).toEqual(GRAPH.nodes.map((x) => x.id));
    const kim = n[0] as Record<string, string>;
    expect(kim[':LABEL']).toBe('Entity;Person');
    expect(kim['aliases:string[]']).toBe('Kim;Kim Jong-un');
    expect(kim.description).toBe('Leader of "North Korea", since 2011\nSupreme Leader');
    expect((n[1] as Record<string, string>).name).toBe('Kim–Putin summit, Vladivostok');
    expect(Object.keys(kim)).toContain('startYear:long');
    expect(Object.keys(kim)).toContain('share:double');
    const r = parseCsv(relationships, { columns: true }) as Record<string, string>[];
    expect(Object.keys(r[0] as object).slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(r.map((x) => x[':TYPE'])).toEqual(['ATTENDED', 'SAID_ABOUT', 'MET']);
    expect((r[1] as Record<string, string>).quote).toBe('quote:x-1');
  });
});

describe('JSON', () => {
  it('parses back to the same nodes and edges', () => {
    expect(JSON.parse(toJson(GRAPH))).toEqual(JSON.parse(JSON.stringify(GRAPH)));
  });
});

describe('the subgraph of a GraphQL answer', () => {
  it('takes nodes and edges from a neighbourhood, a path, relations and nested entities', () => {
    const data = {
      neighborhoodWith: {
        nodes: [{ id: 'person:a', name: 'A', kind: 'PERSON' }, { id: 'country:B', name: 'B', kind: 'COUNTRY' }],
        edges: [{ from: 'person:a', to: 'country:B', type: 'LEADS' }, { from: 'person:a', to: 'country:B', type: 'LEADS' }],
      },
      paths: [{ length: 2, steps: [
        { entity: { id: 'person:a', name: 'A' }, relation: null, direction: null },
        { entity: { id: 'summit:s', name: 'S' }, relation: 'ATTENDED', direction: 'OUT' },
        { entity: { id: 'person:c', name: 'C' }, relation: 'SAID_ABOUT', direction: 'IN', quote: { id: 'quote:q-1' } },
      ] }],
      entity: { id: 'summit:s', name: 'S', date: '2019-04-25', participants: [{ id: 'person:a', name: 'A' }], related: [{ type: 'HELD_IN', direction: 'OUT', entity: { id: 'place:p', name: 'P' } }],
        quotes: { edges: [{ node: { id: 'quote:q-1', text: 'x', speaker: { id: 'person:c', name: 'C' } } }] } },
    };
    const g = subgraphOf(data);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['country:B', 'person:a', 'person:c', 'place:p', 'summit:s']);
    expect(g.nodes.find((n) => n.id === 'summit:s')?.properties?.date).toBe('2019-04-25');
    expect(g.nodes.find((n) => n.id === 'place:p')?.kind).toBe('PLACE');
    const edges = g.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort();
    expect(edges).toEqual([
      'person:a ATTENDED summit:s',
      'person:a LEADS country:B',
      'person:c SAID_ABOUT summit:s',
      'summit:s HELD_IN place:p',
      'summit:s participants person:a',
      'summit:s speaker person:c',
    ]);
    expect(g.edges.find((e) => e.type === 'SAID_ABOUT')?.properties?.quote).toBe('quote:q-1');
  });
});
