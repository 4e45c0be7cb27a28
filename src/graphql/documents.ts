import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  getLocation,
  GraphQLError,
  Kind,
  parse,
  print,
  Source,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { documentHash } from './trusted-documents.js';

/** One registered operation: its name, the file it is in, and the document sent for it (with its fragments). */
export interface TrustedOperation {
  name: string;
  file: string;
  hash: string;
  document: string;
}

/** Problems with the .graphql files, each `file:line:column: message`; nothing is written when there are any. */
export class DocumentsError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the documents:\n${problems.join('\n')}`);
    this.name = 'DocumentsError';
  }
}

/** Every .graphql and .gql file under `dir`, in path order. */
function graphqlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (entry.isFile() && /\.(graphql|gql)$/.test(entry.name)) found.push(path);
    }
  };
  if (!statSync(dir).isDirectory()) throw new DocumentsError([`${dir}: not a folder`]);
  walk(dir);
  return found;
}

/** `file:line:column: message` for an error at a node of a parsed file (the Source's name is the file). */
function located(error: GraphQLError, fallback: string): string {
  const node = error.nodes?.[0];
  const source = node?.loc?.source ?? error.source;
  const start = node?.loc?.start ?? error.positions?.[0];
  if (source !== undefined && start !== undefined) {
    const { line, column } = getLocation(source, start);
    return `${source.name}:${line}:${column}: ${error.message}`;
  }
  return `${fallback}: ${error.message}`;
}

/** The fragments `node` uses, directly or through other fragments, by name. */
function fragmentsUsed(node: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, into = new Set<string>()): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      const fragment = fragments.get(name);
      if (into.has(name) || fragment === undefined) return;
      into.add(name);
      fragmentsUsed(fragment, fragments, into);
    },
  });
  return into;
}

/**
 * The trusted operations in the .graphql files under `dir`, checked against `schema`: every file
 * parses, every operation is named and its name is unique, fragment names are unique, and each
 * operation with the fragments it uses (from any file) passes the schema's validation. One document
 * per operation, printed (so formatting and comments do not change a hash), hashed with sha256.
 * Throws a DocumentsError listing every problem as `file:line:column: message`.
 */
export function collectTrustedOperations(dir: string, schema: GraphQLSchema, cwd = process.cwd()): TrustedOperation[] {
  const problems: string[] = [];
  const operations: { node: OperationDefinitionNode; file: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const files = graphqlFiles(dir);
  if (files.length === 0) throw new DocumentsError([`${dir}: no .graphql or .gql files`]);
  for (const path of files) {
    const file = relative(cwd, path) || path;
    let document: DocumentNode;
    try {
      document = parse(new Source(readFileSync(path, 'utf8'), file));
    } catch (err) {
      problems.push(err instanceof GraphQLError ? located(err, file) : `${file}: ${String(err)}`);
      continue;
    }
    for (const definition of document.definitions) {
      const at = (message: string): string => located(new GraphQLError(message, { nodes: definition }), file);
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        const other = fragments.get(name);
        if (other !== undefined) problems.push(at(`fragment ${name} is also defined at ${located(new GraphQLError('', { nodes: other }), '').replace(/: $/, '')}`));
        else fragments.set(name, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (definition.name === undefined) problems.push(at('an operation without a name: name it (clients and logs refer to operations by name)'));
        else operations.push({ node: definition, file });
      } else {
        problems.push(at(`a ${definition.kind} is not an operation or a fragment: documents hold queries and fragments only`));
      }
    }
  }
  const byName = new Map<string, { node: OperationDefinitionNode; file: string }>();
  const result: TrustedOperation[] = [];
  for (const operation of operations) {
    const name = operation.node.name!.value;
    const other = byName.get(name);
    if (other !== undefined) {
      problems.push(located(new GraphQLError(`operation ${name} is also defined in ${other.file}`, { nodes: operation.node }), operation.file));
      continue;
    }
    byName.set(name, operation);
    const used = fragmentsUsed(operation.node, fragments);
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [operation.node, ...[...used].sort().map((f) => fragments.get(f)!)],
    };
    const errors = validate(schema, document);
    if (errors.length > 0) {
      for (const error of errors) problems.push(located(error, operation.file));
      continue;
    }
    const text = print(document);
    result.push({ name, file: operation.file, hash: documentHash(text), document: text });
  }
  if (problems.length > 0) throw new DocumentsError(problems);
  return result;
}

/** The manifest's JSON text: documents by hash, in operation name order. */
export function manifestJson(operations: readonly TrustedOperation[]): string {
  const sorted = [...operations].sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify(Object.fromEntries(sorted.map((o) => [o.hash, o.document])), null, 2)}\n`;
}
