import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import { DomainError, type ErrorCode } from '../errors.js';
import type { ApiErrorCode } from './error-codes.js';

/**
 * What clients see of errors. Expected failures are DomainErrors with one of these codes and reach
 * the client with their message and `extensions.code`; DB_UNAVAILABLE tells clients they may
 * retry. Every other error (DB_ERROR, bugs, driver errors) is masked as "Unexpected error." with
 * code INTERNAL_SERVER_ERROR and logged, because its message may reveal internals.
 */
export const EXPOSED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode & ApiErrorCode>(['NOT_FOUND', 'BAD_USER_INPUT', 'AMBIGUOUS_NAME', 'DB_UNAVAILABLE']);

/** The DomainError behind `error` when it is one clients may see, else undefined. */
export function exposedDomainError(error: unknown): DomainError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof DomainError && EXPOSED_CODES.has(original.code) ? original : undefined;
}

/**
 * The details of a domain error that clients see beside its code: the argument and the candidates of
 * an AMBIGUOUS_NAME (so a client can offer the choice), the argument and name of a NOT_FOUND name.
 * Other details stay in the server's log.
 */
function publicDetails(error: DomainError): Record<string, unknown> {
  const d = error.details ?? {};
  const out: Record<string, unknown> = {};
  for (const key of ['argument', 'name', 'candidates']) if (key in d) out[key] = d[key];
  return out;
}

/** yoga's `maskedErrors.maskError`: exposes expected domain errors, masks the rest. */
export function maskError(error: unknown, message: string): Error {
  const domain = exposedDomainError(error);
  if (domain !== undefined) {
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(domain.message, {
      ...(located?.nodes ? { nodes: located.nodes } : {}),
      ...(located?.path ? { path: located.path } : {}),
      extensions: { code: domain.code as ErrorCode & ApiErrorCode, ...publicDetails(domain) },
    });
  }
  // isDev false: never attach the original error, whatever NODE_ENV says.
  return yogaMaskError(error, message, false);
}

/**
 * yoga's logger on top of pino. Yoga logs every error it masks or rewrites at `error`; expected
 * domain errors (a NOT_FOUND is a normal answer) go to `debug` instead so they do not drown real
 * failures.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        const lvl = level === 'error' && exposedDomainError(first) !== undefined ? 'debug' : level;
        logger[lvl]({ err: first }, first.message);
      } else {
        logger[level](rest.length > 0 ? { details: rest } : {}, String(first));
      }
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
