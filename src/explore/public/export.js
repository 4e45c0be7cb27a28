// Writers for the current view, `{ nodes: [{id, kind, name}], edges: [{from, to, type}] }`: pure
// functions from the view to text, so they can be swapped for the API's own export.

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xml(value) {
  // Characters XML 1.0 cannot hold at all are dropped rather than producing a file Gephi rejects.
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** GraphML (http://graphml.graphdrawing.org/): directed, with `name` and `kind` on nodes and `type` on edges, as Gephi reads it. */
export function toGraphML(view) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const n of view.nodes) {
    lines.push(`    <node id="${xml(n.id)}"><data key="name">${xml(n.name)}</data><data key="kind">${xml(n.kind)}</data></node>`);
  }
  view.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}"><data key="type">${xml(e.type)}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** One CSV field, quoted when it must be (RFC 4180: comma, quote, line break; doubled quotes). */
function csvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Two CSV files with a header row, as spreadsheets and Neo4j's `LOAD CSV WITH HEADERS` read them:
 * `nodes` (id, kind, name) and `edges` (from, to, type).
 */
export function toCSV(view) {
  return {
    nodes: csv(['id', 'kind', 'name'], view.nodes.map((n) => [n.id, n.kind, n.name])),
    edges: csv(['from', 'to', 'type'], view.edges.map((e) => [e.from, e.to, e.type])),
  };
}

/** The view as JSON: `{ nodes, edges }`, indented. */
export function toJSON(view) {
  return `${JSON.stringify({ nodes: view.nodes.map(({ id, kind, name }) => ({ id, kind, name })), edges: view.edges.map(({ from, to, type }) => ({ from, to, type })) }, null, 2)}\n`;
}
