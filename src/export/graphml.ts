import { propertyNames, valueType, type ExportGraph, type ExportValue, type ValueType } from './graph.js';

/**
 * GraphML (http://graphml.graphdrawing.org/) as Gephi, yEd and Cytoscape read it: every attribute
 * declared once as a <key> (for node or edge, with attr.name and an attr.type of GraphML's
 * boolean/long/double/string) before the <graph>, node ids unique, edges with an id, a source and
 * a target that are node ids (an edge whose end is not among the nodes is left out), one <data>
 * per set value. `label` holds the name (nodes) and the relationship type (edges), which Gephi
 * shows; lists are written as JSON text.
 */
export function toGraphML(graph: ExportGraph): string {
  const nodeProps = propertyNames(graph.nodes).filter((p) => !['id', 'name', 'kind', 'label'].includes(p));
  const edgeProps = propertyNames(graph.edges).filter((p) => !['type', 'label'].includes(p));
  const attrType = (t: ValueType): string => (t === 'string[]' ? 'string' : t);
  const keys: string[] = [
    key('label', 'node', 'label', 'string'),
    key('kind', 'node', 'kind', 'string'),
    ...nodeProps.map((p, i) => key(`n${i}`, 'node', p, attrType(valueType(graph.nodes, p)))),
    key('elabel', 'edge', 'label', 'string'),
    key('type', 'edge', 'type', 'string'),
    ...edgeProps.map((p, i) => key(`e${i}`, 'edge', p, attrType(valueType(graph.edges, p)))),
  ];
  const ids = new Set<string>();
  const nodes: string[] = [];
  for (const n of graph.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    const data = [data1('label', n.name), data1('kind', n.kind), ...nodeProps.map((p, i) => data1(`n${i}`, n.properties?.[p]))];
    nodes.push(`    <node id="${xml(n.id)}">${data.join('')}</node>`);
  }
  const edges: string[] = [];
  graph.edges.forEach((e) => {
    if (!ids.has(e.source) || !ids.has(e.target)) return;
    const data = [data1('elabel', e.type), data1('type', e.type), ...edgeProps.map((p, i) => data1(`e${i}`, e.properties?.[p]))];
    edges.push(`    <edge id="e${edges.length}" source="${xml(e.source)}" target="${xml(e.target)}">${data.join('')}</edge>`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map((k) => `  ${k}`),
    '  <graph id="G" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

function key(id: string, domain: 'node' | 'edge', name: string, type: string): string {
  return `<key id="${id}" for="${domain}" attr.name="${xml(name)}" attr.type="${type}"/>`;
}

function data1(keyId: string, value: ExportValue | undefined): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return `<data key="${keyId}">${xml(text)}</data>`;
}

/**
 * Text as XML character data or attribute value: the five special characters escaped, and the
 * characters XML 1.0 does not allow (controls other than tab, LF, CR; lone surrogates) dropped.
 */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
