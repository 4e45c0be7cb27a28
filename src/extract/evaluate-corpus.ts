import type { SeedDocument, SeedEntity } from '../seed/model.js';
import type { Gazetteer } from './gazetteer.js';

/**
 * Scoring an extraction against a gold file of the real-news corpus format (../shared/corpus/gold/*.json;
 * conventions in that folder's README). Gold files name things by name, not by id, so everything is
 * matched by name: an extracted entity matches a gold name when its name or one of its aliases (the
 * forms the article used) is the same name up to case, accents, punctuation and a leading "The", a
 * two-word person name in either order ("Kishida Fumio"), or when the gazetteer knows the gold name
 * as a name or alias of that entity (aliases both ways).
 *
 * Categories (issue 21's definitions). Recall is what the bars are on; precision is reported too.
 * - leaders, countries, organizations: recall of the gold names among the article's extracted
 *   entities of that kind (PERSON, COUNTRY, ORGANIZATION). Precision: the share of extracted
 *   Leader-labelled persons / countries / organizations that match a gold name; an organization
 *   whose names are not written in the body (a front-matter outlet) is not counted either way.
 * - people_quoted: the gold person is the speaker of at least one extracted quote. Precision: the
 *   share of distinct extracted speakers who are gold quoted people.
 * - attribution: the extracted quote whose span holds the gold `quote_start` has the gold person as its
 *   speaker. Precision: right speakers over quotes given a speaker at all (a wrong speaker is worse
 *   than none).
 * - affiliations: for each gold quoted person with an organization, that person is AFFILIATED_WITH an
 *   extracted organization of that name. Precision: the share of the affiliations extracted for gold
 *   quoted people that match the gold organization.
 * - summit: the article's main summit: each gold participant who ATTENDED it, its date (the gold
 *   `date` or one of `alt_dates`; a multi-day extracted summit also matches when a gold date lies in
 *   its date..endDate), its place (the gold place, a place the gold place lies within, or a place
 *   inside the gold place) and its country, over participants + 3. Precision: the extracted
 *   participants, date, place and country that are right, over those extracted.
 */

export const CORPUS_CATEGORIES = ['leaders', 'countries', 'organizations', 'people_quoted', 'attribution', 'affiliations', 'summit'] as const;
export type CorpusCategory = (typeof CORPUS_CATEGORIES)[number];

export interface CorpusGold {
  summit: { participants: string[]; date: string | null; place: string | null; country: string | null; alt_dates?: string[] };
  leaders: { name: string; country: string | null; title: string | null }[];
  countries: string[];
  people_quoted: { name: string; role: string | null; organization: string | null; quote_start: string }[];
  organizations: string[];
  other_meetings_mentioned?: unknown[];
}

/** One category's counts for one article or a whole folder. */
export interface Tally {
  /** Gold items found, and gold items in all (recall = found / total). */
  found: number;
  total: number;
  /** Extracted items that are right, and extracted items in all (precision = correct / extracted). */
  correct: number;
  extracted: number;
  /** Gold items not found, and extracted items that are wrong, for whoever tunes the extractor. */
  missed: string[];
  wrong: string[];
}

export function emptyTally(): Tally {
  return { found: 0, total: 0, correct: 0, extracted: 0, missed: [], wrong: [] };
}

export function addTally(into: Tally, t: Tally): void {
  into.found += t.found;
  into.total += t.total;
  into.correct += t.correct;
  into.extracted += t.extracted;
  into.missed.push(...t.missed);
  into.wrong.push(...t.wrong);
}

/** Recall (1 when there is nothing to find) and precision (1 when nothing was extracted). */
export function rates(t: Tally): { recall: number; precision: number } {
  return { recall: t.total === 0 ? 1 : t.found / t.total, precision: t.extracted === 0 ? 1 : t.correct / t.extracted };
}

/** The macro score: the mean of the categories' recalls. */
export function macro(tallies: Record<CorpusCategory, Tally>): number {
  return CORPUS_CATEGORIES.reduce((sum, c) => sum + rates(tallies[c]).recall, 0) / CORPUS_CATEGORIES.length;
}

/**
 * The form names are compared in: accents stripped, lowercase, a leading "the" and a trailing
 * "(qualifier)" dropped, then only letters and digits ("Kim Jong-un" = "Kim Jong Un", "U.N." = "UN").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * The keys a name is known by: its own, and for a person's two-word name the other order as well
 * ("Kishida Fumio" as NHK prints it is "Fumio Kishida").
 */
function keysOfName(name: string): string[] {
  const words = name.trim().split(/\s+/);
  return words.length === 2 ? [nameKey(name), nameKey(`${words[1]} ${words[0]}`)] : [nameKey(name)];
}

function keysOf(e: SeedEntity): Set<string> {
  return new Set([e.name, ...(e.aliases ?? [])].flatMap((n) => (e.kind === 'PERSON' ? keysOfName(n) : [nameKey(n)])));
}

/** True when some form of an entity's name (its name or an alias) is written in the body. */
function namedIn(e: SeedEntity, body: string): boolean {
  const lower = body.toLowerCase();
  return [e.name, ...(e.aliases ?? [])].some((n) => n.length > 0 && lower.includes(n.toLowerCase()));
}

export interface ScoredExtraction {
  doc: SeedDocument;
  /** The article's main summit, when the extractor found one. */
  summitId?: string;
}

/**
 * Scores one extraction. `text` is the article body the extraction's offsets refer to (quotes are
 * located in it); `gaz` supplies what a gold place lies within.
 */
export function scoreCorpusArticle(ex: ScoredExtraction, gold: CorpusGold, text: string, gaz: Gazetteer): Record<CorpusCategory, Tally> {
  const entities = ex.doc.entities ?? [];
  const relations = ex.doc.relations ?? [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const mentioned = (kind: string): SeedEntity[] => entities.filter((e) => e.kind === kind && e.mentioned !== false);
  // A gold name matches an entity by any of the entity's names (name, aliases, either word order),
  // and the other way: the gazetteer entity the gold name is a name or alias of.
  const sameAs = (e: SeedEntity, name: string): boolean => {
    const keys = keysOf(e);
    return keysOfName(name).some((k) => keys.has(k)) || gaz.lookup(name).includes(e.id);
  };
  const matches = (id: string | undefined, name: string | null | undefined): boolean => {
    if (id === undefined || !name) return false;
    const e = byId.get(id);
    return e !== undefined && sameAs(e, name);
  };

  // ---- leaders, countries, organizations: gold names among the extracted entities of the kind.
  const recallOf = (kind: string, goldNames: string[], counted: SeedEntity[]): Tally => {
    const t = emptyTally();
    const pool = mentioned(kind);
    for (const name of new Set(goldNames)) {
      t.total++;
      if (pool.some((e) => sameAs(e, name))) t.found++;
      else t.missed.push(name);
    }
    for (const e of counted) {
      t.extracted++;
      if (goldNames.some((name) => sameAs(e, name))) t.correct++;
      else t.wrong.push(`${e.name} (${e.id})`);
    }
    return t;
  };
  const leaders = recallOf(
    'PERSON',
    gold.leaders.map((l) => l.name),
    mentioned('PERSON').filter((e) => e.labels?.includes('Leader')),
  );
  const countries = recallOf('COUNTRY', gold.countries, mentioned('COUNTRY'));
  // The definition counts organizations named in the body: one known only from the front matter (the
  // outlet of a wire report that never names itself) is extracted, but neither right nor wrong here.
  const organizations = recallOf(
    'ORGANIZATION',
    gold.organizations,
    mentioned('ORGANIZATION').filter((e) => namedIn(e, text)),
  );

  // ---- people quoted and attribution.
  const quotes = (ex.doc.quotes ?? []).map((q) => {
    const at = typeof q.evidence === 'object' ? q.evidence.at : text.indexOf(q.evidence ?? q.text);
    return { speaker: q.speaker, start: at, end: at + q.text.length, text: q.text };
  });
  const speakers = [...new Set(quotes.map((q) => q.speaker))];
  const peopleQuoted = emptyTally();
  const goldSpeakers = [...new Set(gold.people_quoted.map((p) => p.name))];
  for (const name of goldSpeakers) {
    peopleQuoted.total++;
    if (speakers.some((s) => matches(s, name))) peopleQuoted.found++;
    else peopleQuoted.missed.push(name);
  }
  for (const s of speakers) {
    peopleQuoted.extracted++;
    if (goldSpeakers.some((name) => matches(s, name))) peopleQuoted.correct++;
    else peopleQuoted.wrong.push(`${byId.get(s)?.name ?? s} (${s})`);
  }

  const attribution = emptyTally();
  for (const p of gold.people_quoted) {
    attribution.total++;
    const q = quoteHolding(quotes, text, p.quote_start);
    const label = `${p.name}: ${p.quote_start}`;
    if (!q) {
      attribution.missed.push(`${label} (no quote extracted)`);
      continue;
    }
    attribution.extracted++;
    if (matches(q.speaker, p.name)) {
      attribution.found++;
      attribution.correct++;
    } else {
      const given = byId.get(q.speaker)?.name ?? q.speaker;
      attribution.missed.push(`${label} (given to ${given})`);
      attribution.wrong.push(`${given} for ${p.name}: ${p.quote_start}`);
    }
  }

  // ---- affiliations of quoted people.
  const affiliations = emptyTally();
  const affiliated = relations.filter((r) => r.type === 'AFFILIATED_WITH');
  for (const name of goldSpeakers) {
    const p = gold.people_quoted.find((x) => x.name === name);
    const people = entities.filter((e) => e.kind === 'PERSON' && sameAs(e, name)).map((e) => e.id);
    const links = affiliated.filter((r) => people.includes(r.from));
    if (p?.organization) {
      affiliations.total++;
      if (links.some((r) => matches(r.to, p.organization))) affiliations.found++;
      else affiliations.missed.push(`${name} -> ${p.organization}${links.length > 0 ? ` (extracted: ${links.map((r) => byId.get(r.to)?.name ?? r.to).join(', ')})` : ''}`);
    }
    for (const r of links) {
      affiliations.extracted++;
      if (p?.organization && matches(r.to, p.organization)) affiliations.correct++;
      else affiliations.wrong.push(`${name} -> ${byId.get(r.to)?.name ?? r.to}`);
    }
  }

  // ---- the summit.
  const summit = emptyTally();
  const g = gold.summit;
  const sid = ex.summitId;
  const s = sid ? byId.get(sid) : undefined;
  const attended = sid ? relations.filter((r) => r.type === 'ATTENDED' && r.to === sid).map((r) => r.from) : [];
  for (const name of g.participants) {
    summit.total++;
    if (attended.some((id) => matches(id, name))) summit.found++;
    else summit.missed.push(`participant ${name}`);
  }
  for (const id of attended) {
    summit.extracted++;
    if (g.participants.some((name) => matches(id, name))) summit.correct++;
    else summit.wrong.push(`participant ${byId.get(id)?.name ?? id}`);
  }
  // Date.
  const goldDates = [g.date, ...(g.alt_dates ?? [])].filter((d): d is string => !!d);
  const date = typeof s?.date === 'string' ? s.date : undefined;
  const endDate = typeof s?.endDate === 'string' ? s.endDate : date;
  const dateOk = date !== undefined && goldDates.some((d) => d === date || (endDate !== undefined && date <= d && d <= endDate));
  tallyOne(summit, g.date !== null, date !== undefined, dateOk, `date ${g.date}`, `date ${date}${endDate !== date ? `..${endDate}` : ''}`);
  // Place: the extracted place, the places it lies in (by the extraction's LOCATED_IN), and what the
  // gazetteer says the gold place lies within.
  const heldIn = sid ? relations.find((r) => r.type === 'HELD_IN' && r.from === sid)?.to : undefined;
  const chain = heldIn ? locatedChain(heldIn, relations) : [];
  const placeOk =
    heldIn !== undefined &&
    !!g.place &&
    (chain.some((id) => matches(id, g.place)) || gazAncestors(gaz, g.place).some((k) => keysOf(byId.get(heldIn) ?? { id: heldIn, kind: 'PLACE', name: heldIn }).has(k)));
  tallyOne(summit, g.place !== null, heldIn !== undefined, placeOk, `place ${g.place}`, `place ${heldIn ? byId.get(heldIn)?.name ?? heldIn : ''}`);
  const country = chain.find((id) => id.startsWith('country:'));
  tallyOne(summit, g.country !== null, country !== undefined, matches(country, g.country), `country ${g.country}`, `country ${country ? byId.get(country)?.name ?? country : ''}`);

  return { leaders, countries, organizations, people_quoted: peopleQuoted, attribution, affiliations, summit };
}

function tallyOne(t: Tally, inGold: boolean, extracted: boolean, ok: boolean, goldLabel: string, gotLabel: string): void {
  if (inGold) {
    t.total++;
    if (ok) t.found++;
    else t.missed.push(`${goldLabel}${extracted ? ` (extracted ${gotLabel})` : ''}`);
  }
  if (extracted) {
    t.extracted++;
    if (ok) t.correct++;
    else t.wrong.push(gotLabel);
  }
}

/**
 * The extracted quote whose span holds an occurrence of `start` in the text (overlaps it: a gold start
 * may begin with a mark or space the extractor trimmed), the first such occurrence.
 */
function quoteHolding<Q extends { start: number; end: number }>(quotes: Q[], text: string, start: string): Q | undefined {
  for (let at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
    const q = quotes.find((x) => x.start < at + start.length && at < x.end);
    if (q) return q;
  }
  return undefined;
}

/** A place and everything the extraction says it lies in, nearest first. */
function locatedChain(id: string, relations: SeedDocument['relations'] & object): string[] {
  const out = [id];
  for (let cur = id, i = 0; i < 8; i++) {
    const next = relations.find((r) => r.type === 'LOCATED_IN' && r.from === cur)?.to;
    if (!next || out.includes(next)) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** Name keys of the places the gazetteer says a gold place (by name) lies within. */
function gazAncestors(gaz: Gazetteer, place: string): string[] {
  const out: string[] = [];
  for (const id of gaz.lookup(place)) {
    let cur = gaz.get(id);
    for (let i = 0; cur?.within && i < 6; i++) {
      cur = gaz.get(cur.within);
      if (cur) out.push(...[cur.name, ...cur.aliases].map(nameKey));
    }
  }
  return out;
}
