/**
 * Batching end to end: the number of Cypher round trips of a request depends on the query's shape,
 * never on how many items its lists hold. The same nested query over 5 and over 50 generated
 * summits must report the same, small `extensions.cypherRoundTrips`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfiledPlan } from 'neo4j-driver';
import { CypherRegistry } from '../../src/db/cypher.js';
import type { QueryName } from '../../src/db/query-names.js';
import { createApp, type App } from '../../src/graphql/app.js';
import { CARRIES_PARENT } from '../../src/graphql/lookahead.js';
import { applySchema, loadSeedPaths } from '../../src/seed/load.js';
import { openTestDb, resetDatabase, SEED_DIR, type TestDb } from '../support/neo4j.js';
import { recordingReads, type RecordedRead } from '../support/reads.js';
import { gql } from './api-client.js';
import { tempDir } from '../support/tmp.js';

const COUNTRIES = ['XAA', 'XAB', 'XAC', 'XAD', 'XAE'];

/**
 * A seed folder (seed/FORMAT.md) with `n` summits, each held in its own city (LOCATED_IN one of five
 * countries) and attended by two leaders who each lead a country and each give one quote about the
 * summit in one generated article; the second leader of the first summit is also a think tank's fellow.
 */
async function generatedSeed(n: number): Promise<string> {
  const dir = await tempDir(`api-batch-${n}-`);
  const entities: Record<string, unknown>[] = COUNTRIES.map((code) => ({
    id: `country:${code}`,
    kind: 'COUNTRY',
    name: `Country ${code}`,
    isoCode: code,
  }));
  // One think tank, so that Organization fields have something to read.
  entities.push({ id: 'org:gen-think-tank', kind: 'ORGANIZATION', name: 'Gen Think Tank', orgType: 'think tank' });
  const relations: Record<string, unknown>[] = [{ type: 'AFFILIATED_WITH', from: 'person:gen-0-b', to: 'org:gen-think-tank', title: 'Fellow' }];
  const quotes: Record<string, unknown>[] = [];
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2001, 0, 1 + i)).toISOString().slice(0, 10);
    const summit = `summit:gen-${i}`;
    const place = `place:gen-city-${i}`;
    const [a, b] = [`person:gen-${i}-a`, `person:gen-${i}-b`];
    entities.push(
      { id: summit, kind: 'SUMMIT', name: `Generated summit ${i}`, date },
      { id: place, kind: 'PLACE', name: `Generated city ${i}`, placeType: 'city' },
      { id: a, kind: 'PERSON', name: `Leader ${i} A`, labels: ['Leader'] },
      { id: b, kind: 'PERSON', name: `Leader ${i} B`, labels: ['Leader'] },
    );
    relations.push(
      { type: 'HELD_IN', from: summit, to: place },
      { type: 'LOCATED_IN', from: place, to: `country:${COUNTRIES[i % COUNTRIES.length]}` },
      { type: 'ATTENDED', from: a, to: summit },
      { type: 'ATTENDED', from: b, to: summit },
      { type: 'LEADS', from: a, to: `country:${COUNTRIES[i % COUNTRIES.length]}`, title: 'President', since: '2000-01-01' },
      { type: 'LEADS', from: b, to: `country:${COUNTRIES[(i + 1) % COUNTRIES.length]}`, title: 'Prime Minister', since: '2000-01-01' },
    );
    for (const [speaker, side] of [[a, 'A'], [b, 'B']] as const) {
      const text = `Leader ${side} of summit number ${i} said the talks went well`;
      sentences.push(`${text}.`);
      quotes.push({ id: `quote:gen-${i}-${side.toLowerCase()}`, speaker, text, about: [summit] });
    }
  }
  await writeFile(join(dir, 'article.txt'), `Generated summits\n\n${sentences.join(' ')}\n`);
  const seed = {
    format: 'summit-graph/seed@1',
    article: { id: 'article:gen-batching', title: 'Generated summits', publishedAt: '2020-01-01', textFile: 'article.txt' },
    entities,
    relations,
    quotes,
  };
  await writeFile(join(dir, 'generated.json'), JSON.stringify(seed, null, 2));
  return dir;
}

/** Every summit with its place, country, participants (with the country each leads) and quotes with speakers. */
const QUERY = `query($n: Int!) {
  summits(first: $n) {
    totalCount
    edges { node {
      id name date
      place { name country { name isoCode } }
      country { name }
      participants { id name leaderOf { isoCode } roles { title country { isoCode } } }
      quotes(first: 5) { totalCount edges { node { text speaker { id name leaderOf { isoCode } } article { title } about { id } } } }
      mentions { totalCount }
    } }
  }
}`;

interface Answer {
  roundTrips: number;
  summits: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        date: string;
        place: { country: { isoCode: string } };
        country: { name: string };
        participants: { id: string; leaderOf: { isoCode: string }; roles: unknown[] }[];
        quotes: { totalCount: number; edges: { node: { speaker: { id: string; leaderOf: { isoCode: string } }; article: { title: string }; about: { id: string }[] } }[] };
        mentions: { totalCount: number };
      };
    }[];
  };
}

let t: TestDb;

beforeAll(async () => {
  t = openTestDb();
  await applySchema(t.db);
});
afterAll(async () => t?.close());

/** An app over a fresh graph of `n` generated summits, and every read it makes (recordingReads). */
async function recordingAppOn(n: number): Promise<{ app: App; recorded: RecordedRead[] }> {
  await resetDatabase(t.db);
  await loadSeedPaths(t.db, [await generatedSeed(n)]);
  const { db, reads } = recordingReads(t.db);
  return { app: createApp({ db }), recorded: reads };
}

/** Loads `n` generated summits into an empty graph and runs QUERY over all of them. */
async function answerFor(n: number): Promise<Answer> {
  await resetDatabase(t.db);
  await loadSeedPaths(t.db, [await generatedSeed(n)]);
  const res = await gql<{ summits: Answer['summits'] }>(createApp({ db: t.db }), QUERY, { n });
  expect(res.errors).toBeUndefined();
  expect(typeof res.roundTrips).toBe('number');
  return { roundTrips: res.roundTrips!, summits: res.data!.summits };
}

function expectComplete(answer: Answer, n: number): void {
  expect(answer.summits.totalCount).toBe(n);
  expect(answer.summits.edges).toHaveLength(n);
  for (const { node } of answer.summits.edges) {
    expect(node.participants).toHaveLength(2);
    for (const p of node.participants) expect(COUNTRIES).toContain(p.leaderOf.isoCode);
    expect(node.country.name).toBe(`Country ${node.place.country.isoCode}`);
    expect(node.quotes.totalCount).toBe(2);
    const speakers = node.quotes.edges.map((e) => e.node.speaker.id).sort();
    expect(speakers).toEqual(node.participants.map((p) => p.id).sort());
    for (const e of node.quotes.edges) {
      expect(e.node.article.title).toBe('Generated summits');
      expect(e.node.about).toEqual([{ id: node.id }]);
    }
    expect(node.mentions.totalCount).toBe(1);
  }
}

describe('round trips', () => {
  it('stay the same small number for 5 and for 50 summits', async () => {
    const five = await answerFor(5);
    expectComplete(five, 5);
    const fifty = await answerFor(50);
    expectComplete(fifty, 50);

    // At most one query per field with its own data: summits, place, place.country, country,
    // participants, leaderOf, roles, quotes, quote.about, mentions, quote.article. (Today 8: the
    // summit list brings participants and country, the quotes query brings speakers and articles,
    // and the speakers' leaderOf shares the participants' loads.) Each count must come from the
    // query's shape alone: a loader primed by whichever other query happens to answer first made
    // this 8 or 9 from run to run, so both sizes are asked twice.
    expect(fifty.roundTrips).toBe(five.roundTrips);
    for (const n of [5, 50]) expect((await answerFor(n)).roundTrips).toBe(five.roundTrips);
    expect(fifty.roundTrips).toBeLessThanOrEqual(11);
  });
});

describe('look-ahead for node(id:) and entity(id:)', () => {
  // The id's prefix names the type, so the fields asked of it start alongside the lookup.
  const PERSON = `query($id: ID!) { node(id: $id) { id ... on Person { name summits { id } metWith { id } } } }`;

  it('runs the lookup and the fields of the type the id names in one step, with the same answers', async () => {
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [await generatedSeed(5)]);
    const app = createApp({ db: t.db });
    const res = await gql(app, PERSON, { id: 'person:gen-0-a' });
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toEqual({ id: 'person:gen-0-a', name: 'Leader 0 A', summits: [{ id: 'summit:gen-0' }], metWith: [{ id: 'person:gen-0-b' }] });
    // summits and metWith are one query (people.lists), which brings the person back: no lookup of its own.
    expect(res.roundTrips).toBe(1);
    expect(res.steps).toBe(1);

    // Through a named fragment on an interface the type implements, with arguments from variables.
    const summit = await gql(
      app,
      `query($id: ID!, $n: Int!) { entity(id: $id) { ...F } } fragment F on Entity { id ... on Summit { quotes(first: $n) { totalCount edges { node { id } } } participants { id } } }`,
      { id: 'summit:gen-1', n: 1 },
    );
    expect(summit.errors).toBeUndefined();
    expect(summit.data.entity.quotes.totalCount).toBe(2);
    expect(summit.data.entity.quotes.edges).toHaveLength(1);
    expect(summit.data.entity.participants).toHaveLength(2);
    expect(summit.steps).toBe(1);
    expect(summit.roundTrips).toBe(2);

    // Fields of other types are not fetched, and @skip is honoured.
    const skipped = await gql(app, `query($id: ID!) { node(id: $id) { id ... on Summit { quotes { totalCount } } ... on Person { summits @skip(if: true) { id } } } }`, { id: 'person:gen-0-a' });
    expect(skipped.errors).toBeUndefined();
    expect(skipped.roundTrips).toBe(1);

    // An id that names no node: null, no error. Nothing came back with the fields, so the lookup
    // ran after them (a second step).
    const missing = await gql(app, PERSON, { id: 'person:nobody' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.node).toBeNull();
    expect(missing.roundTrips).toBe(2);

    // Fields that do not bring the node back: the lookup runs alongside them, as before.
    const roles = await gql(app, `query($id: ID!) { node(id: $id) { ... on Person { name roles { title } } } }`, { id: 'person:gen-0-a' });
    expect(roles.errors).toBeUndefined();
    expect(roles.data.node).toEqual({ name: 'Leader 0 A', roles: [{ title: 'President' }] });
    expect(roles.roundTrips).toBe(2);
    expect(roles.steps).toBe(1);

    // The same node twice (aliases), each with a field that brings it back: both fields share one query.
    const twice = await gql(
      app,
      `query($id: ID!) { a: node(id: $id) { ... on Person { name summits { id } } } b: entity(id: $id) { name ... on Person { metWith { id } } } }`,
      { id: 'person:gen-0-a' },
    );
    expect(twice.errors).toBeUndefined();
    expect(twice.data).toEqual({ a: { name: 'Leader 0 A', summits: [{ id: 'summit:gen-0' }] }, b: { name: 'Leader 0 A', metWith: [{ id: 'person:gen-0-b' }] } });
    expect(twice.roundTrips).toBe(1);
  });

  it("reads a person's list fields together: one query for all of them, each column only where asked", async () => {
    const { app, recorded } = await recordingAppOn(3);
    const fields = ['summits', 'metWith', 'affiliations'] as const;
    const list = (sel: string) => `{ leaders(first: 10) { edges { node { id ${sel} } } } }`;

    // Each field alone, then all three: the same answers, and one people.lists query each time.
    let alone: Record<string, unknown>[] = [];
    for (const field of fields) {
      recorded.splice(0);
      const res = await gql(app, list(`${field} { id name }`));
      expect(res.errors, field).toBeUndefined();
      const reads = recorded.filter((r) => r.name === 'people.lists');
      expect(reads, field).toHaveLength(1);
      // Only the asked column is asked, for every person of the page.
      const want = reads[0]!.params.want as Record<string, string[]>;
      for (const other of fields) expect(want[other], `${field}: ${other}`).toHaveLength(other === field ? 6 : 0);
      alone = res.data.leaders.edges.map((e: any, i: number) => ({ ...alone[i], ...e.node }));
    }
    recorded.splice(0);
    const all = await gql(app, list(fields.map((f) => `${f} { id name }`).join(' ')));
    expect(all.errors).toBeUndefined();
    expect(all.roundTrips).toBe(2);
    expect(recorded.map((r) => r.name).sort()).toEqual(['people.leaders', 'people.lists']);
    expect(all.data.leaders.edges.map((e: any) => e.node)).toEqual(alone);
    const b0 = all.data.leaders.edges.find((e: any) => e.node.id === 'person:gen-0-b').node;
    expect(b0).toEqual({
      id: 'person:gen-0-b',
      summits: [{ id: 'summit:gen-0', name: 'Generated summit 0' }],
      metWith: [{ id: 'person:gen-0-a', name: 'Leader 0 A' }],
      affiliations: [{ id: 'org:gen-think-tank', name: 'Gen Think Tank' }],
    });
  });

  // The fused list queries guard each column with `id IN $want.<column>`; Neo4j must test that
  // before expanding anything, or an unasked column would cost what an asked one does.
  // A parent with something in every column: from the generated graph, or from the seed (topics, talks).
  const fused: [QueryName, string, string[], 'generated' | 'seed'][] = [
    ['people.lists', 'person:gen-0-b', ['affiliations', 'summits', 'metWith'], 'generated'],
    ['summits.lists', 'summit:2019-04-25-vladivostok', ['participants', 'topics'], 'seed'],
    ['countries.lists', 'country:PRK', ['leaders', 'summits', 'talks'], 'seed'],
  ];
  it.each(fused)('%s reads nothing for the columns nobody asked', async (name, id, columns, graph) => {
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [graph === 'seed' ? SEED_DIR : await generatedSeed(3)]);
    const dbHits = async (asked: string[]): Promise<{ hits: number; row: Record<string, unknown> }> => {
      const want = Object.fromEntries(columns.map((c) => [c, asked.includes(c) ? [id] : []]));
      const res = await t.driver.executeQuery(`PROFILE ${new CypherRegistry().get(name)}`, { ids: [id], carry: [], light: true, want });
      const total = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, c) => sum + total(c), 0);
      return { hits: total(res.summary.profile as ProfiledPlan), row: res.records[0]!.toObject() };
    };
    const none = await dbHits([]);
    for (const c of columns) expect(none.row[c], c).toEqual([]);
    for (const c of columns) {
      const one = await dbHits([c]);
      // Each column has something in the generated graph, and costs reads only when asked.
      expect((one.row[c] as unknown[]).length, c).toBeGreaterThan(0);
      expect(one.hits, c).toBeGreaterThan(none.hits);
      for (const other of columns) if (other !== c) expect(one.row[other], `${c}: ${other}`).toEqual([]);
    }
    // The unasked columns add nothing: the seek of the parent and the guard only.
    expect(none.hits).toBeLessThanOrEqual(2);
  });

  it("brings the speakers' organizations with the quotes when the selection asks for them", async () => {
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [await generatedSeed(2)]);
    const app = createApp({ db: t.db });
    const speakers = `edges { node { id speaker { id affiliations { id name } } } }`;
    const think = [{ id: 'org:gen-think-tank', name: 'Gen Think Tank' }];
    const expected = [
      { id: 'quote:gen-0-a', speaker: { id: 'person:gen-0-a', affiliations: [] } },
      { id: 'quote:gen-0-b', speaker: { id: 'person:gen-0-b', affiliations: think } },
    ];
    const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

    // A summit's quotes (through node(id:)): one query for the summit, its quotes, speakers, organizations.
    const summit = await gql(app, `query($id: ID!) { node(id: $id) { id ... on Summit { quotes { ${speakers} } } } }`, { id: 'summit:gen-0' });
    expect(summit.errors).toBeUndefined();
    expect(summit.data.node.quotes.edges.map((e: any) => e.node).sort(byId)).toEqual(expected);
    expect(summit.roundTrips).toBe(1);

    // The top-level list and a person's quotes, likewise.
    const list = await gql(app, `query($about: ID!) { quotes(about: $about) { ${speakers} } }`, { about: 'summit:gen-0' });
    expect(list.errors).toBeUndefined();
    expect(list.data.quotes.edges.map((e: any) => e.node).sort(byId)).toEqual(expected);
    expect(list.roundTrips).toBe(1);
    const own = await gql(app, `query($id: ID!) { node(id: $id) { ... on Person { quotes { ${speakers} } } } }`, { id: 'person:gen-0-b' });
    expect(own.errors).toBeUndefined();
    expect(own.data.node.quotes.edges.map((e: any) => e.node)).toEqual([expected[1]]);
    expect(own.roundTrips).toBe(1);

    // The same field twice in the selection (merged by GraphQL), once with affiliations: one query.
    const merged = await gql(
      app,
      `query($id: ID!) { node(id: $id) { ... on Summit { quotes { totalCount } } ... on Summit { quotes { ${speakers} } } } }`,
      { id: 'summit:gen-0' },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.node.quotes.totalCount).toBe(2);
    expect(merged.data.node.quotes.edges.map((e: any) => e.node).sort(byId)).toEqual(expected);
    expect(merged.roundTrips).toBe(1);

    // Without affiliations in the selection, nothing more is brought, and the answer is the same as
    // asking the speaker's affiliations on their own (same organizations, same order).
    const plain = await gql(app, `query($id: ID!) { node(id: $id) { ... on Person { affiliations { id name } } } }`, { id: 'person:gen-0-b' });
    expect(plain.data.node.affiliations).toEqual(think);
    expect(plain.roundTrips).toBe(1);

    // The same person's affiliations asked elsewhere in the request run their own query, every
    // time: what a quote query brought serves that quote's speaker only, so the count never depends
    // on which query answered first.
    for (let i = 0; i < 5; i++) {
      const both = await gql(
        app,
        `query { s: node(id: "summit:gen-0") { ... on Summit { quotes { ${speakers} } } } p: node(id: "person:gen-0-b") { ... on Person { affiliations { id } } } }`,
      );
      expect(both.errors).toBeUndefined();
      expect(both.data.p.affiliations).toEqual([{ id: 'org:gen-think-tank' }]);
      expect(both.roundTrips).toBe(2);
    }
  });

  it("brings each quote's article with a quote list when the selection asks for it, and only then", async () => {
    const { app, recorded } = await recordingAppOn(3);
    const takeReads = () => recorded.splice(0).map((r) => ({ name: r.name, article: r.params.article }));
    const lists = {
      'summits.quotes': (sel: string) => `{ node(id: "summit:gen-1") { ... on Summit { quotes { edges { node { id ${sel} } } } } } }`,
      'people.quotes': (sel: string) => `{ node(id: "person:gen-1-a") { ... on Person { quotes { edges { node { id ${sel} } } } } } }`,
      'quotes.list': (sel: string) => `{ quotes(about: "summit:gen-1") { edges { node { id ${sel} } } } }`,
    };
    for (const [name, query] of Object.entries(lists)) {
      takeReads();
      const without = await gql(app, query('speaker { id }'));
      expect(without.errors, name).toBeUndefined();
      expect(takeReads(), name).toEqual([{ name, article: false }]);

      const withArticle = await gql(app, query('article { id title publishedAt }'));
      expect(withArticle.errors, name).toBeUndefined();
      expect(takeReads(), name).toEqual([{ name, article: true }]);
      expect(withArticle.roundTrips, name).toBe(1);
      const quotes = JSON.stringify(withArticle.data).match(/"article":\{[^}]*\}/g) ?? [];
      expect(quotes.length, name).toBeGreaterThan(0);
      for (const q of quotes) expect(q, name).toMatch(/"id":"article:gen-batching","title":"Generated summits","publishedAt":"2020-01-01"/);
    }
  });

  // Every field listed as bringing its parent back must: node(id:) asking only that field is one
  // query, and the node's own fields are right. An id of each type from the generated graph.
  const ids: Record<string, string> = {
    Person: 'person:gen-0-a',
    Summit: 'summit:gen-0',
    Country: 'country:XAA',
    Organization: 'org:gen-think-tank',
  };
  const carriers = Object.entries(CARRIES_PARENT).flatMap(([type, fields]) => fields.map((field) => [type, field] as const));
  it.each(carriers)('%s.%s brings its parent back: node(id:) with it is one query', async (type, field) => {
    await resetDatabase(t.db);
    await loadSeedPaths(t.db, [await generatedSeed(2)]);
    const id = ids[type];
    expect(id).toBeDefined();
    const schema = createApp({ db: t.db });
    const connection = field === 'quotes';
    const selection = connection ? `${field}(first: 1) { totalCount }` : `${field} { __typename }`;
    const res = await gql(schema, `query($id: ID!) { node(id: $id) { id ... on Entity { name } ... on ${type} { ${selection} } } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.node.id).toBe(id);
    expect(typeof res.data.node.name).toBe('string');
    expect(res.data.node[field]).toBeDefined();
    expect(res.roundTrips).toBe(1);
  });
});
