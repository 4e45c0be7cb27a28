import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiErrorCode } from './error-codes.js';

/** The limits on a document, checked before it runs (the cost limit is src/graphql/cost.ts). */
export const DOCUMENT_LIMITS = { depth: 12, aliases: 20, directives: 20, tokens: 3000 } as const;

/**
 * armor's rejection of one limit, given its code: armor makes every rejection a GraphQLError
 * reading "Syntax Error: ..." without a code (a parse error for tokens, a validation error for the
 * others). Its onReject callbacks receive that error before it is thrown; this one gives it the code
 * and the limit and drops the misleading "Syntax Error: ", so a client can tell a limit from a typo;
 * the status is a validation failure's (armor throws from its rules, which yoga would answer 200).
 */
function coded(code: ApiErrorCode, limit: number) {
  return (_context: unknown, error: GraphQLError): void => {
    const extensions = error.extensions as Record<string, unknown>;
    extensions.code = code;
    extensions.limit = limit;
    // As yoga answers a document that fails validation: 200 to a client that accepts
    // application/json, 400 to one that accepts application/graphql-response+json.
    extensions.http = { status: 400, spec: true };
    error.message = error.message.replace(/^Syntax Error: /, '');
  };
}

/**
 * graphql-armor's limits, generous enough for GraphiQL's introspection and the default query, tight
 * enough that one request cannot ask for an unbounded amount of work: lists are capped by `first`,
 * and depth, aliases and cost cap how many lists a query can nest. Each rejection has its code.
 */
export function useDocumentLimits(): Plugin[] {
  const { depth, aliases, directives, tokens } = DOCUMENT_LIMITS;
  return new EnvelopArmor({
    maxDepth: { n: depth, onReject: [coded('DEPTH_LIMIT', depth)] },
    maxAliases: { n: aliases, onReject: [coded('ALIAS_LIMIT', aliases)] },
    maxDirectives: { n: directives, onReject: [coded('DIRECTIVE_LIMIT', directives)] },
    maxTokens: { n: tokens, onReject: [coded('TOKEN_LIMIT', tokens)] },
    // The cost limit is useQueryCost (src/graphql/cost.ts): armor's sees only literal `first` values.
    costLimit: { enabled: false },
    // The schema is public (introspection is on), so "did you mean" suggestions reveal nothing.
    blockFieldSuggestion: { enabled: false },
  }).protect().plugins as Plugin[];
}
