import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * One operation of a document compiled by graphql-jit into plain JavaScript, or, when it cannot be
 * compiled (an operation name that names no operation, several operations and no name), the
 * result graphql-jit gives instead: its errors are the request's answer, as graphql-js's would be.
 */
export type Compiled = CompiledQuery | ExecutionResult;

/**
 * The compiled operations of the app's documents, by document and operation name. A document is
 * the one yoga's parser cache hands every request with the same query text, so each operation is
 * compiled once and lives as long as its document does (a WeakMap on it).
 *
 * Keyed by operation name as well as document: `@envelop/graphql-jit` (11.2.1) keys its cache by
 * document alone, so with two operations in one document (GraphiQL sends the whole editor and the
 * name of the operation to run) it answered operation B with the operation first compiled, A.
 */
export class JitCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

  get(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Compiled {
    let operations = this.byDocument.get(document);
    if (operations === undefined) this.byDocument.set(document, (operations = new Map()));
    const key = operationName ?? '';
    let compiled = operations.get(key);
    if (compiled === undefined) {
      compiled = compileQuery(schema, document, operationName ?? undefined);
      operations.set(key, compiled);
    }
    return compiled;
  }
}

/**
 * Runs `compiled` and returns its result with the compiled stringify attached as `stringify` (yoga's
 * result processor and the direct path use it to write the JSON), as `@envelop/graphql-jit` does.
 */
export async function runCompiled(compiled: Compiled, contextValue: unknown, variables: Record<string, unknown> | null | undefined): Promise<ExecutionResult> {
  if (!isCompiledQuery(compiled)) return compiled;
  const result = await compiled.query(undefined, contextValue, variables);
  return Object.assign(result, { stringify: compiled.stringify });
}

/**
 * Executes every query through graphql-jit (`cache`). In place of `@envelop/graphql-jit`, whose cache
 * ignores the operation name (JitCache). The schema has no subscriptions, so only execution is
 * replaced.
 */
export function useJit(cache: JitCache): Plugin {
  return {
    onExecute({ setExecuteFn }) {
      setExecuteFn((args) =>
        runCompiled(cache.get(args.schema, args.document, args.operationName), args.contextValue, args.variableValues as Record<string, unknown> | null | undefined),
      );
    },
  };
}
