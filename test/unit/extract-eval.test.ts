/**
 * The corpus scorer (issue 21's definitions) on small hand-made extractions, the vocabulary files,
 * and the quality bars that need no service: the fixtures and the development corpus in the rules
 * mode. The development corpus is read from ../shared/corpus (beside the repository, present in CI):
 * its absence fails these tests, it never skips them. The accurate mode's bars (CoreNLP) are held by
 * test/integration/extract-quality.test.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/extract/build-gazetteer.js';
import { CATEGORIES, f1 } from '../../src/extract/evaluate.js';
import { CORPUS_CATEGORIES, macro, nameKey, rates, scoreCorpusArticle, type CorpusGold } from '../../src/extract/evaluate-corpus.js';
import { evaluateCorpus, evaluateFixtures } from '../../src/extract/eval-folders.js';
import { extractArticle } from '../../src/extract/extract.js';
import type { Gazetteer } from '../../src/extract/gazetteer.js';
import { loadVocabulary, VOCAB } from '../../src/extract/vocab.js';
import type { SeedDocument } from '../../src/seed/model.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await buildGazetteer();
});

describe('the corpus scorer', () => {
  const text = 'Kim Jong-un met Moon. “We will talk,” Kim said. “Peace is near,” said Ann Lee of the Big Institute.';
  const gold: CorpusGold = {
    summit: { participants: ['Kim Jong-un', 'Moon Jae-in'], date: '2018-04-27', alt_dates: ['2018-04-28'], place: 'Peace House', country: 'South Korea' },
    leaders: [{ name: 'Kim Jong-un', country: 'North Korea', title: null }, { name: 'Moon Jae-in', country: 'South Korea', title: null }],
    countries: ['North Korea'],
    people_quoted: [
      { name: 'Kim Jong-un', role: null, organization: null, quote_start: 'We will talk' },
      { name: 'Ann Lee', role: null, organization: 'Big Institute', quote_start: 'Peace is near' },
    ],
    organizations: ['The Big Institute', 'NATO'],
  };
  const at = (s: string) => text.indexOf(s);
  const doc: SeedDocument = {
    format: 'summit-graph/seed@1',
    entities: [
      { id: 'person:kim-jong-un', kind: 'PERSON', name: 'Kim Jong Un', labels: ['Leader'] },
      { id: 'person:ann-lee', kind: 'PERSON', name: 'Ann Lee' },
      { id: 'org:big-institute', kind: 'ORGANIZATION', name: 'Big Institute' },
      { id: 'org:other', kind: 'ORGANIZATION', name: 'Other Group' },
      { id: 'country:PRK', kind: 'COUNTRY', name: 'North Korea', isoCode: 'PRK' },
      { id: 'summit:x', kind: 'SUMMIT', name: 'x', date: '2018-04-28' },
      { id: 'place:peace-house', kind: 'PLACE', name: 'Peace House', mentioned: false },
      { id: 'place:panmunjom', kind: 'PLACE', name: 'Panmunjom', mentioned: false },
      { id: 'country:KOR', kind: 'COUNTRY', name: 'South Korea', isoCode: 'KOR', mentioned: false },
    ],
    relations: [
      { type: 'ATTENDED', from: 'person:kim-jong-un', to: 'summit:x' },
      { type: 'HELD_IN', from: 'summit:x', to: 'place:peace-house' },
      { type: 'LOCATED_IN', from: 'place:peace-house', to: 'place:panmunjom' },
      { type: 'LOCATED_IN', from: 'place:panmunjom', to: 'country:KOR' },
      { type: 'AFFILIATED_WITH', from: 'person:ann-lee', to: 'org:other' },
    ],
    quotes: [
      { id: 'quote:a', speaker: 'person:kim-jong-un', text: 'We will talk', evidence: { text: 'We will talk', at: at('We will') } },
      { id: 'quote:b', speaker: 'person:kim-jong-un', text: 'Peace is near', evidence: { text: 'Peace is near', at: at('Peace') } },
    ],
  };
  let s: ReturnType<typeof scoreCorpusArticle>;
  beforeAll(() => {
    s = scoreCorpusArticle({ doc, summitId: 'summit:x' }, gold, text, gaz);
  });

  it('matches names up to case, accents, punctuation and a leading "The"', () => {
    expect(nameKey('Kim Jong-un')).toBe(nameKey('Kim Jong Un'));
    expect(nameKey('The Big Institute')).toBe(nameKey('Big Institute'));
    expect(nameKey('Erdoğan')).toBe(nameKey('Erdogan'));
    expect(s.leaders).toMatchObject({ found: 1, total: 2, correct: 1, extracted: 1, missed: ['Moon Jae-in'] });
    // "Other Group" is never written in the body (an outlet from the front matter, say): neither right nor wrong.
    expect(s.organizations).toMatchObject({ found: 1, total: 2, correct: 1, extracted: 1 });
  });

  it('matches a two-word name in either order and a gazetteer alias both ways', () => {
    const body = 'Kishida Fumio met Biden. Another Body said so.';
    const g: CorpusGold = {
      summit: { participants: ['Kishida Fumio'], date: null, place: null, country: null },
      // A form the gazetteer lists for the entity (not among the extraction's own aliases).
      leaders: [{ name: 'Kishida Fumio', country: 'Japan', title: null }, { name: 'Commission President von der Leyen', country: null, title: null }],
      countries: [],
      people_quoted: [],
      organizations: ['Another Body'],
    };
    const d: SeedDocument = {
      format: 'summit-graph/seed@1',
      entities: [
        { id: 'person:fumio-kishida', kind: 'PERSON', name: 'Fumio Kishida', labels: ['Leader'] },
        { id: 'person:ursula-von-der-leyen', kind: 'PERSON', name: 'Ursula von der Leyen' },
        { id: 'org:another-body', kind: 'ORGANIZATION', name: 'Another Body' },
        { id: 'org:front-matter-outlet', kind: 'ORGANIZATION', name: 'Front Matter Outlet' },
        { id: 'summit:y', kind: 'SUMMIT', name: 'y', date: '2024-04-10' },
      ],
      relations: [{ type: 'ATTENDED', from: 'person:fumio-kishida', to: 'summit:y' }],
    };
    const r = scoreCorpusArticle({ doc: d, summitId: 'summit:y' }, g, body, gaz);
    expect(r.leaders).toMatchObject({ found: 2, total: 2, correct: 1, extracted: 1 });
    expect(r.summit).toMatchObject({ found: 1, total: 1 });
    expect(r.organizations).toMatchObject({ found: 1, total: 1, correct: 1, extracted: 1 });
  });

  it('scores quoted people, attribution with its precision, and affiliations', () => {
    expect(s.people_quoted).toMatchObject({ found: 1, total: 2 });
    // The second quote was given to the wrong person: a miss and a wrong attribution.
    expect(s.attribution).toMatchObject({ found: 1, total: 2, correct: 1, extracted: 2 });
    expect(s.affiliations).toMatchObject({ found: 0, total: 1, correct: 0, extracted: 1 });
  });

  it('scores the summit: participants, a date among the alternatives, a place the gold one contains, its country', () => {
    expect(s.summit).toMatchObject({ found: 4, total: 5, missed: ['participant Moon Jae-in'] });
    expect(rates(s.summit).precision).toBe(1);
  });

  it('averages the categories’ recalls into the macro score', () => {
    const expected = CORPUS_CATEGORIES.reduce((sum, c) => sum + rates(s[c]).recall, 0) / CORPUS_CATEGORIES.length;
    expect(macro(s)).toBeCloseTo(expected, 10);
  });
});

describe('the vocabulary files', () => {
  it('load with every list the stages use', () => {
    const v = loadVocabulary();
    expect(v.speechVerbs).toContain('said');
    expect(v.titles.leader).toContain('prime minister');
    expect(v.orgs.heads.has('Institute')).toBe(true);
    expect(v.series.find((x) => x.org === 'org:group-of-twenty')?.members.map((m) => m.iso)).toContain('ARG');
    expect(v.topics.map((t) => t.id)).toEqual(expect.arrayContaining(['topic:denuclearization', 'topic:trade', 'topic:sanctions', 'topic:climate', 'topic:security-guarantees']));
    expect(v.outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(['No deal', 'Agreement signed', 'Joint declaration']));
    expect(Object.isFrozen(VOCAB.titles)).toBe(true);
  });

  it('have topic ids and series organizations of the right kind', () => {
    for (const t of VOCAB.topics) expect(t.id).toMatch(/^topic:[a-z0-9-]+$/);
    for (const s of VOCAB.series) {
      expect(s.org).toMatch(/^org:/);
      expect(gaz.get(s.org)?.kind ?? (s.name ? 'ORGANIZATION' : undefined)).toBe('ORGANIZATION');
    }
  });
});

describe('quality bars without a service', () => {
  // The summit category of the fixtures is held at 0.8, not 0.9: fixture 005's gold takes the
  // Biden-Xi meeting on the eve of the Bali G20 summit as "the summit"; the extractor (issue 21)
  // makes the G20 summit the Summit, with the leaders it places there, and that meeting a MET on its
  // sidelines, which the fixture scorer does not look at.
  it('the fixtures (rules mode): total F1 >= 0.95, every category >= 0.9 (summit 0.8), the seed article >= 0.95 in each', async () => {
    const r = await evaluateFixtures(FIXTURES, (input) => extractArticle(input, gaz));
    const all = CATEGORIES.reduce((a, c) => ({ tp: a.tp + r.totals[c].tp, fp: a.fp + r.totals[c].fp, fn: a.fn + r.totals[c].fn }), { tp: 0, fp: 0, fn: 0 });
    expect(f1(all).f1).toBeGreaterThanOrEqual(0.95);
    for (const c of CATEGORIES) expect({ c, f1: f1(r.totals[c]).f1 >= (c === 'summit' ? 0.8 : 0.9) }).toEqual({ c, f1: true });
    const seed = r.articles.find((a) => a.file.startsWith('000_'));
    for (const c of CATEGORIES) expect({ c, f1: f1(seed?.scores[c] ?? { tp: 0, fp: 1, fn: 1 }).f1 >= 0.95 }).toEqual({ c, f1: true });
  });

  it('the development corpus in the rules mode (fast path): macro >= 0.9, every category >= 0.85', async () => {
    expect(existsSync(CORPUS), `the development corpus must be at ${CORPUS} (../shared/corpus beside the repository)`).toBe(true);
    const r = await evaluateCorpus(CORPUS, gaz, (input) => extractArticle(input, gaz));
    expect(r.articles.length).toBeGreaterThanOrEqual(30);
    expect(macro(r.totals)).toBeGreaterThanOrEqual(0.9);
    for (const c of CORPUS_CATEGORIES) expect({ c, recall: rates(r.totals[c]).recall >= 0.85 }).toEqual({ c, recall: true });
  }, 60_000);
});
