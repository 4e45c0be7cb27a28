/**
 * Export formats over plain {nodes, edges} (graph.ts): GraphML, CSV (nodes.csv + relationships.csv)
 * and JSON, and the subgraph of a GraphQL answer. Pure functions without Node-only imports: the
 * command line (src/bin/export.ts) and a browser explorer use the same writers.
 */
export type { ExportEdge, ExportGraph, ExportNode, ExportValue } from './graph.js';
export { labelOfKind } from './graph.js';
export { toCsv, csvField, ARRAY_DELIMITER, type CsvFiles } from './csv.js';
export { toGraphML, xml } from './graphml.js';
export { toJson } from './json.js';
export { subgraphOf } from './subgraph.js';

/** The formats, as `npm run export -- --format` names them. */
export const EXPORT_FORMATS = ['graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
