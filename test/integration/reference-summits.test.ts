/**
 * The reference dataset of summits (seed/summits/), loaded with the rest of seed/ as `npm start`
 * loads it: analysts find a leader's summits through GraphQL, and the loader's reference checks
 * (src/seed/reference-checks.ts) reject, with file, field path and line, a participant out of office,
 * a venue outside the host country and an endDate before the date, writing nothing.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { loadSeedPaths } from '../../src/seed/load.js';
import { SeedValidationError, formatIssue } from '../../src/seed/validate.js';
import { counts, rels } from '../support/graph.js';
import { openSeededTestDb, SEED_DIR, testConfig, type TestDb } from '../support/neo4j.js';
import { seedFacts, type SeedFacts } from '../support/seed-facts.js';
import { tempDir } from '../support/tmp.js';
import { ok } from './api-client.js';

const run = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;

let t: TestDb;
let app: App;
/** The seed files of seed/: the expectations are derived from the data itself. */
let facts: SeedFacts;

beforeAll(async () => {
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
  facts = await seedFacts();
});
afterAll(async () => t?.close());

const attendedBy = (person: string): string[] => facts.attendedBy(person);

async function summitsOf(person: string): Promise<{ totalCount: number; ids: string[] }> {
  const data = await ok(app, `query($p: ID!) { summits(where: {participant: $p}, first: 100) { totalCount edges { node { id } } } }`, { p: person });
  return { totalCount: data.summits.totalCount, ids: data.summits.edges.map((e: { node: { id: string } }) => e.node.id).sort() };
}

describe('the reference summits through GraphQL', () => {
  it("lists every summit the data says Vladimir Putin attended, and none he skipped", async () => {
    const expected = attendedBy('person:vladimir-putin');
    // G8 2013, G20s, the Kim, Trump, Biden and Obama summits: a real dataset, not one article.
    expect(expected.length).toBeGreaterThan(15);
    const got = await summitsOf('person:vladimir-putin');
    expect(got.totalCount).toBe(expected.length);
    expect(got.ids).toEqual(expected);
    expect(got.ids).toEqual(expect.arrayContaining([
      'summit:2013-06-17-enniskillen',
      'summit:2018-07-16-helsinki',
      'summit:2019-04-25-vladivostok',
      'summit:2021-06-16-geneva',
      'summit:2023-09-13-vostochny-cosmodrome',
      'summit:2025-08-15-anchorage',
    ]));
    // Camp David 2012: Russia was represented by Prime Minister Medvedev, not by Putin.
    expect(got.ids).not.toContain('summit:2012-05-18-camp-david');
    expect((await summitsOf('person:dmitry-medvedev')).ids).toContain('summit:2012-05-18-camp-david');
  });

  it("lists Kim Jong Un's summits with Moon, Trump, Xi and Putin", async () => {
    const got = await summitsOf('person:kim-jong-un');
    expect(got.ids).toEqual(attendedBy('person:kim-jong-un'));
    expect(got.ids).toEqual(expect.arrayContaining([
      'summit:2018-04-27-panmunjom',
      'summit:2018-05-26-panmunjom',
      'summit:2018-06-12-singapore',
      'summit:2019-02-27-hanoi',
      'summit:2019-06-30-panmunjom',
      'summit:2018-03-25-beijing',
      'summit:2024-06-19-pyongyang',
    ]));
  });

  it('answers a summit with its dates, venue, country and participants, the host country following LOCATED_IN', async () => {
    const data = await ok(
      app,
      `{ a: node(id: "summit:2018-05-26-panmunjom") { ... on Summit { date place { id } country { id } participants { id } } }
         b: node(id: "summit:2019-06-30-panmunjom") { ... on Summit { place { id } country { id } participants { id } } }
         c: node(id: "summit:2015-06-07-elmau") { ... on Summit { date place { id } country { id } participants { id } } } }`,
    );
    // Tongilgak is on the northern side of Panmunjom; Freedom House on the southern side.
    expect(data.a).toEqual({ date: '2018-05-26', place: { id: 'place:tongilgak' }, country: { id: 'country:PRK' }, participants: [{ id: 'person:kim-jong-un' }, { id: 'person:moon-jae-in' }] });
    expect(data.b.country).toEqual({ id: 'country:KOR' });
    expect(data.b.participants.map((p: { id: string }) => p.id)).toEqual(['person:donald-trump', 'person:kim-jong-un', 'person:moon-jae-in']);
    expect(data.c.country).toEqual({ id: 'country:DEU' });
    expect(data.c.participants).toHaveLength(7);
  });

  it("lists the NATO summits of a member outside the G20 through its head of state's terms, a deputy's summit not among them", async () => {
    // Poland is represented at NATO summits by its president; Bulgaria's president sent the prime minister to Washington in 2024.
    const duda = attendedBy('person:andrzej-duda');
    expect(duda.length).toBeGreaterThanOrEqual(8);
    expect(duda).toEqual(expect.arrayContaining(['summit:2016-07-08-warsaw', 'summit:2023-07-11-vilnius']));
    expect((await summitsOf('person:andrzej-duda')).ids).toEqual(duda);
    const data = await ok(app, `{ node(id: "country:POL") { ... on Country { summits { id } } } }`);
    expect(data.node.summits.map((s: { id: string }) => s.id)).toEqual(facts.countrySummits('country:POL'));
    const radev = await summitsOf('person:rumen-radev');
    expect(radev.ids).toEqual(attendedBy('person:rumen-radev'));
    expect(radev.ids).not.toContain('summit:2024-07-09-washington');
    expect((await summitsOf('person:dimitar-glavchev')).ids).toEqual(['summit:2024-07-09-washington']);
  });

  it("filters a country's summits, a series' summits being PART_OF its organization", async () => {
    const data = await ok(app, `{ summits(where: {country: "country:PRK"}, first: 100) { totalCount } }`);
    const inPrk = facts.docs.flatMap((d) => (d.entities ?? []).filter((e) => e.kind === 'SUMMIT' && e.hostCountry === 'country:PRK'));
    expect(data.summits.totalCount).toBe(inPrk.length);
    expect(facts.heldIn('country:PRK')).toEqual(inPrk.map((e) => e.id).sort());
    const g7 = facts.docs.flatMap((d) => (d.relations ?? []).filter((r) => r.type === 'PART_OF' && r.to === 'org:group-of-seven').map((r) => r.from));
    expect(g7.length).toBeGreaterThanOrEqual(11);
    for (const id of g7) expect((await rels(t.db, id, 'PART_OF')).map((r) => r.to)).toEqual(['org:group-of-seven']);
  });
});

describe('the reference checks on load', () => {
  /** A summit file that names entities only the graph holds (the gazetteers loaded by openSeededTestDb). */
  function summitFile(o: { participant: string; venue: string; host: string; date: string; endDate: string }): string {
    return [
      'format: summit-graph/seed@1',
      'entities:',
      `  - id: summit:${o.date}-test-city`,
      '    kind: SUMMIT',
      '    name: A test summit',
      `    date: ${o.date}`,
      `    endDate: ${o.endDate}`,
      `    hostCountry: ${o.host}`,
      '    source: https://example.org/test-summit',
      'relations:',
      `  - { type: HELD_IN, from: summit:${o.date}-test-city, to: ${o.venue} }`,
      `  - { type: ATTENDED, from: ${o.participant}, to: summit:${o.date}-test-city }`,
      '',
    ].join('\n');
  }

  it('loads a summit file on its own, reading terms and LOCATED_IN chains from the graph', async () => {
    const dir = await tempDir('refcheck-good-');
    const file = join(dir, 'good.yaml');
    await writeFile(file, summitFile({ participant: 'person:moon-jae-in', venue: 'place:peace-house', host: 'country:KOR', date: '2018-04-28', endDate: '2018-04-28' }));
    const summary = await loadSeedPaths(t.db, [file]);
    // The summit, and the file's load record (its Source node).
    expect(summary.nodesCreated).toBe(2);
    await t.db.autoCommit('test.reset');
    await loadSeedPaths(t.db, [SEED_DIR]);
  });

  it('rejects a participant out of office, a venue outside the host country and an endDate before the date, each with file, path and line, writing nothing', async () => {
    const dir = await tempDir('refcheck-bad-');
    // Moon Jae-in left office on 2022-05-09; Seoul is not in North Korea.
    await writeFile(join(dir, 'office.yaml'), summitFile({ participant: 'person:moon-jae-in', venue: 'place:pyongyang', host: 'country:PRK', date: '2023-01-10', endDate: '2023-01-11' }));
    await writeFile(join(dir, 'venue.yaml'), summitFile({ participant: 'person:kim-jong-un', venue: 'place:seoul', host: 'country:PRK', date: '2019-03-01', endDate: '2019-03-01' }));
    const before = await counts(t.db);
    const err = await loadSeedPaths(t.db, [dir]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    const shown = (err as SeedValidationError).issues.map((i) => formatIssue(i).slice(dir.length + 1));
    expect(shown).toEqual([
      expect.stringMatching(/^office\.yaml:12:29: relations\[1\]\.from: person:moon-jae-in was not in office from 2023-01-10 to 2023-01-11 \(summit summit:2023-01-10-test-city\); terms: President of country:KOR 2017-05-10\.\.2022-05-09$/),
      expect.stringMatching(/^venue\.yaml:11:61: relations\[0\]\.to: venue place:seoul is not inside the host country country:PRK of summit:2019-03-01-test-city \(it lies in country:KOR\)$/),
    ]);
    expect(await counts(t.db)).toEqual(before);

    await writeFile(join(dir, 'dates.yaml'), summitFile({ participant: 'person:kim-jong-un', venue: 'place:pyongyang', host: 'country:PRK', date: '2019-03-02', endDate: '2019-03-01' }));
    const dated = await loadSeedPaths(t.db, [join(dir, 'dates.yaml')]).catch((e: unknown) => e);
    expect((dated as SeedValidationError).issues.map((i) => formatIssue(i).slice(dir.length + 1))).toEqual([
      'dates.yaml:7:14: entities[0].endDate: endDate 2019-03-01 is before date 2019-03-02',
    ]);
    expect(await counts(t.db)).toEqual(before);
  });

  it('makes `npm run load` exit 1 naming the file, line and problem', async () => {
    const dir = await tempDir('refcheck-cli-');
    const file = join(dir, 'office.yaml');
    await writeFile(file, summitFile({ participant: 'person:donald-trump', venue: 'place:pyongyang', host: 'country:PRK', date: '2022-06-01', endDate: '2022-06-01' }));
    const { uri, user, password, database } = testConfig();
    const res = await run('npx', ['tsx', 'src/bin/load.ts', file], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
    }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${file}:12:29: relations[1].from: person:donald-trump was not in office on 2022-06-01`);
    expect(res.stderr).toMatch(/nothing was written/);
  });
});
