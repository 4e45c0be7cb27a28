/**
 * Keyset cursors through HTTP: a dashboard paging a list while a load runs neither sees an item twice
 * nor misses one that was there all along, and pages backward with `last`/`before`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { loadSeedPaths } from '../../src/seed/load.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { tempDir } from '../support/tmp.js';
import { ok } from './api-client.js';

let t: TestDb;
let app: App;

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
});
afterAll(async () => t?.close());

interface Page {
  ids: string[];
  info: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

async function summits(args: Record<string, unknown>): Promise<Page> {
  const data = await ok(
    app,
    `query($first: Int, $after: String, $last: Int, $before: String) {
      summits(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    args,
  );
  const c = data.summits;
  return { ids: c.edges.map((e: { node: { id: string } }) => e.node.id), info: c.pageInfo, totalCount: c.totalCount };
}

/** A seed file of summits in Moscow without participants (reference summits, no article). */
function summitFile(summits: { id: string; date: string }[]): string {
  return [
    'format: summit-graph/seed@1',
    'entities:',
    ...summits.flatMap((s) => [
      `  - id: ${s.id}`,
      '    kind: SUMMIT',
      `    name: Cursor test summit ${s.date}`,
      `    date: ${s.date}`,
      '    hostCountry: country:RUS',
      '    source: https://example.org/cursor-test',
    ]),
    'relations:',
    ...summits.map((s) => `  - { type: HELD_IN, from: ${s.id}, to: place:moscow }`),
    '',
  ].join('\n');
}

describe('keyset cursors', () => {
  it('page on after a load without repeating or skipping an item', async () => {
    const before = await summits({ first: 100 });
    expect(before.ids.length).toBeGreaterThan(12);
    const page1 = await summits({ first: 5 });
    expect(page1.ids).toEqual(before.ids.slice(0, 5));

    // New summits: three newer than everything (before the cursor: offset cursors would repeat page
    // 1's last three items) and one in the middle of what is still to come.
    const middle = before.ids[9] as string;
    const middleDate = (await ok(app, `{ node(id: "${middle}") { ... on Summit { date } } }`)).node.date as string;
    const dir = await tempDir('cursor-load-');
    await writeFile(
      join(dir, 'new-summits.yaml'),
      summitFile([
        { id: 'summit:2099-01-01-cursor-a', date: '2099-01-01' },
        { id: 'summit:2099-01-02-cursor-b', date: '2099-01-02' },
        { id: 'summit:2099-01-03-cursor-c', date: '2099-01-03' },
        { id: `summit:${middleDate}-cursor-mid`, date: middleDate },
      ]),
    );
    await loadSeedPaths(t.db, [dir]);

    const rest: string[] = [];
    let after = page1.info.endCursor;
    for (let i = 0; i < 20; i++) {
      const page = await summits({ first: 5, after });
      expect(page.totalCount).toBe(before.totalCount + 4);
      expect(page.info.hasPreviousPage).toBe(true);
      rest.push(...page.ids);
      if (!page.info.hasNextPage) break;
      after = page.info.endCursor;
    }
    const seen = [...page1.ids, ...rest];
    expect(new Set(seen).size, 'an item was repeated').toBe(seen.length);
    // Every summit that was there before the load is seen, in its order; of the new ones, exactly
    // the one after the cursor, in its place.
    expect(seen.filter((id) => !id.includes('-cursor-'))).toEqual(before.ids);
    expect(seen.filter((id) => id.includes('-cursor-'))).toEqual([`summit:${middleDate}-cursor-mid`]);
    const after1 = await summits({ first: 100 });
    expect(rest).toEqual(after1.ids.slice(after1.ids.indexOf(page1.ids[4] as string) + 1));
  });

  it('page backward with last and before, to the same items as forward', async () => {
    const all = (await summits({ first: 100 })).ids;
    const last3 = await summits({ last: 3 });
    expect(last3.ids).toEqual(all.slice(-3));
    expect([last3.info.hasPreviousPage, last3.info.hasNextPage]).toEqual([true, false]);

    const back: string[] = [...last3.ids];
    let before = last3.info.startCursor;
    for (let i = 0; i < 30 && before !== null; i++) {
      const page = await summits({ last: 4, before });
      expect(page.info.hasNextPage).toBe(true);
      back.unshift(...page.ids);
      before = page.info.hasPreviousPage ? page.info.startCursor : null;
    }
    expect(back).toEqual(all);

    // Between two cursors: only the items strictly between them.
    const a = await summits({ first: 2 });
    const b = await summits({ first: 1, after: (await summits({ first: 6 })).info.endCursor });
    const between = await summits({ first: 100, after: a.info.endCursor, before: b.info.startCursor });
    expect(between.ids).toEqual(all.slice(2, 6));
  });

  it('page quotes, nested quotes and mentions backward too', async () => {
    const all = await ok(app, `{ quotes(first: 100) { edges { node { id } } } }`);
    const ids = all.quotes.edges.map((e: { node: { id: string } }) => e.node.id);
    const tail = await ok(app, `{ quotes(last: 4) { edges { node { id } } pageInfo { startCursor hasPreviousPage } } }`);
    expect(tail.quotes.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(-4));
    const prev = await ok(app, `query($b: String) { quotes(last: 2, before: $b) { edges { node { id } } } }`, { b: tail.quotes.pageInfo.startCursor });
    expect(prev.quotes.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(-6, -4));

    const nested = await ok(app, `{ node(id: "summit:2019-04-25-vladivostok") { ... on Summit {
      quotes(first: 100) { edges { node { id } } } last: quotes(last: 2) { edges { node { id } } pageInfo { hasPreviousPage } }
      mentions(last: 1) { totalCount edges { node { id } } } } } }`);
    const summitQuotes = nested.node.quotes.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(nested.node.last.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(summitQuotes.slice(-2));
    expect(nested.node.last.pageInfo.hasPreviousPage).toBe(summitQuotes.length > 2);
    expect(nested.node.mentions.edges).toHaveLength(Math.min(1, nested.node.mentions.totalCount));
  });

  it("refuse a cursor of another list, naming the argument", async () => {
    const s = await summits({ first: 1 });
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($b: String) { leaders(last: 1, before: $b) { totalCount } }', variables: { b: s.info.endCursor } }),
    });
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/^before: /);
  });
});
