/**
 * The name of every file in cypher/ (without `.cypher`). CypherRegistry checks this list against the
 * folder at startup, both ways. Keep it sorted.
 */
export const QUERY_NAMES = [
  'schema.await',
  'schema.setup',
  'seed.existing-entities',
  'seed.merge-articles',
  'seed.merge-entities',
  'seed.merge-mentions',
  'seed.merge-quotes',
  'seed.merge-relations',
  'test.counts',
  'test.relationships',
  'test.reset',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];
