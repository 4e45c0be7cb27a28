/**
 * Light projections (src/graphql/projection.ts): a request that asks only LIGHT_FIELDS of entities
 * reads `{.id, .name, ...}` projections instead of whole nodes, and must answer exactly what the
 * whole nodes answer. Each request below is run twice: as written (light), and with `aliases` added
 * to one entity selection, which makes every query of the request read whole nodes. The answers
 * must be equal once `aliases` is dropped, and the reads must have been light and whole as claimed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryName } from '../../src/db/query-names.js';
import { createApp, type App } from '../../src/graphql/app.js';
import { LIGHT_FIELDS } from '../../src/graphql/projection.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { recordingReads, type RecordedRead } from '../support/reads.js';
import { gql } from './api-client.js';

let t: TestDb;
let app: App;
/** Every read the app made (recordingReads). */
let recorded: RecordedRead[];
/** Splices the reads recorded so far: each query's name and whether it was light and names-only. */
function takeReads(): { name: QueryName; light: boolean; names: boolean }[] {
  return recorded.splice(0).map((r) => ({ name: r.name, ...r.readParams }));
}

beforeAll(async () => {
  t = await openSeededTestDb();
  const { db, reads } = recordingReads(t.db);
  recorded = reads;
  app = createApp({ db });
});
afterAll(async () => t?.close());

/** Every light field each entity type has (through Entity, so it fits any entity selection). */
const ALL_LIGHT = `__typename id kind name ... on Entity {
  ... on Summit { date } ... on Country { isoCode } ... on Place { placeType }
  ... on Organization { orgType } ... on Talks { startYear endYear } }`;

/** Requests with `%W` in one entity selection: nothing (light), or `aliases` (whole nodes). */
const REQUESTS: [label: string, query: string, queries: QueryName[]][] = [
  [
    'the summit list with participants and countries',
    `{ summits(first: 5) { totalCount edges { node { %W ${ALL_LIGHT} participants { ${ALL_LIGHT} } country { ${ALL_LIGHT} } } } } }`,
    ['summits.list'],
  ],
  [
    "a person's summits, people met, organizations and quotes",
    `{ entity(id: "person:kim-jong-un") { %W ${ALL_LIGHT} ... on Person {
        summits { ${ALL_LIGHT} } metWith { ${ALL_LIGHT} } affiliations { ${ALL_LIGHT} }
        quotes(first: 5) { totalCount edges { node { id text speaker { ${ALL_LIGHT} affiliations { ${ALL_LIGHT} } } } } } } } }`,
    ['people.lists', 'people.quotes'],
  ],
  [
    "an analyst's organizations and quotes",
    `{ analysts(first: 20) { edges { node { %W id name affiliations { ${ALL_LIGHT} }
        quotes(first: 3) { edges { node { speaker { ${ALL_LIGHT} affiliations { ${ALL_LIGHT} } } } } } } } } }`,
    ['people.lists', 'people.quotes'],
  ],
  [
    "a summit's participants, topics and quotes with speakers' organizations",
    `{ entity(id: "summit:2019-04-25-vladivostok") { %W ${ALL_LIGHT} ... on Summit {
        participants { ${ALL_LIGHT} } topics { ${ALL_LIGHT} }
        quotes(first: 20) { totalCount edges { node { id speaker { ${ALL_LIGHT} affiliations { ${ALL_LIGHT} } } } } } } } }`,
    ['summits.lists', 'summits.quotes'],
  ],
  [
    "a country's leaders, summits and talks",
    `{ entity(id: "country:PRK") { %W ${ALL_LIGHT} ... on Country { leaders { ${ALL_LIGHT} } summits { ${ALL_LIGHT} } talks { ${ALL_LIGHT} } } } }`,
    ['countries.lists'],
  ],
  [
    "an organization's people",
    `{ entity(id: "org:hudson-institute") { %W ${ALL_LIGHT} ... on Organization { people { ${ALL_LIGHT} } } } }`,
    ['organizations.people'],
  ],
  [
    'the quote list with speakers and their organizations',
    `{ quotes(first: 20) { totalCount edges { node { id speaker { %W ${ALL_LIGHT} affiliations { ${ALL_LIGHT} } } } } } }`,
    ['quotes.list'],
  ],
  [
    'search over every kind',
    `{ a: search(query: "Kim", first: 20) { score entity { %W ${ALL_LIGHT} } } b: search(query: "Vladivostok") { entity { ${ALL_LIGHT} } }
       c: search(query: "six party talks") { entity { ${ALL_LIGHT} } } d: search(query: "Korea") { entity { ${ALL_LIGHT} } } }`,
    ['search.entities'],
  ],
  [
    'neighborhoods of 1, 2 and 3 hops',
    `{ n1: neighborhood(id: "person:kim-jong-un") { nodes { %W ${ALL_LIGHT} } edges { from to type } truncated }
       n2: neighborhood(id: "summit:2019-04-25-vladivostok", hops: 2, limit: 40) { nodes { ${ALL_LIGHT} } edges { from to type } }
       n3: neighborhood(id: "talks:six-party-talks", hops: 3, limit: 60) { nodes { ${ALL_LIGHT} } truncated } }`,
    ['graph.neighborhood-1', 'graph.neighborhood-2', 'graph.neighborhood-3'],
  ],
  [
    'paths',
    `{ a: path(from: "person:kim-jong-un", to: "org:hudson-institute", maxHops: 6) { length steps { entity { %W ${ALL_LIGHT} } relation direction } }
       b: path(from: "place:russky-island", to: "country:USA") { steps { entity { ${ALL_LIGHT} } } } }`,
    ['graph.path-6', 'graph.path-4'],
  ],
];

/** The answer without the `aliases` fields that made it whole. */
function withoutAliases(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAliases);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'aliases').map(([k, v]) => [k, withoutAliases(v)]));
}

describe('light projections', () => {
  it.each(REQUESTS)('%s: the same answer as whole nodes', async (_label, query, queries) => {
    takeReads();
    const light = await gql(app, query.replace('%W', ''));
    const lightReads = takeReads();
    const whole = await gql(app, query.replace('%W', 'aliases'));
    const wholeReads = takeReads();

    expect(light.errors).toBeUndefined();
    expect(whole.errors).toBeUndefined();
    expect(light.data).toEqual(withoutAliases(whole.data));
    // Each query under test ran, light in the light request and whole in the other.
    for (const name of queries) {
      expect(lightReads.filter((r) => r.name === name).map((r) => r.light), `${name} light`).toContain(true);
      expect(wholeReads.filter((r) => r.name === name).map((r) => r.light), `${name} whole`).toContain(false);
    }
    expect(lightReads.every((r) => r.light && !r.names)).toBe(true);
    expect(wholeReads.every((r) => !r.light && !r.names)).toBe(true);
    // Same queries either way: light changes what comes back, never how many round trips.
    expect(lightReads.map((r) => r.name).sort()).toEqual(wholeReads.map((r) => r.name).sort());
    expect(JSON.stringify(light.data)).not.toBe('null');
  });

  // Queries whose rows mix kinds return {.id, .name} alone when the request asks no more (names).
  const NAMES = '__typename id kind name';
  const MIXED = REQUESTS.filter(([, , queries]) => queries.some((q) => /^(search|graph)\./.test(q))).map(
    ([label, query, queries]) => [label, query.replaceAll(ALL_LIGHT, NAMES), queries] as const,
  );
  it.each(MIXED)('%s, asking only ids and names: the same answer as whole nodes', async (_label, query, queries) => {
    expect(query).not.toContain('isoCode');
    takeReads();
    const names = await gql(app, query.replace('%W', ''));
    const namesReads = takeReads();
    const whole = await gql(app, query.replace('%W', 'aliases'));
    takeReads();
    expect(names.errors).toBeUndefined();
    expect(names.data).toEqual(withoutAliases(whole.data));
    expect([...new Set(namesReads.map((r) => r.name))].sort()).toEqual([...queries].sort());
    expect(namesReads.every((r) => r.light && r.names)).toBe(true);
  });

  it('is not chosen when any entity field outside LIGHT_FIELDS is asked, in any fragment', async () => {
    for (const field of ['aliases', 'description', 'wikidata', 'outcome', 'isLeader', 'isAnalyst', 'labels']) {
      expect(LIGHT_FIELDS.has(field)).toBe(false);
      takeReads();
      const res = await gql(
        app,
        `query Q { node(id: "summit:2019-04-25-vladivostok") { ...S } } fragment S on Summit { id participants { id ...P } ${field === 'outcome' ? 'outcome' : ''} }
         fragment P on Person { name ${field === 'outcome' ? '' : field} }`,
      );
      expect(res.errors, field).toBeUndefined();
      const reads = takeReads();
      expect(reads.length, field).toBeGreaterThan(0);
      expect(reads.every((r) => !r.light), field).toBe(true);
    }
  });

  it('answers the fields that need whole nodes correctly next to light-looking ones', async () => {
    const res = await gql(
      app,
      '{ node(id: "summit:2019-04-25-vladivostok") { ... on Summit { participants { id name isLeader labels } } } }',
    );
    expect(res.errors).toBeUndefined();
    const people = (res.data as { node: { participants: { id: string; isLeader: boolean; labels: string[] }[] } }).node.participants;
    const kim = people.find((p) => p.id === 'person:kim-jong-un');
    expect(kim?.isLeader).toBe(true);
    expect(kim?.labels).toContain('Leader');
  });
});
