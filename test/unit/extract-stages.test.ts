/**
 * Each stage of the extractor on its own: typed input in, typed output out, no other stage run.
 * Texts are written for these tests (no corpus text).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/extract/build-gazetteer.js';
import type { Gazetteer, GazEntity } from '../../src/extract/gazetteer.js';
import { mentionsStage, type Mention } from '../../src/extract/mentions.js';
import { quotesStage } from '../../src/extract/quotes.js';
import { relationsStage, unnamedSpeakers } from '../../src/extract/relations.js';
import { resolutionStage, type Resolved } from '../../src/extract/resolve.js';
import { summitStage } from '../../src/extract/summit.js';
import { sentencesStage, type TextDoc } from '../../src/extract/text.js';
import { VOCAB } from '../../src/extract/vocab.js';
import type { NlpDoc, NlpQuote } from '../../src/nlp/types.js';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await buildGazetteer();
});

const vocab = VOCAB;

function run(text: string, published = '2018-07-12', nlp?: NlpDoc) {
  const doc = sentencesStage(text, nlp);
  const mentions = mentionsStage({ doc, gaz, vocab, published, ...(nlp ? { nerEntities: nlp.entities } : {}) });
  const resolved = resolutionStage({ doc, mentions, gaz, vocab, published });
  const unnamed = unnamedSpeakers(doc, resolved.organizations);
  const quotes = quotesStage({ doc, vocab, people: resolved.people, unnamed: unnamed.map((u) => u.person), ...(nlp ? { modelQuotes: nlp.quotes } : {}) });
  const relations = relationsStage({ doc, gaz, vocab, resolved, published }, unnamed);
  return { doc, mentions, resolved, quotes, relations };
}

const ids = (ms: Mention[], kind: string): string[] => [...new Set(ms.filter((m) => m.kind === kind).map((m) => m.id))].sort();

describe('sentences', () => {
  it('keeps a middle initial inside its sentence and never crosses a paragraph', () => {
    const doc = sentencesStage('Senate leader Charles E. Schumer said no.\n\nA second paragraph.');
    expect(doc.sentences.map((s) => s.text)).toEqual(['Senate leader Charles E. Schumer said no.', 'A second paragraph.']);
    expect(doc.paragraphs).toHaveLength(2);
  });

  it('pairs mixed quotation marks and recovers a quote whose opening mark was lost', () => {
    const doc = sentencesStage('"We are ready,” he said. In some ways it was a start,” says Ann Lee.');
    expect(doc.quotes.map((q) => doc.text.slice(q.start, q.end))).toEqual(['We are ready', 'In some ways it was a start']);
  });

  it('takes the model’s sentences, cut where a paragraph ends', () => {
    const text = 'Headline here\n\nFirst body sentence.';
    const tok = (start: number, end: number) => ({ start, end, word: text.slice(start, end), pos: 'NN', lemma: text.slice(start, end), ner: 'O' });
    const nlp: NlpDoc = { sentences: [{ start: 0, end: text.length, tokens: [tok(0, 8), tok(9, 13), tok(15, 20), tok(21, 25), tok(26, 34), tok(34, 35)], dependencies: [] }], entities: [], quotes: [] };
    const doc = sentencesStage(text, nlp);
    expect(doc.annotated).toBe(true);
    expect(doc.sentences.map((s) => s.text)).toEqual(['Headline here', 'First body sentence.']);
    expect(doc.sentences[1]?.model?.tokens).toHaveLength(4);
  });
});

describe('mentions', () => {
  it('reads an organization named with a country as one organization that still names the country', () => {
    const { mentions } = run('The Russian Foreign Ministry and the Chinese foreign ministry both protested.');
    expect(ids(mentions, 'ORGANIZATION')).toEqual(['org:ministry-of-foreign-affairs-of-china', 'org:ministry-of-foreign-affairs-of-russia']);
    expect(ids(mentions, 'COUNTRY')).toEqual(['country:CHN', 'country:RUS']);
  });

  it('splits an organization, a title and a name written as one run, and keeps the organization of the title', () => {
    const { resolved } = run('Senate Minority Leader Chuck Schumer said the talks failed, and NATO Secretary-General Jens Stoltenberg agreed.');
    const schumer = resolved.people.find((p) => p.id === 'person:chuck-schumer');
    expect(schumer).toMatchObject({ title: 'Minority Leader' });
    expect(resolved.people.find((p) => p.id === 'person:jens-stoltenberg')?.titleOrg).toBe('org:north-atlantic-treaty-organization');
  });

  it('names a unit with its owner, and a bare national body by the article’s country', () => {
    const { mentions } = run('Jane Roe, a fellow at the Atlantic Council’s Rafik Hariri Center, spoke. The U.S. Congress and Congress again.');
    expect(ids(mentions, 'ORGANIZATION')).toEqual(
      expect.arrayContaining(['org:atlantic-council', 'org:atlantic-council-s-rafik-hariri-center', 'org:united-states-congress']),
    );
  });

  it('takes a city’s or country’s name as a first name when a surname follows', () => {
    const { resolved, mentions } = run('said Jordan Tama, a professor, and House Speaker Nancy Pelosi.');
    expect(resolved.people.map((p) => p.id)).toEqual(expect.arrayContaining(['person:jordan-tama', 'person:nancy-pelosi']));
    expect(ids(mentions, 'COUNTRY')).toEqual([]);
  });

  it('lets the model’s mentions replace weak guesses but not the gazetteer', () => {
    const text = 'They met Wednesday. Gazprom and Twitter were mentioned by Putin.';
    const at = (w: string) => text.indexOf(w);
    const nlp: NlpDoc = {
      sentences: [],
      entities: [
        { start: at('Gazprom'), end: at('Gazprom') + 7, text: 'Gazprom', type: 'ORGANIZATION', sentence: 1 },
        { start: at('Putin'), end: at('Putin') + 5, text: 'Putin', type: 'ORGANIZATION', sentence: 1 },
      ],
      quotes: [],
    };
    const { mentions } = run(text, '2018-07-12', nlp);
    expect(mentions.find((m) => m.text === 'Gazprom')).toMatchObject({ kind: 'ORGANIZATION', id: 'org:gazprom' });
    expect(mentions.find((m) => m.text === 'Putin')).toMatchObject({ kind: 'PERSON', id: 'person:vladimir-putin', method: 'rule' });
  });
});

describe('resolution', () => {
  it('drops a capital that stands for its government from the places', () => {
    const { resolved } = run('Talks between Pyongyang and Washington stalled. Kim flew home to Pyongyang.');
    expect(resolved.countries.map((c) => c.id)).toEqual(expect.arrayContaining(['country:PRK', 'country:USA']));
    expect(resolved.places.map((p) => p.text)).toEqual(['Pyongyang']);
  });

  it('gives a shared surname to the person named in the sentence before, else the one named most', () => {
    const text = 'Kim Jong Un arrived. Kim Jong Un smiled. Kim Jong Un waved. His father Kim Jong Il ruled before him. Later, Kim spoke.';
    const { resolved } = run(text, '2019-04-25');
    const kim = resolved.people.filter((p) => p.text === 'Kim');
    expect(kim.map((p) => p.id)).toEqual(['person:kim-jong-il']);
    const far = run(`${text} The weather was fine. The talks went on. Kim left.`, '2019-04-25').resolved.people.filter((p) => p.text === 'Kim');
    expect(far.map((p) => p.id)).toEqual(['person:kim-jong-il', 'person:kim-jong-un']);
  });
});

describe('quotes', () => {
  it('attributes across titles, participles, pronouns and the sentence after', () => {
    const text = [
      '“We must remember Otto,” Sen. Rob Portman, Ohio Republican, said in a statement.',
      '',
      'Senator Chuck Schumer, during a call with Secretary of State Mike Pompeo, urged Trump to act, saying: "This would be terrible."',
      '',
      '“It was about the sanctions,” Trump said. “Sometimes you have to walk.”',
      '',
      'Germany backed the “jointly agreed communique” despite the move, government spokesman Steffen Seibert said.',
    ].join('\n');
    const { quotes } = run(text, '2019-02-28');
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We must remember Otto', 'person:rob-portman'],
      ['This would be terrible.', 'person:chuck-schumer'],
      ['It was about the sanctions', 'person:donald-trump'],
      ['Sometimes you have to walk.', 'person:donald-trump'],
      ['jointly agreed communique', 'person:steffen-seibert'],
    ]);
  });

  it('takes the model’s speaker only where it names one next to the quote', () => {
    const text = 'Ann Lee spoke first. Bob Stone spoke next, calmly.\n\n"The deal is done," Stone said.';
    const q = text.indexOf('"The deal');
    const model = (speaker: string, mentionType: string): NlpQuote => ({ start: q, end: text.indexOf(',"') + 2, text: '"The deal is done,"', speaker, mentionType, mention: mentionType === 'name' ? 'Stone' : 'he', mentionStart: text.lastIndexOf('Stone'), mentionEnd: text.lastIndexOf('Stone') + 5 });
    const nlp = (mq: NlpQuote): NlpDoc => ({ sentences: [], entities: [], quotes: [mq] });
    const agree = run(text, '2019-02-28', nlp(model('Stone', 'name'))).quotes;
    expect(agree.map((x) => [x.speaker, x.method])).toEqual([['person:bob-stone', 'model']]);
    const pronoun = run(text, '2019-02-28', nlp(model('Lee', 'pronoun'))).quotes;
    expect(pronoun.map((x) => [x.speaker, x.method])).toEqual([['person:bob-stone', 'rule']]);
  });
});

describe('relations', () => {
  it('links speakers to the organizations appositions and titles give', () => {
    const text =
      'Heather Conley, director of the Europe Program at the Center for Strategic and International Studies, spoke. Fox News military analyst retired Lt. Col. Ralph Peters agreed, and Sergei Strokan, a columnist with the Moscow daily Kommersant, disagreed. Peter Beyer, a politician from Merkel’s ruling Christian Democratic Union party, said so.';
    const { relations } = run(text);
    const links = relations.affiliations.map((a) => `${a.person} -> ${a.org}`);
    expect(links).toEqual(
      expect.arrayContaining([
        'person:heather-conley -> org:center-for-strategic-and-international-studies',
        'person:ralph-peters -> org:fox-news',
        'person:sergei-strokan -> org:kommersant',
        'person:peter-beyer -> org:christian-democratic-union',
      ]),
    );
  });

  it('makes a leader’s counterpart a leader of the country the title names', () => {
    const { relations } = run('President Barack Obama met his Israeli counterpart, Benjamin Netanyahu, at the White House.', '2013-09-30');
    expect(relations.labels.get('person:benjamin-netanyahu')?.has('Leader')).toBe(true);
    expect(relations.leads.find((l) => l.person === 'person:benjamin-netanyahu')).toMatchObject({ country: 'country:ISR' });
  });
});

function summitOf(text: string, published: string, title = '', extraGaz?: GazEntity) {
  const g = extraGaz ? cloneWith(gaz, extraGaz) : gaz;
  const doc: TextDoc = sentencesStage(text);
  const mentions = mentionsStage({ doc, gaz: g, vocab, published });
  const resolved: Resolved = resolutionStage({ doc, mentions, gaz: g, vocab, published });
  const quotes = quotesStage({ doc, vocab, people: resolved.people, unnamed: [] });
  const relations = relationsStage({ doc, gaz: g, vocab, resolved, published }, []);
  return summitStage({ doc, gaz: g, vocab, title, resolved, relations, quotes, published });
}

/** The gazetteer with one more entry (the reference data's summit), without touching the shared one. */
function cloneWith(base: Gazetteer, e: GazEntity): Gazetteer {
  const g = Object.create(base) as Gazetteer;
  const entities = new Map(base.entities);
  entities.set(e.id, e);
  Object.defineProperty(g, 'entities', { value: entities });
  g.get = (id: string) => entities.get(id);
  return g;
}

describe('summit', () => {
  const nato = [
    'BRUSSELS (PWS) - President Donald Trump and German Chancellor Angela Merkel clashed on Wednesday at the NATO summit in Brussels.',
    '',
    'NATO Secretary-General Jens Stoltenberg said allies would spend more. Trump and Merkel met on the sidelines of the summit on Thursday.',
    '',
    'Russian President Vladimir Putin was not invited. The alliance discussed defense spending and Russia.',
  ].join('\n');

  it('finds a series summit, its members in office, the body’s officials, place, series and topics', () => {
    const { summit } = summitOf(nato, '2018-07-12');
    expect(summit).toMatchObject({ id: 'summit:2018-07-11-brussels', series: 'org:north-atlantic-treaty-organization', date: '2018-07-11', place: { id: 'place:brussels' } });
    expect(summit?.participants.map((p) => p.id).sort()).toEqual(['person:angela-merkel', 'person:donald-trump', 'person:jens-stoltenberg']);
    expect(summit?.topics.map((t) => t.id)).toContain('topic:defense-spending');
  });

  it('links a meeting on the sidelines to the summit, with its own date and the summit’s place', () => {
    const { meetings } = summitOf(nato, '2018-07-12');
    expect(meetings).toContainEqual(expect.objectContaining({ from: 'person:donald-trump', to: 'person:angela-merkel', summit: 'summit:2018-07-11-brussels', place: 'place:brussels', date: '2018-07-12' }));
  });

  it('takes the id and days of a reference summit of the same series near the publication date', () => {
    const text = 'BRUSSELS (PWS) - Alliance leaders met on Thursday at the NATO summit in Brussels, said Jane Roe, a NATO spokeswoman.';
    const ref: GazEntity = { id: 'summit:2031-07-09-brussels', kind: 'SUMMIT', name: 'NATO Brussels 2031', aliases: [], labels: [], terms: [], date: '2031-07-09', endDate: '2031-07-10', partOf: 'org:north-atlantic-treaty-organization', heldIn: 'place:brussels', source: 'reference' };
    const { summit } = summitOf(text, '2031-07-12', '', ref);
    expect(summit).toMatchObject({ id: 'summit:2031-07-09-brussels', date: '2031-07-09', endDate: '2031-07-10', series: 'org:north-atlantic-treaty-organization' });
  });

  it('reads a preview: the next weekday, a place the gazetteer lacks from the dateline, and the outcome', () => {
    const text = [
      'LA MALBAIE, Quebec (Reuters) - President Donald Trump will meet Canadian Prime Minister Justin Trudeau on Friday at the start of a two-day summit.',
      '',
      'The two leaders signed a joint declaration on trade.',
    ].join('\n');
    const { summit } = summitOf(text, '2018-06-05');
    expect(summit).toMatchObject({ date: '2018-06-08', endDate: '2018-06-09', place: { id: 'place:la-malbaie', created: { within: 'place:quebec' } }, outcome: { label: 'Agreement signed' } });
    expect(summit?.participants.map((p) => p.id).sort()).toEqual(['person:donald-trump', 'person:justin-trudeau']);
  });

  it('places the subjects of an attendance verb at a summit the lead names without them', () => {
    const text = [
      'A last-ditch summit in Tehran of the main outside powers ended on Friday.',
      '',
      'Iranian President Hassan Rouhani, Russian President Vladimir Putin, and Turkish President Recep Tayyip Erdoğan gathered in Tehran, while Syrian President Bashar al-Assad stayed in Damascus.',
    ].join('\n');
    const { summit } = summitOf(text, '2018-09-08');
    expect(summit?.participants.map((p) => p.id).sort()).toEqual(['person:hassan-rouhani', 'person:recep-tayyip-erdogan', 'person:vladimir-putin']);
    expect(summit).toMatchObject({ date: '2018-09-07', place: { id: 'place:tehran' } });
  });

  it('places stand-ins, listed attendees and "who also attended" there, and leaves out who stayed away', () => {
    const text = [
      'OSAKA, Japan (PWS) - Leaders of the Group of 20 opened their summit in Osaka on Friday.',
      '',
      'Mexican President Andrés Manuel López Obrador stayed away and sent Finance Minister Arturo Herrera in his place. Japanese Prime Minister Shinzo Abe welcomed the delegations, with Indian Prime Minister Narendra Modi and Turkish President Recep Tayyip Erdogan also in attendance.',
      '',
      'UN Secretary-General António Guterres, who also attended, urged more spending on health.',
    ].join('\n');
    const { summit } = summitOf(text, '2019-06-29');
    const who = summit?.participants.map((p) => p.id) ?? [];
    expect(who).toEqual(expect.arrayContaining(['person:shinzo-abe', 'person:narendra-modi', 'person:recep-tayyip-erdogan', 'person:antonio-guterres']));
    expect(who.some((id) => id.includes('herrera'))).toBe(true);
    expect(who).not.toContain('person:andres-manuel-lopez-obrador');
    expect(summit).toMatchObject({ series: 'org:group-of-twenty', date: '2019-06-28', place: { id: 'place:osaka' } });
  });

  it('takes the leaders of the countries a sentence lists, the people a participant hosts, and skips an earlier summit named in the lead', () => {
    const text = [
      'CANBERRA - The leaders of Japan and India met in the Australian capital on Monday for talks on maritime security.',
      '',
      'Australian Prime Minister Anthony Albanese hosted Japanese Prime Minister Fumio Kishida and Indian Prime Minister Narendra Modi at Parliament House. The three last met on the sidelines of the G20 summit in Bali.',
    ].join('\n');
    const { summit } = summitOf(text, '2022-11-28');
    expect(summit?.series).toBeUndefined();
    expect(summit?.participants.map((p) => p.id).sort()).toEqual(['person:anthony-albanese', 'person:fumio-kishida', 'person:narendra-modi']);
    expect(summit?.place?.id).not.toBe('place:bali');
  });
});

describe('names, organizations and speakers in less usual forms', () => {
  it('splits two titled heads of bodies written as one run, and keeps them officials, not leaders', () => {
    const { resolved, relations } = run('European Council President Charles Michel and European Commission President Ursula von der Leyen met Chinese President Xi Jinping in Beijing.', '2023-12-07');
    expect(ids(resolved.organizations, 'ORGANIZATION')).toEqual(['org:european-commission', 'org:european-council']);
    expect(ids(resolved.people, 'PERSON')).toEqual(['person:charles-michel', 'person:ursula-von-der-leyen', 'person:xi-jinping']);
    expect(relations.labels.get('person:charles-michel')?.has('Leader')).toBe(false);
    expect(relations.labels.get('person:ursula-von-der-leyen')?.has('Official')).toBe(true);
    expect(relations.labels.get('person:xi-jinping')?.has('Leader')).toBe(true);
  });

  it('reads a family-name-first name, a speaker who meets someone before speaking, and a workplace without a head noun', () => {
    const text = 'Prime Minister Kishida Fumio met President Joe Biden and told him: "We stand together on this." "It was a useful day," said Anna Berg, a fellow at Carnegie India.';
    const { resolved, quotes, relations } = run(text, '2024-04-10');
    expect(ids(resolved.people, 'PERSON')).toContain('person:fumio-kishida');
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We stand together on this.', 'person:fumio-kishida'],
      ['It was a useful day', 'person:anna-berg'],
    ]);
    expect(relations.affiliations.find((a) => a.person === 'person:anna-berg')?.org).toBe('org:carnegie-india');
  });
});
