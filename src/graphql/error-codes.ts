import { GraphQLError, type ASTNode, type GraphQLErrorExtensions } from 'graphql';

/**
 * Every `extensions.code` a GraphQL response of this API can carry, with the HTTP statuses it comes
 * with. The one list: errors made here go through apiError (which takes only these codes), the codes
 * yoga and graphql-js set are listed with the status they answer, and docs/errors.md has a row for
 * each code and status (test/unit/error-codes.test.ts compares them both ways).
 */
export const API_ERROR_CODES = {
  // Domain errors resolvers raise (src/errors.ts), exposed by maskError (src/graphql/errors.ts).
  NOT_FOUND: [200, 404],
  BAD_USER_INPUT: [200, 400],
  AMBIGUOUS_NAME: [200],
  DB_UNAVAILABLE: [200],
  // Anything else, masked as "Unexpected error."
  INTERNAL_SERVER_ERROR: [200, 500],
  // Limits on the document (src/graphql/limits.ts) and on its cost (src/graphql/cost.ts).
  DEPTH_LIMIT: [200, 400],
  ALIAS_LIMIT: [200, 400],
  DIRECTIVE_LIMIT: [200, 400],
  TOKEN_LIMIT: [200, 400],
  QUERY_TOO_COSTLY: [200],
  // The request path (src/graphql/plugins.ts, src/graphql/trusted-documents.ts).
  OPERATION_NOT_SUPPORTED: [400],
  REQUEST_ENTITY_TOO_LARGE: [413],
  NOT_ACCEPTABLE: [406],
  UNSUPPORTED_MEDIA_TYPE: [415],
  PERSISTED_QUERY_NOT_FOUND: [200, 400],
  PERSISTED_QUERY_ONLY: [200, 400],
  // Set by yoga (BAD_REQUEST also by useRequestBodyLimit) and its CSRF prevention.
  BAD_REQUEST: [200, 400, 405],
  FORBIDDEN: [403],
  GRAPHQL_PARSE_FAILED: [200, 400],
  GRAPHQL_VALIDATION_FAILED: [200, 400],
  OPERATION_RESOLUTION_FAILURE: [400],
} as const satisfies Record<string, readonly number[]>;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export interface ApiErrorOptions {
  /** The HTTP status the response gets for this error (yoga reads `extensions.http.status`). */
  status?: number;
  nodes?: ASTNode | readonly ASTNode[];
  /** More `extensions` beside the code, such as a limit and the value that broke it. */
  extensions?: GraphQLErrorExtensions;
}

/** A GraphQLError with one of the API's codes. */
export function apiError(code: ApiErrorCode, message: string, { status, nodes, extensions }: ApiErrorOptions = {}): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes !== undefined ? { nodes } : {}),
    extensions: { ...extensions, code, ...(status !== undefined ? { http: { status } } : {}) },
  });
}
