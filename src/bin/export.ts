/**
 * `npm run export -- --format graphml|csv|json [--query FILE] [--variables JSON] [--out PATH]`:
 * the whole entity graph, or the subgraph the GraphQL query in FILE answers (run in-process
 * through the same schema and resolvers as the server), as GraphML (Gephi, yEd), CSV (nodes.csv and
 * relationships.csv, neo4j-admin import's shape) or JSON. GraphML and JSON go to --out or stdout;
 * CSV needs --out, a folder that receives the two files. Exit codes: 0 written, 1 bad arguments, a
 * query with errors, or a failure (nothing is written then).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { wholeGraph } from '../data/export.js';
import { DomainError } from '../errors.js';
import { createApp } from '../graphql/app.js';
import { EXPORT_FORMATS, subgraphOf, toCsv, toGraphML, toJson, type ExportFormat, type ExportGraph } from '../export/index.js';

const program = new Command()
  .name('npm run export --')
  .description('Export the whole graph, or the subgraph a GraphQL query returns, as GraphML, CSV or JSON.')
  .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
  .option('--query <file>', 'a GraphQL query whose answer is the subgraph to export (default: the whole graph)')
  .option('--variables <json>', 'variables of --query, as a JSON object')
  .option('--out <path>', 'the file to write (GraphML, JSON; default stdout) or the folder for nodes.csv and relationships.csv (CSV)')
  .showHelpAfterError();

program.action(async (opts: { format: ExportFormat; query?: string; variables?: string; out?: string }) => {
  if (opts.format === 'csv' && opts.out === undefined) throw new DomainError('BAD_USER_INPUT', '--format csv writes two files: give --out FOLDER');
  const variables = parseVariables(opts.variables);
  const query = opts.query === undefined ? undefined : await readFile(opts.query, 'utf8');
  const config = loadConfig();
  const conn = await connect(config, (m) => process.stderr.write(`${m}\n`));
  let graph: ExportGraph;
  try {
    graph = query === undefined ? await wholeGraph(conn.db) : await answer(conn.db, query, variables, opts.query as string);
  } finally {
    await conn.close();
  }
  await write(graph, opts.format, opts.out);
  process.stderr.write(`Exported ${graph.nodes.length} nodes and ${graph.edges.length} relationships as ${opts.format}${opts.out === undefined ? '' : ` to ${opts.out}`}\n`);
});

function parseVariables(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DomainError('BAD_USER_INPUT', `--variables is not JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DomainError('BAD_USER_INPUT', '--variables must be a JSON object');
  return value as Record<string, unknown>;
}

/** Runs the query through the app (no port) and takes the subgraph of its data; errors fail. */
async function answer(db: Parameters<typeof createApp>[0]['db'], query: string, variables: Record<string, unknown>, file: string): Promise<ExportGraph> {
  const app = createApp({ db });
  const res = await app.fetch('http://export.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new DomainError('BAD_USER_INPUT', `${file}: the query failed: ${body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ')}`);
  }
  return subgraphOf(body.data);
}

async function write(graph: ExportGraph, format: ExportFormat, out: string | undefined): Promise<void> {
  if (format === 'csv') {
    const { nodes, relationships } = toCsv(graph);
    await mkdir(out as string, { recursive: true });
    await writeFile(join(out as string, 'nodes.csv'), nodes);
    await writeFile(join(out as string, 'relationships.csv'), relationships);
    return;
  }
  const text = format === 'graphml' ? toGraphML(graph) : toJson(graph);
  if (out === undefined) process.stdout.write(text);
  else await writeFile(out, text);
}

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`${e instanceof DomainError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
