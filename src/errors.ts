/**
 * Domain errors with stable codes. GraphQL exposes `code` as `extensions.code`; the command line
 * prints `message` and exits non-zero. Anything that is not a DomainError is unexpected and masked.
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'BAD_USER_INPUT',
  /** A name given where an entity is expected matches more than one entity (details.candidates). */
  'AMBIGUOUS_NAME',
  'INVALID_SEED',
  'LOAD_FAILED',
  'DB_UNAVAILABLE',
  'DB_ERROR',
  'BAD_CONFIG',
  'LOCAL_NEO4J',
  /** The project's own NLP service could not be provisioned or started. */
  'LOCAL_NLP',
  /** An NLP service does not answer (refused, timed out) or runs another pipeline. */
  'NLP_UNAVAILABLE',
  /** An NLP service answered with an error for one text. */
  'NLP_ERROR',
] as const;

/** A DomainError's code; docs/errors.md lists each (test/unit/error-codes.test.ts). */
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `No ${what} with id ${JSON.stringify(id)}`, { id });

export const badInput = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('BAD_USER_INPUT', message, details);
