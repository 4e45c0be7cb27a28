/**
 * The contract's queries answering the seed article's facts (seed/), as an analyst would ask them
 * through HTTP. Every response must also report its Cypher round trips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { seedFacts, type SeedFacts } from '../support/seed-facts.js';
import { gql, ok } from './api-client.js';

const SUMMIT = 'summit:2019-04-25-vladivostok';
const ARTICLE = 'article:15fc837faf60e174';

let t: TestDb;
let app: App;
/** seed/ holds the reference summits (seed/summits/) besides the article: lists and counts over all summits are derived from the files. */
let facts: SeedFacts;

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
  facts = await seedFacts();
});
afterAll(async () => t?.close());

describe('the GraphiQL default query', () => {
  it('answers with the Vladivostok summit, its place, participants with their countries, and quotes with speakers', async () => {
    const { DEFAULT_GRAPHIQL_QUERY } = await import('../../src/graphql/app.js');
    const res = await gql(app, DEFAULT_GRAPHIQL_QUERY);
    expect(res.errors).toBeUndefined();
    const s = res.data.node;
    expect(s.name).toMatch(/Kim Jong Un.*Vladimir Putin/);
    expect(s.date).toBe('2019-04-25');
    expect(s.place).toEqual({ name: 'Russky Island', country: { name: 'Russia' } });
    expect(s.country).toEqual({ name: 'Russia', isoCode: 'RUS' });
    expect(s.participants).toEqual([
      { name: 'Kim Jong Un', leaderOf: { name: 'North Korea', isoCode: 'PRK' } },
      { name: 'Vladimir Putin', leaderOf: { name: 'Russia', isoCode: 'RUS' } },
    ]);
    expect(s.quotes.totalCount).toBeGreaterThanOrEqual(10);
    expect(s.quotes.edges[0].node.speaker.name).toBe('Vladimir Putin');
    expect(res.roundTrips).toBeGreaterThan(0);
  });
});

describe('summits', () => {
  it('lists the Vladivostok summit with its two participants, country, place and topics', async () => {
    const data = await ok(
      app,
      `{ summits(where: {participant: "person:kim-jong-un", from: "2019-04-25", to: "2019-04-25"}) { totalCount edges { node {
          id date outcome participants { id } country { id } place { id within { id } country { id } }
          topics { id } articles { id publishedAt } } } } }`,
    );
    expect(data.summits.totalCount).toBe(1);
    const s = data.summits.edges[0].node;
    expect(s.id).toBe(SUMMIT);
    expect(s.participants.map((p: { id: string }) => p.id)).toEqual(['person:kim-jong-un', 'person:vladimir-putin']);
    expect(s.country).toEqual({ id: 'country:RUS' });
    expect(s.place).toEqual({ id: 'place:russky-island', within: { id: 'place:vladivostok' }, country: { id: 'country:RUS' } });
    expect(s.topics.map((x: { id: string }) => x.id)).toEqual(['topic:denuclearization', 'topic:security-guarantees']);
    expect(s.articles).toEqual([{ id: ARTICLE, publishedAt: '2019-04-25' }]);
    expect(s.outcome).toMatch(/breakthrough/i);
  });

  it('filters by country and date range', async () => {
    const q = `query($w: SummitWhere) { summits(where: $w) { totalCount } }`;
    const count = async (w: Record<string, unknown>) => (await ok(app, q, { w })).summits.totalCount;
    const day = { from: '2019-04-25', to: '2019-04-25' };
    expect(await count({ country: 'country:RUS', ...day })).toBe(1);
    expect(await count({ country: 'country:PRK', ...day })).toBe(0); // held in Russia, not North Korea
    expect(await count(day)).toBe(1);
    expect(await count({ country: 'country:RUS' })).toBe(facts.heldIn('country:RUS').length);
    expect(await count({ from: '2019-04-26' })).toBe(facts.datedFrom('2019-04-26').length);
    expect(await count({ participant: 'person:david-maxwell' })).toBe(0);
  });
});

describe('talks', () => {
  it('has the six members of the six-party talks, North Korea leaving in 2009', async () => {
    const data = await ok(app, `{ node(id: "talks:six-party-talks") { ... on Talks {
      name startYear endYear members { country { id } joined left } } } }`);
    const t6 = data.node;
    expect(t6.startYear).toBe(2003);
    expect(t6.endYear).toBe(2009);
    const members = Object.fromEntries(t6.members.map((m: { country: { id: string }; joined: number; left: number | null }) => [m.country.id, m]));
    expect(Object.keys(members).sort()).toEqual(['country:CHN', 'country:JPN', 'country:KOR', 'country:PRK', 'country:RUS', 'country:USA']);
    expect(members['country:PRK']).toMatchObject({ joined: 2003, left: 2009 });
    for (const id of ['country:CHN', 'country:JPN', 'country:KOR', 'country:RUS', 'country:USA']) {
      expect(members[id].left).toBeNull();
    }
  });
});

describe('people', () => {
  const AFFILIATIONS: Record<string, string> = {
    'person:david-maxwell': 'org:foundation-for-defense-of-democracies',
    'person:mark-fitzpatrick': 'org:nuclear-security-working-group',
    'person:kyle-ferrier': 'org:korea-economic-institute',
    'person:katie-stallard-blanchette': 'org:wilson-center',
    'person:patrick-cronin': 'org:hudson-institute',
  };

  it("gives each analyst's organization", async () => {
    const data = await ok(app, `{ analysts(first: 100) { totalCount edges { node {
      id isAnalyst isLeader affiliations { id } roles { title organization { id } country { id } } } } } }`);
    const byId = Object.fromEntries(data.analysts.edges.map((e: { node: { id: string } }) => [e.node.id, e.node]));
    for (const [person, org] of Object.entries(AFFILIATIONS)) {
      expect(byId[person], person).toBeDefined();
      expect(byId[person].isAnalyst).toBe(true);
      expect(byId[person].affiliations.map((o: { id: string }) => o.id)).toContain(org);
      expect(byId[person].roles.some((r: { organization: { id: string } | null }) => r.organization?.id === org)).toBe(true);
    }
    expect(byId['person:patrick-cronin'].roles[0].title).toBe('Asia-Pacific security chair');
  });

  it('has William Hagerty as the US ambassador to Japan (an official, not an analyst)', async () => {
    const data = await ok(app, `{ node(id: "person:william-hagerty") { ... on Person {
      name labels isAnalyst roles { title organization { id country { id } } } } } }`);
    expect(data.node.labels).toEqual(['Official']);
    expect(data.node.roles).toContainEqual({
      title: 'U.S. ambassador to Japan',
      organization: { id: 'org:us-state-department', country: { id: 'country:USA' } },
    });
  });

  it("answers Kim Jong Un's role, country, summits and the people he met, each once", async () => {
    const data = await ok(app, `{ entity(id: "person:kim-jong-un") { id kind name ... on Person {
      isLeader isAnalyst leaderOf { id } summits { id } metWith { id }
      roles { title country { id } since until } } } }`);
    const kim = data.entity;
    expect(kim).toMatchObject({ kind: 'PERSON', name: 'Kim Jong Un', isLeader: true, isAnalyst: false, leaderOf: { id: 'country:PRK' } });
    expect(kim.summits.map((s: { id: string }) => s.id)).toEqual(facts.attendedBy('person:kim-jong-un'));
    expect(kim.summits).toContainEqual({ id: SUMMIT });
    const met = kim.metWith.map((p: { id: string }) => p.id);
    expect(new Set(met).size).toBe(met.length);
    expect(met).not.toContain('person:kim-jong-un');
    for (const id of ['person:vladimir-putin', 'person:moon-jae-in', 'person:xi-jinping', 'person:donald-trump']) {
      expect(met).toContain(id);
    }
    expect(kim.roles).toContainEqual({ title: 'Supreme Leader', country: { id: 'country:PRK' }, since: '2011-12-17', until: null });
  });

  it('filters leaders by name and by affiliation', async () => {
    const q = `query($w: PersonWhere) { leaders(first: 100, where: $w) { totalCount edges { node { id } } } }`;
    const ids = async (w: Record<string, unknown>) =>
      (await ok(app, q, { w })).leaders.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids({ name: 'PUTIN' })).toEqual(['person:vladimir-putin']);
    expect(await ids({ affiliation: 'country:PRK' })).toContain('person:kim-jong-un');
    expect(await ids({ affiliation: 'country:PRK', name: 'jong un' })).toEqual(['person:kim-jong-un']);
    expect(await ids({ name: 'no such person' })).toEqual([]);
  });

  it('filters analysts by organization and by part of a name', async () => {
    const q = `query($w: PersonWhere) { analysts(where: $w) { edges { node { id } } } }`;
    const ids = async (w: Record<string, unknown>) =>
      (await ok(app, q, { w })).analysts.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids({ affiliation: 'org:hudson-institute' })).toEqual(['person:patrick-cronin']);
    expect(await ids({ name: 'stallard' })).toEqual(['person:katie-stallard-blanchette']);
  });
});

describe('countries and organizations', () => {
  it('derives a country’s leaders, summits and talks', async () => {
    const data = await ok(app, `{ prk: node(id: "country:PRK") { ... on Country { isoCode leaders { id } summits { id } talks { id } } }
      rus: node(id: "country:RUS") { ... on Country { summits { id } } } }`);
    expect(data.prk.isoCode).toBe('PRK');
    expect(data.prk.leaders.map((p: { id: string }) => p.id)).toContain('person:kim-jong-un');
    // Held there, or attended by one of its leaders in office (the Vladivostok summit: by Kim Jong Un).
    expect(data.prk.summits.map((s: { id: string }) => s.id)).toEqual(facts.countrySummits('country:PRK'));
    expect(data.prk.summits).toContainEqual({ id: SUMMIT });
    expect(data.prk.talks).toEqual([{ id: 'talks:six-party-talks' }]);
    expect(data.rus.summits.map((s: { id: string }) => s.id)).toEqual(facts.countrySummits('country:RUS'));
    expect(data.rus.summits).toContainEqual({ id: SUMMIT }); // held there
  });

  it('places an organization in its country and lists its people', async () => {
    const data = await ok(app, `{ node(id: "org:hudson-institute") { ... on Organization { orgType country { id } people { id } } } }`);
    expect(data.node).toEqual({ orgType: 'think tank', country: { id: 'country:USA' }, people: [{ id: 'person:patrick-cronin' }] });
  });
});

describe('relations and provenance', () => {
  it('lists one-hop relations with direction, dates, sources and evidence', async () => {
    const data = await ok(app, `{ kim: entity(id: "person:kim-jong-un") { related { type direction entity { id } since until
        sources { id } evidence { articleId sentence start end method confidence text sentenceText } } }
      prk: entity(id: "country:PRK") { related { type direction entity { id } since until } } }`);
    const attended = data.kim.related.find((r: { type: string; entity: { id: string } }) => r.type === 'ATTENDED' && r.entity.id === SUMMIT);
    expect(attended).toMatchObject({ direction: 'OUT', entity: { id: SUMMIT }, sources: [{ id: ARTICLE }] });
    const ev = attended.evidence[0];
    expect(ev).toMatchObject({ articleId: ARTICLE, method: 'seed', confidence: 1 });
    expect(ev.text).toContain('held a summit');
    expect(ev.sentenceText).toContain(ev.text);
    const member = data.prk.related.find((r: { type: string }) => r.type === 'MEMBER_OF');
    expect(member).toEqual({ type: 'MEMBER_OF', direction: 'OUT', entity: { id: 'talks:six-party-talks' }, since: '2003-01-01', until: '2009-01-01' });
    const led = data.prk.related.filter((r: { type: string }) => r.type === 'LEADS');
    expect(led.every((r: { direction: string }) => r.direction === 'IN')).toBe(true);
  });

  it('caps related at first', async () => {
    const data = await ok(app, `{ entity(id: "country:USA") { related(first: 2) { type } } }`);
    expect(data.entity.related).toHaveLength(2);
  });
});

describe('quotes and articles', () => {
  it('finds quotes by speaker and by subject, with their article and subjects', async () => {
    const data = await ok(app, `{
      putin: quotes(speaker: "person:vladimir-putin") { totalCount edges { node { speaker { id } article { id } sentence } } }
      sanctions: quotes(about: "topic:sanctions", first: 100) { totalCount edges { node { speaker { id } about { id } } } }
      both: quotes(speaker: "person:patrick-cronin", about: "topic:sanctions") { totalCount } }`);
    expect(data.putin.totalCount).toBe(2);
    for (const e of data.putin.edges) {
      expect(e.node).toMatchObject({ speaker: { id: 'person:vladimir-putin' }, article: { id: ARTICLE } });
      expect(typeof e.node.sentence).toBe('number');
    }
    const speakers = data.sanctions.edges.map((e: { node: { speaker: { id: string } } }) => e.node.speaker.id);
    expect(speakers).toContain('person:william-hagerty');
    expect(speakers).toContain('person:patrick-cronin');
    for (const e of data.sanctions.edges) expect(e.node.about.map((a: { id: string }) => a.id)).toContain('topic:sanctions');
    expect(data.both.totalCount).toBe(1);
  });

  it("filters a person's quotes by subject", async () => {
    const data = await ok(app, `{ node(id: "person:william-hagerty") { ... on Person {
      all: quotes { totalCount } un: quotes(about: "org:un-security-council") { totalCount edges { node { text } } } } } }`);
    expect(data.node.all.totalCount).toBe(2);
    expect(data.node.un.totalCount).toBe(1);
    expect(data.node.un.edges[0].node.text).toContain('UNSC');
  });

  it('searches article titles and describes the article', async () => {
    const data = await ok(app, `{
      hit: articles(search: "Vladivostok summit") { totalCount edges { node { id title publishedAt url
        outlet { id } authors { id } entities { id } quotes { id } sentences } } }
      prefix: articles(search: "breakth") { totalCount }
      none: articles(search: "zzzunknownword") { totalCount edges { cursor } }
      all: articles { totalCount } }`);
    expect(data.hit.totalCount).toBe(1);
    const a = data.hit.edges[0].node;
    expect(a).toMatchObject({ id: ARTICLE, publishedAt: '2019-04-25', url: null, outlet: { id: 'org:radio-free-asia' } });
    expect(a.authors).toEqual([{ id: 'person:eugene-whong' }]);
    expect(a.entities.map((e: { id: string }) => e.id)).toContain('person:kim-jong-un');
    expect(a.quotes).toHaveLength(14);
    expect(a.sentences.length).toBeGreaterThan(10);
    expect(data.prefix.totalCount).toBe(1);
    expect(data.none).toEqual({ totalCount: 0, edges: [] });
    expect(data.all.totalCount).toBe(1);
  });

  it('lists the articles mentioning an entity', async () => {
    const data = await ok(app, `{ entity(id: "person:kim-jong-un") { mentions { totalCount edges { node { id } } pageInfo { hasNextPage } } } }`);
    expect(data.entity.mentions).toEqual({ totalCount: 1, edges: [{ node: { id: ARTICLE } }], pageInfo: { hasNextPage: false } });
  });
});

describe('node', () => {
  it('fetches entities, articles and quotes by id, and null for an unknown id', async () => {
    const data = await ok(app, `{
      p: node(id: "person:kim-jong-un") { __typename id }
      c: node(id: "country:PRK") { __typename ... on Country { isoCode } }
      a: node(id: "${ARTICLE}") { __typename ... on Article { title } }
      q: node(id: "quote:15fc837faf60e174-03") { __typename ... on Quote { text speaker { name } } }
      missing: node(id: "person:nobody") { id } }`);
    expect(data.p).toEqual({ __typename: 'Person', id: 'person:kim-jong-un' });
    expect(data.c).toEqual({ __typename: 'Country', isoCode: 'PRK' });
    expect(data.a.__typename).toBe('Article');
    expect(data.q).toEqual({ __typename: 'Quote', text: 'candid and meaningful.', speaker: { name: 'Kim Jong Un' } });
    expect(data.missing).toBeNull();
  });
});

describe('search', () => {
  it('puts Kim Jong Un first for "Kim"', async () => {
    const data = await ok(app, `{ search(query: "Kim") { score entity { id } } }`);
    expect(data.search[0].entity.id).toBe('person:kim-jong-un');
    const scores = data.search.map((h: { score: number }) => h.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('matches typed prefixes, aliases and kinds', async () => {
    const data = await ok(app, `{
      prefix: search(query: "Vladi", kinds: [PLACE]) { entity { id kind } }
      alias: search(query: "DPRK") { entity { id } }
      orgs: search(query: "institute", kinds: [ORGANIZATION]) { entity { id kind } } }`);
    expect(data.prefix.map((h: { entity: { id: string } }) => h.entity.id)).toEqual(['place:vladivostok']);
    expect(data.alias[0].entity.id).toBe('country:PRK');
    expect(data.orgs.length).toBeGreaterThan(0);
    expect(data.orgs.every((h: { entity: { kind: string } }) => h.entity.kind === 'ORGANIZATION')).toBe(true);
  });

  it('finds speakers through their quotes, below name matches', async () => {
    const data = await ok(app, `{ search(query: "legitimacy", kinds: [PERSON]) { entity { id } quote { id speaker { id } } } }`);
    expect(data.search[0].entity.id).toBe('person:david-maxwell');
    expect(data.search[0].quote.speaker.id).toBe('person:david-maxwell');
  });

  it('treats Lucene syntax in the input as plain text', async () => {
    for (const query of ['Kim AND', 'kim*', '"Kim', 'Kim)', 'name:kim', 'Stallard-Blanchette', 'U.S.']) {
      const res = await gql(app, `query($q: String!) { search(query: $q) { entity { id } } }`, { q: query });
      expect(res.errors, query).toBeUndefined();
    }
  });
});

describe('graph queries', () => {
  it('finds a path from Kim Jong Un to the Hudson Institute through entities', async () => {
    const data = await ok(app, `{ path(from: "person:kim-jong-un", to: "org:hudson-institute") {
      length steps { entity { id } relation direction } } }`);
    const p = data.path;
    expect(p).not.toBeNull();
    expect(p.length).toBe(p.steps.length - 1);
    expect(p.length).toBeLessThanOrEqual(4);
    expect(p.steps[0]).toEqual({ entity: { id: 'person:kim-jong-un' }, relation: null, direction: null });
    expect(p.steps.at(-1).entity.id).toBe('org:hudson-institute');
    for (const step of p.steps.slice(1)) {
      expect(step.relation).toMatch(/^[A-Z_]+$/);
      expect(['OUT', 'IN']).toContain(step.direction);
    }
  });

  it('returns null when no path fits within maxHops, and a zero-length path to itself', async () => {
    const data = await ok(app, `{
      short: path(from: "person:kim-jong-un", to: "org:hudson-institute", maxHops: 1) { length }
      self: path(from: "person:kim-jong-un", to: "person:kim-jong-un") { length steps { entity { id } } } }`);
    expect(data.short).toBeNull();
    expect(data.self).toEqual({ length: 0, steps: [{ entity: { id: 'person:kim-jong-un' } }] });
  });

  it('returns the neighborhood with edges only among its nodes, nearest first', async () => {
    const data = await ok(app, `{
      one: neighborhood(id: "person:kim-jong-un") { nodes { id } edges { from to type } truncated }
      two: neighborhood(id: "person:kim-jong-un", hops: 2) { nodes { id } truncated }
      capped: neighborhood(id: "person:kim-jong-un", hops: 2, limit: 3) { nodes { id } truncated } }`);
    const ids = data.one.nodes.map((n: { id: string }) => n.id);
    expect(ids[0]).toBe('person:kim-jong-un');
    for (const id of [SUMMIT, 'country:PRK', 'person:donald-trump']) expect(ids).toContain(id);
    expect(ids).not.toContain('place:russky-island'); // two hops away
    for (const e of data.one.edges) {
      expect(ids).toContain(e.from);
      expect(ids).toContain(e.to);
    }
    expect(data.one.edges).toContainEqual({ from: 'person:kim-jong-un', to: SUMMIT, type: 'ATTENDED' });
    expect(data.two.nodes.map((n: { id: string }) => n.id)).toContain('place:russky-island');
    expect(data.capped).toMatchObject({ truncated: true });
    expect(data.capped.nodes).toHaveLength(3);
  });

  it('builds timelines oldest first from summits, talks, roles and quotes', async () => {
    const data = await ok(app, `{
      kim: timeline(id: "person:kim-jong-un") { date kind title entity { id } quote { id } }
      talks: timeline(id: "talks:six-party-talks") { date kind title entity { id } } }`);
    const dates = data.kim.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const kinds = new Set(data.kim.map((e: { kind: string }) => e.kind));
    for (const k of ['ROLE_STARTED', 'SUMMIT_ATTENDED', 'QUOTED']) expect(kinds).toContain(k);
    expect(data.kim).toContainEqual(expect.objectContaining({ date: '2019-04-25', kind: 'SUMMIT_ATTENDED', entity: { id: SUMMIT } }));
    const quoted = data.kim.find((e: { kind: string }) => e.kind === 'QUOTED');
    expect(quoted.quote.id).toBe('quote:15fc837faf60e174-03');
    expect(data.talks).toContainEqual({ date: '2009-01-01', kind: 'TALKS_LEFT', title: 'North Korea left Six-party talks', entity: { id: 'country:PRK' } });
    expect(data.talks[0].date).toBe('2003-01-01');
  });

  it('counts the graph', async () => {
    const data = await ok(app, `{ stats { entities { kind count } relationships articles quotes relationshipTypes { type count } } }`);
    const byKind = Object.fromEntries(data.stats.entities.map((k: { kind: string; count: number }) => [k.kind, k.count]));
    expect(Object.keys(byKind)).toEqual(['PERSON', 'COUNTRY', 'PLACE', 'SUMMIT', 'TALKS', 'ORGANIZATION', 'TOPIC']);
    expect(byKind.SUMMIT).toBe(facts.summits().length);
    expect(byKind.TALKS).toBe(1);
    expect(byKind.PERSON).toBeGreaterThanOrEqual(13);
    expect(byKind.COUNTRY).toBeGreaterThanOrEqual(6);
    expect(data.stats.articles).toBe(1);
    expect(data.stats.quotes).toBe(14);
    const sum = data.stats.relationshipTypes.reduce((n: number, t: { count: number }) => n + t.count, 0);
    expect(data.stats.relationships).toBe(sum);
    expect(data.stats.relationshipTypes.map((x: { type: string }) => x.type)).toContain('ATTENDED');
  });
});

describe('pagination', () => {
  it('walks every quote in pages of 3 with the cursors, in the same order as one big page', async () => {
    const all = await ok(app, `{ quotes(first: 100) { totalCount edges { node { id } } } }`);
    const expected = all.quotes.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(expected).toHaveLength(all.quotes.totalCount);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: { quotes: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ok(app, `query($after: String) { quotes(first: 3, after: $after) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      pages += 1;
      expect(data.quotes.totalCount).toBe(expected.length);
      seen.push(...data.quotes.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(data.quotes.pageInfo.endCursor).toBe(data.quotes.edges.at(-1)?.cursor ?? null);
      if (!data.quotes.pageInfo.hasNextPage) break;
      after = data.quotes.pageInfo.endCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(seen).toEqual(expected);
  });

  it('pages nested connections too', async () => {
    const first = await ok(app, `{ node(id: "${SUMMIT}") { ... on Summit { quotes(first: 5) { edges { node { id } } pageInfo { endCursor hasNextPage } } } } }`);
    const next = await ok(app, `query($a: String) { node(id: "${SUMMIT}") { ... on Summit { quotes(first: 5, after: $a) { edges { node { id } } } } } }`, {
      a: first.node.quotes.pageInfo.endCursor,
    });
    expect(first.node.quotes.pageInfo.hasNextPage).toBe(true);
    const a = first.node.quotes.edges.map((e: { node: { id: string } }) => e.node.id);
    const b = next.node.quotes.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(b).toHaveLength(5);
    expect(a.filter((id: string) => b.includes(id))).toEqual([]);
  });

  it('pages the leaders list by name', async () => {
    const p1 = await ok(app, `{ leaders(first: 2) { totalCount edges { node { name } } pageInfo { endCursor hasNextPage } } }`);
    const p2 = await ok(app, `query($a: String) { leaders(first: 2, after: $a) { edges { node { name } } } }`, { a: p1.leaders.pageInfo.endCursor });
    const names = [...p1.leaders.edges, ...p2.leaders.edges].map((e: { node: { name: string } }) => e.node.name);
    expect(names).toHaveLength(4);
    // By name, case-insensitively (Cypher's toLower, then code point order).
    const key = (n: string) => n.toLowerCase();
    expect([...names].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0))).toEqual(names);
    expect(p1.leaders.totalCount).toBeGreaterThanOrEqual(5);
  });
});
