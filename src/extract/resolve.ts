import type { EntityKind } from '../seed/model.js';
import type { GazEntity, Gazetteer } from './gazetteer.js';
import { covers, type Mention } from './mentions.js';
import { insideQuote, sentenceAt, type TextDoc } from './text.js';
import type { Vocabulary } from './vocab.js';

/**
 * Stage 3, resolution: mentions become references to stable ids. Surnames and "President Moon"
 * resolve to a full name the article used, else to the gazetteer person in office on the article's
 * date; a surname nobody fits is dropped with a warning, never matched to the wrong person. Capitals
 * count as their country only where they stand for a government ("Pyongyang pulled out", "a
 * message to Washington"); "the North" and "the South" name the Koreas where the article is about
 * them.
 */

export interface ResolutionInput {
  doc: TextDoc;
  mentions: Mention[];
  gaz: Gazetteer;
  vocab: Vocabulary;
  published?: string;
}

export interface Resolved {
  people: Mention[];
  organizations: Mention[];
  countries: Mention[];
  places: Mention[];
  talks: Mention[];
  warnings: string[];
}

export function resolutionStage(input: ResolutionInput): Resolved {
  const { doc, mentions, gaz, vocab, published } = input;
  const warnings: string[] = [];
  const of = (kind: EntityKind): Mention[] => mentions.filter((m) => m.kind === kind);
  const people = resolvePeople(of('PERSON'), gaz, published, warnings, new Set(of('COUNTRY').map((c) => c.id)));
  const countries = of('COUNTRY').filter((m) => m.how !== 'capital' || capitalForGovernment(doc, m));
  // A capital standing for its government is not a place there ("talks between Pyongyang and
  // Washington", "Washington is pressing").
  const governments = countries.filter((m) => m.how === 'capital');
  const places = of('PLACE').filter((p) => !governments.some((g) => g.start === p.start && g.end === p.end));
  const named = new Set(countries.map((c) => c.id.slice('country:'.length)));
  for (const f of vocab.countries.contextForms) {
    if (!f.context.some((iso) => named.has(iso))) continue;
    for (const m of doc.text.matchAll(new RegExp(`\\b${f.phrase.replace(/^the /, '[Tt]he ')}\\b(?!\\s+(?:of|\\p{Lu}))`, 'gu'))) {
      const c = gaz.get(`country:${f.country}`);
      if (c) countries.push(synthetic(doc, 'COUNTRY', c.id, c.name, m.index, m.index + m[0].length, 'context-form', 0.75));
    }
  }
  for (const m of doc.text.matchAll(/\btwo Koreas\b/g)) {
    for (const iso of ['PRK', 'KOR']) {
      const c = gaz.get(`country:${iso}`);
      if (c) countries.push(synthetic(doc, 'COUNTRY', c.id, c.name, m.index, m.index + m[0].length, 'two-koreas', 0.8));
    }
  }
  return { people, organizations: of('ORGANIZATION'), countries, places, talks: of('TALKS'), warnings };
}

export function synthetic(doc: TextDoc, kind: EntityKind, id: string, name: string, start: number, end: number, rule: string, confidence: number): Mention {
  return { kind, id, name, text: doc.text.slice(start, end), start, end, sentence: sentenceAt(doc, start), inQuote: insideQuote(doc, start, end), method: 'rule', rule, confidence };
}

/**
 * Resolves single-word person mentions: first to a full name the article already used (the most
 * recent before it, else the only one), then to a gazetteer person whose name contains the word and
 * who held office on the article's date. Two people sharing a surname are never merged: an
 * unresolvable word is dropped with a warning rather than matched wrongly.
 */
function resolvePeople(mentions: Mention[], gaz: Gazetteer, published: string | undefined, warnings: string[], countryIds: Set<string>): Mention[] {
  const out: Mention[] = [];
  const full = mentions.filter((m) => m.id !== '');
  const leaders = gaz.leaders();
  const words = (name: string): string[] => name.split(/[\s-]+/).map((w) => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
  for (const m of mentions) {
    if (m.id !== '') {
      out.push(familyNameFirst(m, gaz));
      continue;
    }
    const word = m.name.replace(/[’']s$/, '');
    const key = words(word).join(' ');
    const inArticle = full.filter((f) => words(f.name).includes(key) || words(f.name).join('').endsWith(key.replace(/ /g, '')) && words(f.name).slice(-1)[0] === key);
    const ids = [...new Set(inArticle.map((f) => f.id))];
    if (ids.length >= 1) {
      // Several people share the word ("Kim Jong Un", "Kim Jong Il"): the one named in this or the
      // previous sentence, else the one the article names most.
      const before = inArticle.filter((f) => f.start < m.start);
      const recent = before.filter((f) => m.sentence - f.sentence <= 1);
      const count = (id: string): number => full.filter((f) => f.id === id).length;
      const byCount = [...ids].sort((a, b) => count(b) - count(a));
      const pick = ids.length === 1 ? ids[0] : recent.length > 0 ? recent[recent.length - 1]?.id : count(byCount[0] as string) > count(byCount[1] as string) ? byCount[0] : before[before.length - 1]?.id;
      if (pick) {
        out.push({ ...m, id: pick, name: full.find((f) => f.id === pick)?.name ?? word, rule: 'article-surname', confidence: Math.max(m.confidence, 0.8) });
        continue;
      }
    }
    const candidates = leaders.filter((e) => words(e.name).includes(key) && e.terms.some((t) => covers(t, published)));
    const c = candidates.length === 1 ? candidates[0] : mostLikely(candidates, m, countryIds, published);
    if (c) {
      out.push({ ...m, id: c.id, name: c.name, rule: 'gazetteer-surname', confidence: m.rule === 'surname?' ? 0.7 : 0.75 });
      continue;
    }
    if (m.rule !== 'surname?') warnings.push(`unresolved name ${JSON.stringify(word)} at offset ${m.start}`);
  }
  return out;
}

/**
 * "Kishida Fumio" as NHK and Japanese outlets print it: a two-word name the gazetteer lacks whose
 * reversed order is exactly one gazetteer person is that person.
 */
function familyNameFirst(m: Mention, gaz: Gazetteer): Mention {
  if (!m.id.startsWith('person:') || gaz.get(m.id)) return m;
  const parts = m.name.trim().split(/\s+/);
  if (parts.length !== 2) return m;
  const ids = gaz.lookup(`${parts[1]} ${parts[0]}`).filter((id) => id.startsWith('person:'));
  const e = ids.length === 1 ? gaz.get(ids[0] as string) : undefined;
  return e ? { ...m, id: e.id, name: e.name, rule: 'family-name-first', confidence: Math.min(m.confidence, 0.8) } : m;
}

/**
 * Among office holders sharing a surname ("Kim": Kim Jong Un and, until 2019, Kim Yong Nam), the one
 * the article means: the one whose office the mention's title names ("leader Kim"), else the only
 * one of a country the article names, else the far better known one (many more name forms in the
 * gazetteer). Undefined when none stands out.
 */
function mostLikely(candidates: GazEntity[], m: Mention, countryIds: Set<string>, published: string | undefined): GazEntity | undefined {
  if (candidates.length === 0) return undefined;
  const title = m.title?.toLowerCase();
  if (title) {
    const byTitle = candidates.filter((c) => c.terms.some((t) => covers(t, published) && t.title.toLowerCase().includes(title.replace(/^.*\s/, ''))));
    if (byTitle.length === 1) return byTitle[0];
  }
  const inArticle = candidates.filter((c) => c.terms.some((t) => covers(t, published) && countryIds.has(t.country)));
  const pool = inArticle.length > 0 ? inArticle : candidates;
  if (pool.length === 1) return pool[0];
  const sorted = [...pool].sort((a, b) => b.aliases.length - a.aliases.length);
  return (sorted[0] as GazEntity).aliases.length >= 2 * (sorted[1] as GazEntity).aliases.length + 2 ? sorted[0] : undefined;
}

const GOVERNMENT_VERBS = 'said|says|has|have|had|is|was|were|will|would|wants|wanted|pulled|denies|denied|accused|insisted|warned|welcomed|agreed|rejected|responded|reacted|announced|sees|saw|sent|extended|signed|hopes|believes|fears|considers|demanded|refused|insists|argues|seeks|sought|called|condemned|protested|dismissed|regards|views|needs|must|may|can|could|should|also|did|does';

/**
 * A capital stands for its government as a subject ("Pyongyang pulled out", "Moscow and Washington
 * extended"), a possessive ("Beijing's"), or the far end of a message or relation ("a message to
 * Washington", "ties between Seoul and Tokyo"); as a plain location ("in Brussels") it does not.
 */
export function capitalForGovernment(doc: TextDoc, m: Mention): boolean {
  const after = doc.text.slice(m.end, m.end + 60);
  const before = doc.text.slice(Math.max(0, m.start - 40), m.start);
  const verbs = new RegExp(`^\\s+(?:${GOVERNMENT_VERBS})\\b`);
  if (/\b(?:visits?|trip|flight|flew|fly|flying|travel(?:l?ed)?|arrived|returned|went|going|back|home|in|at|near)\s+(?:to\s+|in\s+)?$/i.test(before)) return false;
  if (/^[’']s\b/.test(after) || verbs.test(after)) return true;
  if (new RegExp(`^\\s+(?:and|or)\\s+\\p{Lu}[\\p{L}.]+(?:[’']s)?\\s+(?:${GOVERNMENT_VERBS})\\b`, 'u').test(after)) return true;
  if (/\b(?:message|messages|signal|pressure|warning|ties|relations|talks|dialogue|deal|agreement|rift|channel|overtures?|concessions?)\s+(?:to|on|with|between|from)\s+$/.test(before)) return true;
  if (/\bbetween\s+\p{Lu}[\p{L}.]+\s+and\s+$/u.test(before) || (/^\s+and\s+\p{Lu}[\p{L}.]+\b/u.test(after) && /\bbetween\s+$/.test(before))) return true;
  return false;
}
