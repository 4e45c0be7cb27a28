/**
 * Names where users type names (issue 24, item 4) and the reference summits' own fields (item 1),
 * against a graph loaded from seed/ as `npm start` loads it. Expectations come from the seed files
 * (test/support/seed-facts.ts), never from hard-coded counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import type { SeedEntity } from '../../src/seed/model.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { seedFacts, type SeedFacts } from '../support/seed-facts.js';
import { codes, gql, ok } from './api-client.js';

let t: TestDb;
let app: App;
let facts: SeedFacts;

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
  facts = await seedFacts();
});
afterAll(async () => t?.close());

/** Every entity of the seed files, by id (the fields of all its definitions: a summit can be in an article file and a reference file). */
function seedEntities(): Map<string, SeedEntity> {
  const out = new Map<string, SeedEntity>();
  for (const d of facts.docs) for (const e of d.entities ?? []) out.set(e.id, { ...out.get(e.id), ...e });
  return out;
}

const summitIds = (data: { summits: { edges: { node: { id: string } }[] } }): string[] => data.summits.edges.map((e) => e.node.id).sort();

describe('an entity argument takes an id or a name', () => {
  it('summits(where: {participant: "Vladimir Putin"}) lists every reference summit Putin attended (done-when check)', async () => {
    const expected = facts.attendedBy('person:vladimir-putin');
    expect(expected.length).toBeGreaterThan(15);
    const byName = await ok(app, `{ summits(where: {participant: "Vladimir Putin"}, first: 100) { totalCount edges { node { id } } } }`);
    expect(byName.summits.totalCount).toBe(expected.length);
    expect(summitIds(byName)).toEqual(expected);
    // Case and spacing do not matter; an alias is a name too.
    const loose = await ok(app, `{ summits(where: {participant: "  vladimir   PUTIN "}, first: 100) { totalCount } }`);
    expect(loose.summits.totalCount).toBe(expected.length);
  });

  it('resolves one match: a name that only one entity of the kind has, by name, alias or word', async () => {
    const entities = seedEntities();
    const hudson = entities.get('org:hudson-institute');
    expect(hudson?.name).toBe('Hudson Institute');
    const quotes = await ok(app, `{ byName: quotes(speaker: "Patrick Cronin", first: 50) { totalCount edges { node { id } } } byId: quotes(speaker: "person:patrick-cronin", first: 50) { totalCount edges { node { id } } } }`);
    const cronin = facts.docs.flatMap((d) => d.quotes ?? []).filter((q) => q.speaker === 'person:patrick-cronin');
    expect(cronin.length).toBeGreaterThan(0);
    expect(quotes.byName.totalCount).toBe(cronin.length);
    expect(quotes.byName).toEqual(quotes.byId);
    const korea = await ok(app, `{ byName: summits(where: {country: "North Korea"}, first: 100) { totalCount } byId: summits(where: {country: "country:PRK"}, first: 100) { totalCount } }`);
    expect(korea.byName.totalCount).toBe(facts.heldIn('country:PRK').length);
    expect(korea.byName).toEqual(korea.byId);
    const timeline = await ok(app, `{ timeline(id: "Hudson Institute", first: 5) { kind } neighborhood(id: "Hudson Institute") { nodes { id } } }`);
    expect(timeline.neighborhood.nodes[0].id).toBe('org:hudson-institute');
  });

  it('an ambiguous name is AMBIGUOUS_NAME with every candidate in extensions', async () => {
    // Every person of the seed whose name has the word "Lee": a name they all share.
    const lees = [...seedEntities().values()].filter((e) => e.kind === 'PERSON' && e.name.split(/[\s-]+/).includes('Lee'));
    expect(lees.length).toBeGreaterThan(1);
    const res = await gql(app, `{ summits(where: {participant: "Lee"}) { totalCount } }`);
    expect(codes(res)).toEqual(['AMBIGUOUS_NAME']);
    const ext = res.errors?.[0]?.extensions as { argument: string; name: string; candidates: { id: string; name: string; kind: string }[] };
    expect(ext.argument).toBe('where.participant');
    expect(ext.name).toBe('Lee');
    expect(ext.candidates.map((c) => c.id).sort()).toEqual(lees.map((e) => e.id).sort());
    for (const c of ext.candidates) expect(c.kind).toBe('PERSON');
    expect(res.errors?.[0]?.message).toMatch(/"Lee" names \d+ of person: .*give an id or a fuller name/);
  });

  it('a name without a match is NOT_FOUND naming the argument; the kind restricts the match', async () => {
    const none = await gql(app, `{ path(from: "Kim Jong Un", to: "Nobody Whatsoever Zzyzx") { length } }`);
    expect(codes(none)).toEqual(['NOT_FOUND']);
    expect(none.errors?.[0]?.extensions).toMatchObject({ argument: 'to', name: 'Nobody Whatsoever Zzyzx' });
    // Hudson Institute is an organization: no person has that name.
    const wrongKind = await gql(app, `{ summits(where: {participant: "Hudson Institute"}) { totalCount } }`);
    expect(codes(wrongKind)).toEqual(['NOT_FOUND']);
    // Text without a word is a mistake, not a search.
    const bad = await gql(app, `{ quotes(speaker: "!!!") { totalCount } }`);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the reference fields of a summit', () => {
  it('answers series, endDate, hostCountry and source as the seed files state them', async () => {
    const entities = seedEntities();
    const partOf = new Map(facts.docs.flatMap((d) => d.relations ?? []).filter((r) => r.type === 'PART_OF' && r.from.startsWith('summit:')).map((r) => [r.from, r.to]));
    const data = await ok(app, `{ summits(first: 100) { edges { node { id endDate source hostCountry { id } series { id } } } } }`);
    const nodes = data.summits.edges.map((e: { node: unknown }) => e.node) as { id: string; endDate: string | null; source: string | null; hostCountry: { id: string } | null; series: { id: string } | null }[];
    expect(nodes.length).toBe(Math.min(100, facts.summits().length));
    let multiDay = 0;
    let inSeries = 0;
    for (const n of nodes) {
      const e = entities.get(n.id) as SeedEntity & { endDate?: unknown; source?: unknown; hostCountry?: unknown };
      expect(e, n.id).toBeDefined();
      expect(n.endDate, n.id).toBe(e.endDate === undefined ? null : String(e.endDate));
      expect(n.source, n.id).toBe(e.source ?? null);
      expect(n.hostCountry?.id ?? null, n.id).toBe(e.hostCountry ?? null);
      expect(n.series?.id ?? null, n.id).toBe(partOf.get(n.id) ?? null);
      if (n.endDate !== null) multiDay++;
      if (n.series !== null) inSeries++;
    }
    expect(multiDay).toBeGreaterThan(0);
    expect(inSeries).toBeGreaterThan(0);
  });
});
