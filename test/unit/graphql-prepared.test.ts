import { parse } from 'graphql';
import { isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { memoizedCost, MAX_QUERY_COST } from '../../src/graphql/cost.js';
import { JitCache } from '../../src/graphql/jit.js';
import { MAX_PREPARED, PreparedOperations } from '../../src/graphql/prepared.js';
import { createSchema } from '../../src/graphql/schema.js';

const schema = createSchema();
const prepared = (): PreparedOperations =>
  new PreparedOperations({
    context: () => {
      throw new Error('not asked here');
    },
    jit: new JitCache(),
    costOf: memoizedCost(),
    maxCost: MAX_QUERY_COST,
  });

describe('JitCache', () => {
  it('compiles each operation of a document once, by operation name', () => {
    const jit = new JitCache();
    const document = parse('query A { __typename } query B { summits { totalCount } }');
    const a = jit.get(schema, document, 'A');
    const b = jit.get(schema, document, 'B');
    expect(isCompiledQuery(a) && isCompiledQuery(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(jit.get(schema, document, 'A')).toBe(a);
    expect(jit.get(schema, parse('query A { __typename } query B { summits { totalCount } }'), 'A')).not.toBe(a);
  });

  it('gives graphql-jit errors for an operation it cannot compile', () => {
    const jit = new JitCache();
    const compiled = jit.get(schema, parse('query A { __typename }'), 'B');
    expect(isCompiledQuery(compiled)).toBe(false);
    expect('errors' in compiled && compiled.errors?.[0]?.message).toMatch(/Unknown operation named "B"/);
  });
});

describe('PreparedOperations', () => {
  it('keeps a text by its operation name', () => {
    const p = prepared();
    const query = 'query A { __typename } query B { __typename }';
    p.remember(query, 'A', schema, parse(query));
    expect(p.get(query, 'A')?.operationName).toBe('A');
    expect(p.get(query, 'B')).toBeUndefined();
    expect(p.get(query, undefined)).toBeUndefined();
    p.remember('{ __typename }', null, schema, parse('{ __typename }'));
    expect(p.get('{ __typename }', undefined)).toBeDefined();
    expect(p.get('{ __typename }', null)).toBeDefined();
  });

  it('does not keep an operation graphql-jit cannot compile (the request is answered with its errors)', () => {
    const p = prepared();
    p.remember('query A { __typename }', 'B', schema, parse('query A { __typename }'));
    expect(p.get('query A { __typename }', 'B')).toBeUndefined();
  });

  it(`keeps at most ${MAX_PREPARED} texts, dropping the oldest first`, () => {
    const p = prepared();
    const text = (i: number): string => `{ __typename a${i}: __typename }`;
    for (let i = 0; i <= MAX_PREPARED; i++) p.remember(text(i), undefined, schema, parse(text(i)));
    expect(p.get(text(0), undefined)).toBeUndefined();
    expect(p.get(text(1), undefined)).toBeDefined();
    expect(p.get(text(MAX_PREPARED), undefined)).toBeDefined();
  });
});
