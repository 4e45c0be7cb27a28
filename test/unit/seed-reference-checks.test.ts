import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSeedPaths } from '../../src/seed/load.js';
import type { GraphFacts, GraphFactsQuery, ReferenceFactsLookup } from '../../src/seed/reference-checks.js';
import { SeedValidationError, checkSeedSet, formatIssue, parseSeedFile, type SeedIssue } from '../../src/seed/validate.js';
import { tempDir } from '../support/tmp.js';

/** Writes the files to a temp folder and validates it; returns the issues formatted as `file:line:col: path: message`. */
async function problems(files: Record<string, string>, lookup?: ReferenceFactsLookup): Promise<string[]> {
  const dir = await tempDir('seed-refcheck-');
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  try {
    await validateSeedPaths([dir], undefined, lookup);
  } catch (err) {
    if (err instanceof SeedValidationError) return err.issues.map((i: SeedIssue) => formatIssue(i).slice(dir.length + 1));
    throw err;
  }
  return [];
}

// A small gazetteer: two leaders of one country with consecutive terms, a venue in a city in it.
const GAZETTEER = `format: summit-graph/seed@1
entities:
  - { id: country:FRA, kind: COUNTRY, name: France, isoCode: FRA }
  - { id: country:DEU, kind: COUNTRY, name: Germany, isoCode: DEU }
  - { id: person:nicolas-sarkozy, kind: PERSON, name: Nicolas Sarkozy, labels: [Leader] }
  - { id: person:francois-hollande, kind: PERSON, name: François Hollande, labels: [Leader] }
  - { id: person:no-office, kind: PERSON, name: Nobody In Office }
  - { id: place:biarritz, kind: PLACE, name: Biarritz, placeType: town }
  - { id: place:hotel-du-palais, kind: PLACE, name: Hôtel du Palais, placeType: hotel }
  - { id: place:berlin, kind: PLACE, name: Berlin, placeType: city }
  - { id: org:group-of-seven, kind: ORGANIZATION, name: Group of Seven }
relations:
  - { type: LEADS, from: person:nicolas-sarkozy, to: country:FRA, title: President, since: 2007-05-16, until: 2012-05-15 }
  - { type: LEADS, from: person:francois-hollande, to: country:FRA, title: President, since: 2012-05-15, until: 2017-05-14 }
  - { type: LOCATED_IN, from: place:biarritz, to: country:FRA }
  - { type: LOCATED_IN, from: place:hotel-du-palais, to: place:biarritz }
  - { type: LOCATED_IN, from: place:berlin, to: country:DEU }
`;

/** A summit file; `over` replaces lines of the default (by their index) to make one thing wrong. */
function summitFile(over: Record<number, string> = {}): string {
  const lines = [
    'format: summit-graph/seed@1', // 0
    'entities:', // 1
    '  - id: summit:2011-05-26-biarritz', // 2
    '    kind: SUMMIT', // 3
    '    name: A summit in Biarritz', // 4
    '    date: 2011-05-26', // 5
    '    endDate: 2011-05-27', // 6
    '    hostCountry: country:FRA', // 7
    '    source: https://example.org/summit', // 8
    'relations:', // 9
    '  - { type: HELD_IN, from: summit:2011-05-26-biarritz, to: place:hotel-du-palais }', // 10
    '  - { type: PART_OF, from: summit:2011-05-26-biarritz, to: org:group-of-seven }', // 11
    '  - { type: ATTENDED, from: person:nicolas-sarkozy, to: summit:2011-05-26-biarritz }', // 12
  ];
  for (const [i, line] of Object.entries(over)) lines[Number(i)] = line;
  return `${lines.filter((l) => l !== '').join('\n')}\n`;
}

describe('reference checks', () => {
  it('accept a summit whose participant is in office and whose venue lies in the host country through its city', async () => {
    expect(await problems({ 'gaz.yaml': GAZETTEER, 'summits.yaml': summitFile() })).toEqual([]);
  });

  it('reject a participant out of office on every day of the summit, at the relation with its line', async () => {
    const out = await problems({
      'gaz.yaml': GAZETTEER,
      'summits.yaml': summitFile({ 12: '  - { type: ATTENDED, from: person:francois-hollande, to: summit:2011-05-26-biarritz }' }),
    });
    expect(out).toEqual([
      'summits.yaml:13:29: relations[2].from: person:francois-hollande was not in office from 2011-05-26 to 2011-05-27 (summit summit:2011-05-26-biarritz); terms: President of country:FRA 2012-05-15..2017-05-14',
    ]);
  });

  it('count a term that overlaps any day of the summit, both ends included', async () => {
    // Hollande took office on 2012-05-15: a summit ending that day has him in office, one ending the day before does not.
    const gaz = GAZETTEER;
    const summit = (end: string): string =>
      summitFile({
        2: '  - id: summit:2012-05-13-biarritz',
        5: '    date: 2012-05-13',
        6: `    endDate: ${end}`,
        10: '  - { type: HELD_IN, from: summit:2012-05-13-biarritz, to: place:biarritz }',
        11: '',
        12: '  - { type: ATTENDED, from: person:francois-hollande, to: summit:2012-05-13-biarritz }',
      });
    expect(await problems({ 'gaz.yaml': gaz, 's.yaml': summit('2012-05-15') })).toEqual([]);
    expect(await problems({ 'gaz.yaml': gaz, 's.yaml': summit('2012-05-14') })).toEqual([
      expect.stringMatching(/^s\.yaml:12:29: relations\[1\]\.from: person:francois-hollande was not in office from 2012-05-13 to 2012-05-14/),
    ]);
  });

  it('reject a participant with no term in office at all', async () => {
    const out = await problems({
      'gaz.yaml': GAZETTEER,
      'summits.yaml': summitFile({ 12: '  - { type: ATTENDED, from: person:no-office, to: summit:2011-05-26-biarritz }' }),
    });
    expect(out).toEqual([expect.stringMatching(/^summits\.yaml:13:29: relations\[2\]\.from: person:no-office has no term in office \(LEADS\)/)]);
  });

  it('reject a venue outside the host country, naming where it lies', async () => {
    const out = await problems({
      'gaz.yaml': GAZETTEER,
      'summits.yaml': summitFile({ 10: '  - { type: HELD_IN, from: summit:2011-05-26-biarritz, to: place:berlin }' }),
    });
    expect(out).toEqual([
      'summits.yaml:11:60: relations[0].to: venue place:berlin is not inside the host country country:FRA of summit:2011-05-26-biarritz (it lies in country:DEU)',
    ]);
  });

  it('reject a venue that no LOCATED_IN chain places in a country', async () => {
    const out = await problems({
      'gaz.yaml': GAZETTEER,
      'more.yaml': 'format: summit-graph/seed@1\nentities:\n  - { id: place:nowhere, kind: PLACE, name: Nowhere }\n',
      'summits.yaml': summitFile({ 10: '  - { type: HELD_IN, from: summit:2011-05-26-biarritz, to: place:nowhere }' }),
    });
    expect(out).toEqual([expect.stringMatching(/^summits\.yaml:11:60: relations\[0\]\.to: venue place:nowhere .*no LOCATED_IN chain from it reaches a country/)]);
  });

  it('reject an endDate before the date, at the field with its line', async () => {
    const out = await problems({ 'gaz.yaml': GAZETTEER, 'summits.yaml': summitFile({ 6: '    endDate: 2011-05-25' }) });
    expect(out).toEqual(['summits.yaml:7:14: entities[0].endDate: endDate 2011-05-25 is before date 2011-05-26']);
  });

  it('require a reference summit to have its source, host country and venue, and an id starting with its date', async () => {
    const out = await problems({
      'gaz.yaml': GAZETTEER,
      'summits.yaml': summitFile({ 2: '  - id: summit:2011-05-25-biarritz', 7: '', 8: '', 10: '', 11: '', 12: '' }).replace('relations:\n', 'relations: []\n'),
    });
    expect(out).toEqual([
      expect.stringMatching(/^summits\.yaml:3:9: entities\[0\]\.id: id summit:2011-05-25-biarritz does not start with the summit's date: summit:2011-05-26-<host city>$/),
      expect.stringMatching(/^summits\.yaml:3:5: entities\[0\]\.source: a summit in a reference file needs a source/),
      expect.stringMatching(/^summits\.yaml:3:5: entities\[0\]\.hostCountry: a summit in a reference file needs its hostCountry/),
      expect.stringMatching(/^summits\.yaml:3:5: entities\[0\]: summit summit:2011-05-25-biarritz has no venue/),
    ]);
  });

  it('reject a host country that is not a country, and a source that is not a URL', async () => {
    const out = await problems({
      'gaz.yaml': GAZETTEER,
      'summits.yaml': summitFile({ 7: '    hostCountry: country:ESP', 8: '    source: see Wikipedia' }),
    });
    expect(out).toEqual([expect.stringMatching(/^summits\.yaml:9:13: entities\[0\]\.source: must match pattern .*; got "see Wikipedia"$/)]);
    const host = await problems({ 'gaz.yaml': GAZETTEER, 'summits.yaml': summitFile({ 7: '    hostCountry: country:ESP' }) });
    expect(host).toEqual([
      expect.stringMatching(/^summits\.yaml:8:18: entities\[0\]\.hostCountry: hostCountry country:ESP is not a COUNTRY defined in any file of this load, nor in the graph$/),
      expect.stringMatching(/^summits\.yaml:11:60: relations\[0\]\.to: venue place:hotel-du-palais is not inside the host country country:ESP/),
    ]);
  });

  it('leave article files alone: they report what an article says', async () => {
    const article = [
      'format: summit-graph/seed@1',
      'article: { id: article:x, title: X }',
      'relations:',
      '  - { type: ATTENDED, from: person:francois-hollande, to: summit:2011-05-26-biarritz }',
      '  - { type: HELD_IN, from: summit:2011-05-26-biarritz, to: place:berlin }',
    ].join('\n');
    expect(await problems({ 'gaz.yaml': GAZETTEER, 'summits.yaml': summitFile(), 'article.yaml': article })).toEqual([]);
  });

  it('read terms, LOCATED_IN chains and summits the load lacks from the graph lookup', async () => {
    // The summit file alone, as `npm run load -- seed/summits/x.yaml` loads it into a graph holding the gazetteers.
    const asked: GraphFactsQuery[] = [];
    const graph = (terms: GraphFacts['terms']): ReferenceFactsLookup => async (q) => {
      asked.push(q);
      return {
        terms,
        countriesOf: new Map([['place:hotel-du-palais', ['country:FRA']]]),
        summits: new Map(),
        countries: new Set(['country:FRA']),
      };
    };
    // References to entities the load lacks resolve through the existing-entities lookup, facts
    // through the reference-facts lookup.
    const dir = await tempDir('seed-refcheck-graph-');
    await writeFile(join(dir, 'summits.yaml'), summitFile());
    const { parsed } = await parseSeedFile(join(dir, 'summits.yaml'));
    const existing = async (ids: string[]): Promise<Map<string, 'PERSON' | 'PLACE' | 'ORGANIZATION' | 'COUNTRY'>> =>
      new Map(ids.map((id) => [id, id.startsWith('person:') ? 'PERSON' : id.startsWith('place:') ? 'PLACE' : id.startsWith('org:') ? 'ORGANIZATION' : 'COUNTRY'] as const));
    const inOffice = new Map([['person:nicolas-sarkozy', [{ country: 'country:FRA', title: 'President', since: '2007-05-16', until: '2012-05-15' }]]]);
    expect(await checkSeedSet([parsed!], existing, graph(inOffice))).toEqual([]);
    expect(asked[0]).toEqual({ persons: ['person:nicolas-sarkozy'], places: ['place:hotel-du-palais'], summits: [], countries: ['country:FRA'] });
    const outOfOffice = new Map([['person:nicolas-sarkozy', [{ country: 'country:FRA', title: 'President', since: '2012-05-15' }]]]);
    const issues = await checkSeedSet([parsed!], existing, graph(outOfOffice));
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'relations[2].from: person:nicolas-sarkozy was not in office from 2011-05-26 to 2011-05-27 (summit summit:2011-05-26-biarritz); terms: President of country:FRA 2012-05-15..',
    ]);
    // Without a graph, facts the load lacks are missing, and said so.
    const without = await checkSeedSet([parsed!], existing);
    expect(without.map((i) => i.message)).toEqual([
      'hostCountry country:FRA is not a COUNTRY defined in any file of this load, nor in the graph',
      'venue place:hotel-du-palais is not inside the host country country:FRA of summit:2011-05-26-biarritz (no LOCATED_IN chain from it reaches a country)',
      'person:nicolas-sarkozy has no term in office (LEADS) in the leaders gazetteer, so cannot have attended summit:2011-05-26-biarritz as a leader',
    ]);
  });
});
