import type { ExportGraph } from './graph.js';

/** JSON: `{"nodes": [...], "edges": [...]}` as ExportGraph has them, indented, with a final newline. */
export function toJson(graph: ExportGraph): string {
  return `${JSON.stringify({ nodes: graph.nodes, edges: graph.edges }, null, 2)}\n`;
}
