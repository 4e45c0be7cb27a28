/**
 * The query cost limit (src/graphql/cost.ts) on its own: the formula, variables and defaults, and
 * that the queries we ship or benchmark (the GraphiQL default query, the dashboard mix) fit.
 */
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import { operations } from '../../bench/ops.js';
import { DEFAULT_GRAPHIQL_QUERY } from '../../src/graphql/app.js';
import { fieldCost, MAX_QUERY_COST } from '../../src/graphql/cost.js';
import { createSchema } from '../../src/graphql/schema.js';

const schema = createSchema();
const cost = (query: string, variables: Record<string, unknown> = {}): number =>
  getComplexity({ schema, query: parse(query), variables, estimators: [fieldCost] });

describe('query cost', () => {
  it('is 1 per leaf, and 2 + 1.5 x children per object field, times its first', () => {
    expect(cost('{ stats { articles } }')).toBe(2 + 1.5 * 1);
    // summits: (2 + 1.5 * (totalCount 1 + edges (2 + 1.5 * node (2 + 1.5 * id 1)))) * 10
    expect(cost('{ summits(first: 10) { totalCount edges { node { id } } } }')).toBe((2 + 1.5 * (1 + (2 + 1.5 * (2 + 1.5)))) * 10);
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
    const facts = { articles: 1, seed: 1, busyLeader: 'person:a', leader: 'person:b', busySummit: 'summit:c', searchTerm: 'x', pathFrom: 'person:a', pathTo: 'person:b' };
    for (const op of operations(facts)) expect(cost(op.ours.query, op.ours.variables), op.name).toBeLessThanOrEqual(MAX_QUERY_COST);
  });

  it('stops a first: 100 list nested in another', () => {
    expect(cost('{ summits(first: 100) { edges { node { quotes(first: 100) { edges { node { text } } } } } } }')).toBeGreaterThan(MAX_QUERY_COST);
  });
});
