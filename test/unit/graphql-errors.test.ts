/** What clients see of errors: expected domain errors with their code, everything else masked. */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DomainError, badInput, notFound } from '../../src/errors.js';
import { maskError } from '../../src/graphql/errors.js';

const located = (original: Error) =>
  new GraphQLError(original.message, { path: ['node'], originalError: original });

describe('maskError', () => {
  it.each([
    ['NOT_FOUND', notFound('entity', 'person:nobody')],
    ['BAD_USER_INPUT', badInput('first must be between 1 and 100, got 0')],
    ['DB_UNAVAILABLE', new DomainError('DB_UNAVAILABLE', 'Neo4j is unreachable')],
  ])('exposes %s with its message, path and code', (code, original) => {
    const masked = maskError(located(original), 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe(original.message);
    expect(masked.path).toEqual(['node']);
    expect(masked.extensions).toEqual({ code });
  });

  it.each([
    ['a DB_ERROR (it may quote the query)', new DomainError('DB_ERROR', 'Neo4j error Neo.ClientError: MATCH (n) ...')],
    ['a plain Error', new Error('Cannot read properties of undefined')],
    ['an INVALID_SEED error (not a GraphQL concern)', new DomainError('INVALID_SEED', 'bad seed')],
  ])('masks %s', (_label, original) => {
    const masked = maskError(located(original), 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(masked.toJSON())).not.toContain(original.message);
  });

  it('keeps errors graphql-js raised itself (syntax, validation) as they are', () => {
    const validation = new GraphQLError('Cannot query field "nodeX" on type "Query".');
    expect(maskError(validation, 'Unexpected error.')).toBe(validation);
  });
});
