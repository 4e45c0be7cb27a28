/**
 * Batching, as DataLoader's own tests check it: every batch call is recorded, and results come back
 * in key order and length. No network: a fake Db answers the named queries.
 */
import { describe, expect, it } from 'vitest';
import type { Db, Row } from '../../src/db/db.js';
import type { QueryName } from '../../src/db/query-names.js';
import { argsLoader, idLoader, inKeyOrder } from '../../src/data/batch.js';
import { Entities, entityListsLoader } from '../../src/data/entities.js';
import { createLoaders } from '../../src/data/loaders.js';

interface Call {
  name: QueryName;
  params: Record<string, unknown>;
}

/** A Db that records every query and answers with `answer`. */
function fakeDb(answer: (name: QueryName, params: Record<string, unknown>) => Row[]): { db: Db; calls: Call[] } {
  const calls: Call[] = [];
  const db = {
    read: async (name: QueryName, params: Record<string, unknown> = {}) => {
      calls.push({ name, params });
      return answer(name, params);
    },
  } as unknown as Db;
  return { db, calls };
}

const person = (id: string, name: string) => ({ id, name, aliases: [], labels: ['Entity', 'Person'] });

describe('inKeyOrder', () => {
  it('returns one value per key, in key order, with the missing value for keys without a row', () => {
    const rows = [{ id: 'b', v: 2 }, { id: 'a', v: 1 }, { id: 'z', v: 26 }];
    expect(inKeyOrder(['a', 'c', 'b', 'a'], rows, (r) => r.v, () => null)).toEqual([1, null, 2, 1]);
  });
});

describe('idLoader', () => {
  it('sends every id of one tick in one query and answers each in order', async () => {
    const { db, calls } = fakeDb((_n, p) => (p.ids as string[]).filter((id) => id !== 'x').reverse().map((id) => ({ id, item: id.toUpperCase() })));
    const loader = idLoader((ids) => db.read('entities.by-ids', { ids }), (row) => row.item, () => null, 'test');
    const results = await Promise.all(['a', 'x', 'b', 'a'].map((id) => loader.load(id)));
    expect(results).toEqual(['A', null, 'B', 'A']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params.ids).toEqual(['a', 'x', 'b']);
  });
});

describe('argsLoader', () => {
  it('runs one query per distinct set of arguments, with all ids that share it', async () => {
    const { db, calls } = fakeDb((_n, p) => (p.ids as string[]).map((id) => ({ id, first: p.first })));
    const loader = argsLoader(
      (ids, args: { first: number }) => db.read('entities.related', { ids, first: args.first }),
      (row) => row.first,
      () => -1,
      'test',
    );
    const results = await Promise.all([
      loader.load({ id: 'a', args: { first: 5 } }),
      loader.load({ id: 'b', args: { first: 5 } }),
      loader.load({ id: 'c', args: { first: 9 } }),
      loader.load({ id: 'a', args: { first: 5 } }),
    ]);
    expect(results).toEqual([5, 5, 9, 5]);
    expect(calls.map((c) => [c.params.ids, c.params.first])).toEqual([
      [['a', 'b'], 5],
      [['c'], 9],
    ]);
  });
});

describe('entityListsLoader', () => {
  it('loads the list fields asked in one tick with one query, each column only for the ids that asked it', async () => {
    const { db, calls } = fakeDb((_n, p) => {
      const want = p.want as Record<string, string[]>;
      return (p.ids as string[]).filter((id) => id !== 'person:x').map((id) => ({
        id,
        parent: null,
        summits: want.summits!.includes(id) ? [{ id: `summit:${id.slice(7)}`, name: 'S' }] : null,
        metWith: want.metWith!.includes(id) ? [person(`person:met-${id.slice(7)}`, 'M')] : null,
      }));
    });
    const lists = entityListsLoader('people.lists', new Entities(db), ['summits', 'metWith']);
    const [aS, aM, bM, xS, aS2] = await Promise.all([
      lists.load('summits', 'person:a'),
      lists.load('metWith', 'person:a'),
      lists.load('metWith', 'person:b'),
      lists.load('summits', 'person:x'),
      lists.load('summits', 'person:a'),
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toEqual({ ids: ['person:a', 'person:b', 'person:x'], want: { summits: ['person:a', 'person:x'], metWith: ['person:a', 'person:b'] }, carry: [] });
    expect([aS, aM, bM, xS].map((l) => l.map((e) => e.id))).toEqual([['summit:a'], ['person:met-a'], ['person:met-b'], []]);
    expect(aS2).toBe(aS);

    // Cached per field and id.
    expect(await lists.load('summits', 'person:a')).toBe(aS);
    expect(calls).toHaveLength(1);
    await lists.load('summits', 'person:b');
    expect(calls[1]!.params.want).toEqual({ summits: ['person:b'], metWith: [] });
  });
});

describe('createLoaders', () => {
  it('batches a field over many parents into one query and primes the entity cache with its result', async () => {
    const { db, calls } = fakeDb((name, p) => {
      if (name === 'summits.lists') {
        return (p.ids as string[]).map((id, i) => ({ id, participants: [person(`person:p${i}`, `P${i}`), person('person:kim', 'Kim')], topics: null }));
      }
      return [];
    });
    const loaders = createLoaders(db);
    const lists = await Promise.all(['summit:a', 'summit:b', 'summit:c'].map((id) => loaders.summits.participants(id)));
    expect(lists.map((l) => l.map((p) => p.name))).toEqual([['P0', 'Kim'], ['P1', 'Kim'], ['P2', 'Kim']]);
    expect(calls.map((c) => c.name)).toEqual(['summits.lists']);

    // Resolving a participant by id (e.g. Quote.speaker) now costs nothing.
    expect((await loaders.entities.get('person:kim'))?.kind).toBe('PERSON');
    expect(calls).toHaveLength(1);

    // An id nobody returned is fetched, and is null when the graph lacks it.
    expect(await loaders.entities.get('person:nobody')).toBeNull();
    expect(calls.map((c) => c.name)).toEqual(['summits.lists', 'entities.by-ids']);
  });

  it('gives each request its own caches', async () => {
    const { db, calls } = fakeDb((_n, p) => (p.ids as string[]).map((id) => ({ id, item: person(id, 'Kim') })));
    await createLoaders(db).entities.get('person:kim');
    await createLoaders(db).entities.get('person:kim');
    expect(calls).toHaveLength(2);
  });

  it("answers the listed summits' participants and country from the summit list, without a query or a promise", async () => {
    const summit = (id: string) => ({ id, name: id, labels: ['Entity', 'Summit'] });
    const country = { id: 'country:ru', name: 'Russia', labels: ['Entity', 'Country'] };
    const { db, calls } = fakeDb((name, p) => {
      if (name === 'summits.list') {
        return [{ total: 2, items: [summit('summit:a'), summit('summit:b')], participants: [[person('person:kim', 'Kim')], []], countries: [country, null] }];
      }
      if (name === 'summits.lists') return (p.ids as string[]).map((id) => ({ id, participants: [person('person:putin', 'Putin')], topics: [] }));
      return [];
    });
    const loaders = createLoaders(db);
    const page = await loaders.summits.list({ participant: null, country: null, from: null, to: null }, { limit: 2, after: null, before: null, backward: false });
    expect(page.items.map((s) => s.id)).toEqual(['summit:a', 'summit:b']);
    const a = loaders.summits.participants('summit:a');
    expect(Array.isArray(a) && a.map((p) => p.id)).toEqual(['person:kim']);
    expect(loaders.summits.participants('summit:b')).toEqual([]);
    expect(loaders.summits.country('summit:a')).toMatchObject({ id: 'country:ru', kind: 'COUNTRY' });
    expect(loaders.summits.country('summit:b')).toBeNull();
    // The entities the list brought answer `get` without a query; a summit not listed runs its own.
    expect(await loaders.entities.get('person:kim')).toMatchObject({ name: 'Kim' });
    expect((await loaders.summits.participants('summit:c')).map((p) => p.id)).toEqual(['person:putin']);
    expect(calls.map((c) => c.name)).toEqual(['summits.list', 'summits.lists']);
  });

  it("carries each quote's speaker in its record, with the organizations the quote query brought, and primes the entity loader", async () => {
    const org = { id: 'org:kcna', name: 'KCNA', orgType: 'media' };
    const item = (id: string, speaker: unknown, affiliations: unknown) => ({ quote: { id, text: 't', sentence: 1, articleId: 'article:1' }, speaker, article: null, affiliations });
    const { db, calls } = fakeDb(() => [
      { id: 'summit:a', parent: null, total: 3, items: [item('quote:1', person('person:kim', 'Kim'), [org]), item('quote:2', person('person:moon', 'Moon'), null), item('quote:3', null, null)] },
    ]);
    const loaders = createLoaders(db);
    const page = await loaders.summits.quotes('summit:a', { limit: 3, after: null, before: null, backward: false }, { speakerAffiliations: true, article: false });
    const [withOrgs, without, none] = page.items;
    expect(withOrgs?.speaker).toMatchObject({ id: 'person:kim', name: 'Kim', preloaded: { affiliations: [{ id: 'org:kcna', kind: 'ORGANIZATION', props: { orgType: 'media' } }] } });
    expect(without?.speaker).toMatchObject({ id: 'person:moon', kind: 'PERSON' });
    expect(without?.speaker?.preloaded).toBeUndefined();
    expect([without?.speakerId, none?.speaker, none?.speakerId]).toEqual(['person:moon', null, null]);
    // The loader holds the speaker without this occurrence's organizations, and asks no query for it.
    const kim = await loaders.entities.get('person:kim');
    expect(kim).toMatchObject({ id: 'person:kim', name: 'Kim' });
    expect(kim?.preloaded).toBeUndefined();
    expect(calls.map((c) => c.name)).toEqual(['summits.quotes']);
  });

  it("sends the limit and a key's whole numbers as integers (floats fail LIMIT)", async () => {
    const { db, calls } = fakeDb(() => []);
    await createLoaders(db).summits.quotes('summit:a', { limit: 10, after: [false, -20240102, 'article:1', 3, 'quote:1'], before: null, backward: false }, { speakerAffiliations: false, article: true });
    const params = calls[0]!.params;
    expect((params.limit as { toNumber(): number }).toNumber()).toBe(10);
    const after = params.after as unknown[];
    expect((after[1] as { toNumber(): number }).toNumber()).toBe(-20240102);
    expect([after[0], after[2], after[4], params.before, params.backward]).toEqual([false, 'article:1', 'quote:1', null, false]);
  });

  it('turns a page read backward, one item too many, into list order with hasPreviousPage', async () => {
    const item = (id: string) => ({ quote: { id, text: 't', sentence: 1, articleId: 'article:1' }, speaker: null, article: null, affiliations: null });
    const { db } = fakeDb(() => [{ id: 'summit:a', parent: null, total: 9, items: [item('quote:5'), item('quote:4'), item('quote:3')], keys: [['k5'], ['k4'], ['k3']] }]);
    const page = await createLoaders(db).summits.quotes('summit:a', { limit: 2, after: null, before: ['k6'], backward: true }, { speakerAffiliations: false, article: false });
    expect(page.items.map((q) => q.id)).toEqual(['quote:4', 'quote:5']);
    expect(page.keys).toEqual([['k4'], ['k5']]);
    expect([page.hasPreviousPage, page.hasNextPage, page.totalCount]).toEqual([true, true, 9]);
  });
});
