/**
 * The look-ahead of `node(id:)` and `entity(id:)` (src/graphql/lookahead.ts) calls the resolvers of
 * KEYED_BY_ID with a parent that holds only the id, before the lookup answers. Each such field must
 * answer the same through `node(id:)` as it does on a whole record that reaches it another way (a
 * search hit, a list), and the look-ahead must start it in the lookup's own step.
 */
import { getNamedType, isLeafType, isObjectType, isInterfaceType, type GraphQLNamedType, type GraphQLOutputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { KEYED_BY_ID } from '../../src/graphql/lookahead.js';
import { createSchema } from '../../src/graphql/schema.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { gql } from './api-client.js';

let t: TestDb;
let app: App;
beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
});
afterAll(async () => t?.close());

const schema = createSchema();

/** A small selection for a value of `type`: ids of nodes, leaves of other objects, a page of a connection. */
function selectionFor(type: GraphQLOutputType | GraphQLNamedType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename ... on Node { id } }';
  const fields = named.getFields();
  if (fields.edges !== undefined && fields.edges.type !== undefined) {
    const node = getNamedType(fields.edges.type);
    const nodeType = isObjectType(node) ? node.getFields().node?.type : undefined;
    return `{ totalCount edges { node ${nodeType === undefined ? '' : selectionFor(nodeType, depth + 1)} } }`;
  }
  if (fields.id !== undefined) return '{ __typename id }';
  const leaves = Object.values(fields).filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => a.defaultValue !== undefined || !String(a.type).endsWith('!')));
  const nested = depth > 1 ? [] : Object.values(fields).filter((f) => !isLeafType(getNamedType(f.type)) && f.args.length === 0);
  return `{ __typename ${leaves.map((f) => f.name).join(' ')} ${nested.map((f) => `${f.name} ${selectionFor(f.type, depth + 1)}`).join(' ')} }`;
}

/** One node of each type the look-ahead knows, from seed/. */
const SAMPLES: Readonly<Record<string, string>> = {
  Person: 'person:vladimir-putin',
  Summit: 'summit:2019-04-25-vladivostok',
  Country: 'country:PRK',
  Place: 'place:vladivostok',
  Organization: 'org:hudson-institute',
  Talks: 'talks:six-party-talks',
  Topic: 'topic:denuclearization',
  Article: 'article:15fc837faf60e174',
  Quote: 'quote:15fc837faf60e174-01',
};

/** The same node reached without the look-ahead: a search hit for entities, a list for articles and quotes. */
async function throughAnotherWay(type: string, id: string, fieldSelection: string): Promise<{ node: unknown; steps: number | undefined }> {
  if (type === 'Article') {
    const res = await gql(app, `{ articles(first: 50) { edges { node { id ... on Article { ${fieldSelection} } } } } }`);
    expect(res.errors).toBeUndefined();
    return { node: (res.data.articles.edges as { node: { id: string } }[]).map((e) => e.node).find((n) => n.id === id), steps: res.steps };
  }
  if (type === 'Quote') {
    const res = await gql(app, `{ quotes(first: 100) { edges { node { id ... on Quote { ${fieldSelection} } } } } }`);
    expect(res.errors).toBeUndefined();
    return { node: (res.data.quotes.edges as { node: { id: string } }[]).map((e) => e.node).find((n) => n.id === id), steps: res.steps };
  }
  const named = await gql(app, `{ node(id: "${id}") { ... on Entity { name } } }`);
  const name = (named.data.node as { name: string }).name;
  const res = await gql(app, `query($q: String!) { search(query: $q, first: 50) { entity { id ... on ${type} { ${fieldSelection} } } } }`, { q: name });
  expect(res.errors).toBeUndefined();
  return { node: (res.data.search as { entity: { id: string } }[]).map((h) => h.entity).find((e) => e.id === id), steps: res.steps };
}

const CASES = Object.entries(KEYED_BY_ID).flatMap(([type, fields]) => fields.map((field) => [type, field] as const));

describe('look-ahead', () => {
  it('covers every field it calls ahead with a sample of its type', () => {
    expect(Object.keys(KEYED_BY_ID).every((type) => SAMPLES[type] !== undefined)).toBe(true);
  });

  it.each(CASES)('%s.%s answers through node(id:) as on a whole record, a step sooner', async (type, field) => {
    const objectType = schema.getType(type);
    if (!isObjectType(objectType)) throw new Error(`${type} is not an object type`);
    const def = objectType.getFields()[field];
    if (def === undefined) throw new Error(`${type} has no field ${field}`);
    // A small page where the field takes one, so that every selection fits the cost limit.
    const fieldSelection = `${field}${def.args.some((a) => a.name === 'first') ? '(first: 5)' : ''} ${selectionFor(def.type)}`;
    const id = SAMPLES[type] as string;

    const ahead = await gql(app, `{ node(id: "${id}") { id ... on ${type} { ${fieldSelection} } } }`);
    expect(ahead.errors).toBeUndefined();
    const other = await throughAnotherWay(type, id, fieldSelection);
    expect(other.node, `${id} reached another way`).toBeDefined();
    expect(ahead.data.node).toEqual(other.node);
    // The field's query ran alongside the lookup, not after it: one step fewer than where the
    // parent had to come first (a search, a list).
    expect(ahead.steps).toBe((other.steps ?? 0) - 1);
  });
});
