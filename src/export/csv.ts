import { labelOfKind, propertyNames, valueType, type ExportGraph, type ExportValue } from './graph.js';

/**
 * CSV in the shape neo4j-admin database import takes (and LOAD CSV WITH HEADERS and spreadsheets
 * read): nodes.csv with `id:ID`, `name`, `kind`, `:LABEL` and one column per property (typed in the
 * header: `aliases:string[]`, `startYear:long`), relationships.csv with `:START_ID`, `:END_ID`,
 * `:TYPE` and the edges' properties. RFC 4180: a header row, CRLF line ends, fields quoted when they
 * hold a comma, a double quote, CR or LF, quotes doubled. Lists are joined with `;`, neo4j-admin's
 * default array delimiter.
 */
export interface CsvFiles {
  /** nodes.csv */
  readonly nodes: string;
  /** relationships.csv */
  readonly relationships: string;
}

/** The array delimiter of list columns (neo4j-admin's default). */
export const ARRAY_DELIMITER = ';';

/** One RFC 4180 field. */
export function csvField(value: ExportValue | undefined): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(lines: readonly (readonly (ExportValue | undefined)[])[]): string {
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The two files of a graph (see the module comment). */
export function toCsv(graph: ExportGraph): CsvFiles {
  const nodeProps = propertyNames(graph.nodes).filter((p) => !['id', 'name', 'kind'].includes(p));
  const edgeProps = propertyNames(graph.edges);
  const typed = (items: Parameters<typeof valueType>[0], p: string): string => {
    const t = valueType(items, p);
    return t === 'string' ? p : `${p}:${t}`;
  };
  const nodes = rows([
    ['id:ID', 'name', 'kind', ':LABEL', ...nodeProps.map((p) => typed(graph.nodes, p))],
    ...graph.nodes.map((n) => [n.id, n.name, n.kind, `Entity${ARRAY_DELIMITER}${labelOfKind(n.kind)}`, ...nodeProps.map((p) => n.properties?.[p])]),
  ]);
  const relationships = rows([
    [':START_ID', ':END_ID', ':TYPE', ...edgeProps.map((p) => typed(graph.edges, p))],
    ...graph.edges.map((e) => [e.source, e.target, e.type, ...edgeProps.map((p) => e.properties?.[p])]),
  ]);
  return { nodes, relationships };
}
