/**
 * docs/queries.md, the analyst's cookbook: every query on the page runs against seed/ without
 * errors, and its answer holds what the page says it does.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { gql } from './api-client.js';

/** The page's questions: `### N. question` followed by a graphql block. */
const PAGE = readFileSync(new URL('../../docs/queries.md', import.meta.url), 'utf8');
const QUESTIONS = [...PAGE.matchAll(/^### (\d+)\. (.+)\n+```graphql\n([\s\S]*?)```/gm)].map((m) => ({
  n: Number(m[1]),
  question: m[2] as string,
  query: m[3] as string,
}));

type Data = Record<string, any>;
const names = (list: { name: string }[]): string[] => list.map((x) => x.name);

/** What each answer must hold: the facts the page quotes, robust to more data than the seed. */
const EXPECT: Record<number, (data: Data) => void> = {
  1: ({ entity }) => {
    expect(entity.date).toBe('2019-04-25');
    expect(entity.place.name).toBe('Russky Island');
    expect(entity.country.name).toBe('Russia');
    expect(entity.participants).toEqual(
      expect.arrayContaining([
        { name: 'Kim Jong Un', leaderOf: { name: 'North Korea' } },
        { name: 'Vladimir Putin', leaderOf: { name: 'Russia' } },
      ]),
    );
    expect(names(entity.topics)).toEqual(expect.arrayContaining(['Denuclearization', 'Security guarantees']));
  },
  2: ({ entity }) => {
    const quotes = entity.quotes.edges.map((e: Data) => e.node);
    expect(entity.quotes.totalCount).toBeGreaterThanOrEqual(12);
    const cronin = quotes.find((q: Data) => q.speaker.name === 'Patrick Cronin' && q.text.startsWith('It doesn’t cost anything for Russia'));
    expect(cronin?.speaker).toMatchObject({ isAnalyst: true, affiliations: [{ name: 'Hudson Institute' }] });
  },
  3: ({ entity }) => {
    expect(entity.leaders[0].name).toBe('Kim Jong Un');
    expect(entity.leaders[0].roles).toContainEqual({ title: 'Supreme Leader', country: { id: 'country:PRK' }, since: '2011-12-17', until: null });
    expect(names(entity.leaders)).toEqual(expect.arrayContaining(['Kim Yong Nam', 'Kim Jong Il']));
  },
  4: ({ summits }) => {
    const vladivostok = summits.edges.map((e: Data) => e.node).find((s: Data) => s.id === 'summit:2019-04-25-vladivostok');
    expect(names(vladivostok.participants)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin']));
    for (const { node } of summits.edges) expect(node.date >= '2019-01-01' && node.date <= '2019-12-31').toBe(true);
  },
  5: ({ quotes }) => {
    expect(quotes.totalCount).toBeGreaterThanOrEqual(2);
    const security = quotes.edges.map((e: Data) => e.node).find((q: Data) => q.text.startsWith('[The North Koreans] only need guarantees'));
    expect(names(security.about)).toEqual(expect.arrayContaining(['North Korea', 'Security guarantees']));
    expect(security.article.publishedAt).toBe('2019-04-25');
  },
  6: ({ search }) => {
    expect(search[0].entity).toEqual({ id: 'topic:sanctions', name: 'Sanctions', kind: 'TOPIC' });
    const quoted = search.filter((h: Data) => h.quote !== null).map((h: Data) => h.entity.name);
    expect(quoted).toEqual(expect.arrayContaining(['William Hagerty', 'Patrick Cronin', 'Katie Stallard-Blanchette']));
    for (const hit of search.filter((h: Data) => h.quote !== null)) expect(hit.quote.text.toLowerCase()).toContain('sanctions');
  },
  7: ({ path }) => {
    expect(path.length).toBeLessThanOrEqual(4);
    expect(path.steps[0].entity.name).toBe('Patrick Cronin');
    expect(path.steps.at(-1).entity.name).toBe('Kim Jong Un');
    expect(path.steps).toHaveLength(path.length + 1);
  },
  8: ({ entity }) => {
    expect([entity.startYear, entity.endYear]).toEqual([2003, 2009]);
    expect(entity.members.map((m: Data) => m.country.name).sort()).toEqual(['China', 'Japan', 'North Korea', 'Russia', 'South Korea', 'United States']);
    expect(entity.members.find((m: Data) => m.country.name === 'North Korea')).toMatchObject({ joined: 2003, left: 2009 });
  },
  9: ({ entity }) => {
    const met = entity.related.filter((r: Data) => r.type === 'MET').map((r: Data) => r.entity.name);
    expect(met).toEqual(expect.arrayContaining(['Donald Trump', 'Moon Jae-in', 'Xi Jinping']));
    const trump = entity.related.find((r: Data) => r.type === 'MET' && r.entity.name === 'Donald Trump');
    expect(trump.evidence[0]).toMatchObject({ articleId: 'article:15fc837faf60e174', method: 'seed' });
    expect(trump.evidence[0].sentenceText).toContain('President Moon, President Xi and President Trump');
  },
  10: ({ timeline }) => {
    expect(timeline[0]).toMatchObject({ date: '2011-12-17', kind: 'ROLE_STARTED' });
    const dates = timeline.map((e: Data) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(timeline.map((e: Data) => e.kind)).toEqual(expect.arrayContaining(['SUMMIT_ATTENDED', 'QUOTED', 'QUOTED_ABOUT']));
  },
  11: ({ summits }) => {
    const ids = summits.edges.map((e: Data) => e.node.id);
    expect(summits.totalCount).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['summit:2019-04-25-vladivostok', 'summit:2023-09-13-vostochny-cosmodrome', 'summit:2024-06-19-pyongyang', 'summit:2025-08-15-anchorage']));
    const g8 = summits.edges.map((e: Data) => e.node).find((s: Data) => s.id === 'summit:2013-06-17-enniskillen');
    expect(g8.series.name).toMatch(/Eight|G8/);
    expect(summits.edges.every((e: Data) => typeof e.node.source === 'string')).toBe(true);
  },
  12: ({ paths }) => {
    const best = paths[0];
    expect(best.steps[0].entity.name).toBe('Kim Jong Un');
    expect(best.steps.at(-1).entity.name).toBe('Hudson Institute');
    const link = best.steps.find((s: Data) => s.relation === 'SAID_ABOUT');
    expect(link.entity.name).toBe('Patrick Cronin');
    expect(link.quote.speaker.name).toBe('Patrick Cronin');
    for (const p of paths) expect(names(p.steps.map((s: Data) => s.entity))).not.toContain('United States');
  },
  13: ({ entity }) => {
    const meetings = entity.meetings;
    const putin = meetings.find((m: Data) => m.person.name === 'Vladimir Putin' && m.date === '2019-04-25');
    expect(putin).toMatchObject({ place: { name: 'Russky Island' }, basis: 'SUMMIT' });
    expect(meetings.find((m: Data) => m.person.name === 'Donald Trump' && m.date === '2018-06-12')?.place.name).toBe('Capella Hotel');
    expect(meetings.filter((m: Data) => m.basis === 'MET').map((m: Data) => m.person.name)).toEqual(expect.arrayContaining(['Donald Trump', 'Moon Jae-in', 'Xi Jinping']));
  },
  14: ({ neighborhoodWith }) => {
    const usa = neighborhoodWith.hubs.find((h: Data) => h.entity.name === 'United States');
    const based = usa.groups.find((g: Data) => g.relationType === 'BASED_IN');
    expect(based).toMatchObject({ direction: 'IN', kind: 'ORGANIZATION', collapsed: true });
    expect(based.count).toBeGreaterThan(50);
    expect(neighborhoodWith.nodes.filter((n: Data) => n.kind === 'ORGANIZATION').length).toBeLessThan(based.count);
    expect(names(neighborhoodWith.nodes)).toEqual(expect.arrayContaining(['Donald Trump', 'Joe Biden']));
  },
};

let t: TestDb;
let app: App;
beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
});
afterAll(async () => t?.close());

describe('docs/queries.md', () => {
  it('has fourteen questions, numbered in order, each with its check here', () => {
    expect(QUESTIONS.map((q) => q.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(Object.keys(EXPECT).map(Number)).toEqual(QUESTIONS.map((q) => q.n));
  });

  it.each(QUESTIONS.map((q) => [`${q.n}. ${q.question}`, q] as const))('%s', async (_title, { n, query }) => {
    const res = await gql(app, query);
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    (EXPECT[n] as (data: Data) => void)(res.data as Data);
  });
});
