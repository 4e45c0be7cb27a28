/**
 * The query cost limit (src/graphql/cost.ts) on its own: the formula, variables and defaults, and
 * that the queries we ship or benchmark (the GraphiQL default query, the dashboard mix) fit.
 */
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import { CORPUS_VERSION } from '../../bench/corpus.js';
import { operations } from '../../bench/ops.js';
import { DEFAULT_GRAPHIQL_QUERY } from '../../src/graphql/app.js';
import { fieldCost, MAX_QUERY_COST } from '../../src/graphql/cost.js';
import { createSchema } from '../../src/graphql/schema.js';

const schema = createSchema();
const cost = (query: string, variables: Record<string, unknown> = {}): number =>
  getComplexity({ schema, query: parse(query), variables, estimators: [fieldCost] });

describe('query cost', () => {
  it('is 1 per leaf, and 1 + children per object field, times its first', () => {
    expect(cost('{ stats { articles quotes } }')).toBe(1 + 2);
    // summits: (1 + totalCount 1 + edges (1 + node (1 + id 1 + name 1))) * 10
    expect(cost('{ summits(first: 10) { totalCount edges { node { id name } } } }')).toBe((1 + 1 + (1 + (1 + 2))) * 10);
  });

  it('reads first from variables and from the schema default alike', () => {
    const literal = cost('{ summits(first: 30) { edges { node { id } } } }');
    expect(cost('query($n: Int) { summits(first: $n) { edges { node { id } } } }', { n: 30 })).toBe(literal);
    expect(cost('query($n: Int) { summits(first: $n) { edges { node { id } } } }', { n: 60 })).toBe(2 * literal);
    // Without first, the argument's default (if any) counts: never less than one item.
    expect(cost('{ summits { edges { node { id } } } }')).toBeGreaterThanOrEqual(cost('{ summits(first: 1) { edges { node { id } } } }'));
  });

  it('lets the GraphiQL default query and every benchmarked dashboard query through', () => {
    expect(cost(DEFAULT_GRAPHIQL_QUERY)).toBeLessThanOrEqual(MAX_QUERY_COST);
    const facts = { version: CORPUS_VERSION, articles: 1, seed: 1, busyLeader: 'person:a', leader: 'person:b', busySummit: 'summit:c', searchTerm: 'x', pathFrom: 'person:a', pathTo: 'person:b' };
    for (const op of operations(facts)) expect(cost(op.ours.query, op.ours.variables), op.name).toBeLessThanOrEqual(MAX_QUERY_COST);
  });

  it('stops a first: 100 list nested in another, and lets 50 summits with 5 quotes each through', () => {
    expect(cost('{ summits(first: 100) { edges { node { quotes(first: 100) { edges { node { text } } } } } } }')).toBeGreaterThan(MAX_QUERY_COST);
    const nested = `query($n: Int) { summits(first: $n) { edges { node { id name participants { id name } quotes(first: 5) { totalCount edges { node { text speaker { name } } } } } } } }`;
    expect(cost(nested, { n: 50 })).toBeLessThanOrEqual(MAX_QUERY_COST);
  });
});
