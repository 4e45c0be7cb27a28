import type { EntityKind, SeedDocument, SeedEntity, SeedEvidence, SeedQuote, SeedRelation } from '../seed/model.js';
import { slugify, type GazEntity, type Gazetteer } from './gazetteer.js';
import { covers, findMentions, type Mention } from './mentions.js';
import { attributeQuotes, subjectOf } from './quotes.js';
import { buildTextDoc, insideQuote, type TextDoc } from './text.js';
import type { NlpDoc } from '../nlp/types.js';

/**
 * The extractor: one article's text in, a seed document out (the format reviewed seed files use),
 * with every fact carrying its evidence (the exact text and offset), the rule that produced it
 * (`method`) and a confidence. Pure and synchronous: no I/O, no database; resolution against the
 * graph happens in the ingest step.
 */

export interface ArticleInput {
  id: string;
  /** The text evidence offsets refer to (front matter removed). */
  text: string;
  title: string;
  published?: string;
  url?: string;
  outlet?: string;
  author?: string;
}

export interface Extraction {
  doc: SeedDocument;
  /** Things a reviewer should look at: names that matched nothing, ambiguous surnames. */
  warnings: string[];
  /** The summit the article is about, when one was found. */
  summitId?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const THINK_TANK = /\b(institute|institution|center|centre|foundation|endowment|council on|studies|group|club|society|program|project|university|school|academy)\b/i;
const GOVERNMENT = /\b(department|ministry|white house|kremlin|pentagon|state council|embassy|cabinet|office of|secretariat|forces|army|navy|government|administration|blue house|commission)\b/i;
const ANALYST_TITLE = /\b(fellow|analyst|scholar|professor|researcher|research|expert|chair|director|head of|lecturer|economist|associate)\b/i;
const OFFICIAL_TITLE = /\b(minister|secretary|ambassador|spokes(?:man|woman|person)|official|adviser|advisor|envoy|diplomat|negotiator|foreign|senator|governor|general|admiral|representative|counselor|aide|press secretary|commander)\b/i;
const MEETING = /\b(summit|met|meet|meeting|talks|shook hands|sat down|hosted|held)\b/i;

/**
 * `nlp` is the NLP service's annotation of `input.text` (accurate mode); undefined is rules mode.
 * Not used yet: the stages that consume it are being written on the `extract` branch.
 */
export function extractArticle(input: ArticleInput, gaz: Gazetteer, nlp?: NlpDoc): Extraction {
  void nlp;
  const warnings: string[] = [];
  const doc = buildTextDoc(input.text);
  const published = input.published ?? findFirstDate(input.text);
  const ctx = published !== undefined ? { published } : {};
  const raw = findMentions(doc, gaz, ctx);

  // ---- People: resolve surnames and titles against the article's full names, then the gazetteer.
  const people = resolvePeople(raw.filter((m) => m.kind === 'PERSON'), gaz, published, warnings);
  const orgs = raw.filter((m) => m.kind === 'ORGANIZATION');
  const places = raw.filter((m) => m.kind === 'PLACE');
  const talksMentions = raw.filter((m) => m.kind === 'TALKS');

  // Forums without a secretariat (G7, G20) are groupings of countries: talks, not organizations.
  const forumIds = new Set(orgs.filter((m) => /intergovernmental forum|grouping/i.test(gaz.get(m.id)?.orgType ?? '')).map((m) => m.id));
  const realOrgs = orgs.filter((m) => !forumIds.has(m.id));

  const unnamed = findUnnamedSpokespeople(doc, realOrgs);
  const quotes = attributeQuotes(doc, people, unnamed.map((u) => u.person));

  // ---- Countries (outside organization names, and capitals only where they stand for a government).
  const countries = raw.filter((m) => m.kind === 'COUNTRY' && (m.how !== 'capital' || capitalForGovernment(doc, m)));
  for (const m of doc.text.matchAll(/\btwo Koreas\b/g)) {
    for (const iso of ['PRK', 'KOR']) countries.push(syntheticMention('COUNTRY', `country:${iso}`, iso, m.index, m.index + m[0].length, doc, 'pattern:two-koreas', 0.8));
  }

  // ---- Author and outlet.
  const authorIds: string[] = [];
  const byline = /(?:^|\n)[ \t]*By[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,3})[ \t]*(?:,[ \t]*([^\n]+))?(?:\n|$)/u.exec(input.text);
  const authorName = input.author ?? byline?.[1];
  const outletId = resolveOutlet(input, doc, gaz, realOrgs, byline?.[2]);
  if (authorName) authorIds.push(`person:${slugify(authorName)}`);

  // ---- Entities.
  const entities = new Map<string, SeedEntity>();
  const aliasesOf = new Map<string, Set<string>>();
  const addEntity = (kind: EntityKind, id: string, surface: string, m: Mention | undefined, extra: Partial<SeedEntity> = {}): void => {
    const known = gaz.get(id);
    const name = known?.name ?? surface;
    const prev = entities.get(id);
    if (!prev) {
      entities.set(id, {
        id,
        kind,
        name,
        ...(kind === 'COUNTRY' ? { isoCode: id.slice('country:'.length) } : {}),
        ...(m ? { evidence: { text: doc.text.slice(m.start, m.end), at: m.start }, method: m.rule, confidence: m.confidence } : {}),
        ...extra,
      });
    } else if (extra.labels) {
      prev.labels = [...new Set([...(prev.labels ?? []), ...extra.labels])];
    }
    if (surface !== name && kind !== 'COUNTRY') {
      const set = aliasesOf.get(id) ?? new Set<string>();
      set.add(surface.replace(/’/g, "'"));
      aliasesOf.set(id, set);
    }
  };

  for (const m of people) addEntity('PERSON', m.id, m.name, m);
  for (const u of unnamed) addEntity('PERSON', u.person.id, u.person.name, u.person, { labels: ['Official'] });
  for (const m of realOrgs) addEntity('ORGANIZATION', m.id, m.name, m, orgExtras(gaz.get(m.id)));
  for (const m of countries) addEntity('COUNTRY', m.id, m.name, m);
  if (authorName) addEntity('PERSON', authorIds[0] as string, authorName, undefined, { labels: ['Journalist'], method: input.author ? 'front-matter:author' : 'pattern:byline', confidence: 0.9 });
  if (outletId && !entities.has(outletId)) {
    const o = gaz.get(outletId);
    addEntity('ORGANIZATION', outletId, o?.name ?? input.outlet ?? outletId, undefined, { method: 'front-matter:outlet', confidence: 0.9, ...orgExtras(o) });
  }

  const relations: SeedRelation[] = [];
  const relKeys = new Set<string>();
  const addRelation = (r: SeedRelation): void => {
    const key = `${r.type}|${r.from}|${r.to}|${String(r.title ?? '')}|${String(r.since ?? '')}`;
    if (relKeys.has(key) || r.from === r.to) return;
    relKeys.add(key);
    relations.push(r);
  };
  const ev = (m: { start: number; end: number }): SeedEvidence => {
    const sentence = doc.sentences.find((s) => m.start >= s.start && m.start < s.end);
    return sentence ? { text: sentence.text, at: sentence.start } : { text: doc.text.slice(m.start, m.end), at: m.start };
  };

  // ---- Leaders and their offices.
  const labels = new Map<string, Set<string>>();
  const label = (id: string, l: string): void => {
    const set = labels.get(id) ?? new Set<string>();
    set.add(l);
    labels.set(id, set);
  };
  for (const m of people) {
    const g = gaz.get(m.id);
    if (g && g.terms.length > 0) {
      label(m.id, 'Leader');
      const term = g.terms.find((t) => covers(t, published));
      if (term) {
        addRelation({ type: 'LEADS', from: m.id, to: term.country, title: term.title, ...(term.since ? { since: term.since } : {}), ...(term.until ? { until: term.until } : {}), evidence: ev(m), method: 'gazetteer:term', confidence: 0.9 });
        if (!entities.has(term.country)) addEntity('COUNTRY', term.country, gaz.get(term.country)?.name ?? term.country, undefined, { mentioned: false });
      }
    } else if (g?.labels.includes('Leader')) {
      label(m.id, 'Leader');
    } else if (m.title && /\b(president|prime minister|premier|chancellor|supreme leader|king|emperor)\b/i.test(m.title) && !/\b(vice|deputy|former|minister of|ministers?\b(?! ?$))/i.test(m.title)) {
      label(m.id, 'Leader');
      if (m.titleCountry) addRelation({ type: 'LEADS', from: m.id, to: m.titleCountry, title: titleCase(m.title.replace(/^(the|former)\s+/i, '')), evidence: ev(m), method: 'pattern:title-country', confidence: 0.6 });
    } else if (m.title && OFFICIAL_TITLE.test(m.title)) {
      label(m.id, 'Official');
    }
  }

  // ---- Affiliations.
  for (const a of findAffiliations(doc, people, realOrgs, gaz)) {
    addRelation({ type: 'AFFILIATED_WITH', from: a.person, to: a.org, ...(a.title ? { title: a.title } : {}), evidence: ev(a), method: a.rule, confidence: 0.8 });
    const orgType = gaz.get(a.org)?.orgType ?? '';
    const orgName = entities.get(a.org)?.name ?? '';
    if (labels.get(a.person)?.has('Leader')) continue;
    if ((a.title && OFFICIAL_TITLE.test(a.title) && !ANALYST_TITLE.test(a.title)) || /government/.test(orgType) || (GOVERNMENT.test(orgName) && !THINK_TANK.test(orgName))) label(a.person, 'Official');
    else if (/think tank|university/.test(orgType) || THINK_TANK.test(orgName) || (a.title && ANALYST_TITLE.test(a.title))) label(a.person, 'Analyst');
  }
  for (const u of unnamed) {
    addRelation({ type: 'AFFILIATED_WITH', from: u.person.id, to: u.org, title: u.title, evidence: ev(u.person), method: 'pattern:unnamed-spokesperson', confidence: 0.8 });
  }
  if (authorIds[0] && outletId) {
    addRelation({ type: 'AFFILIATED_WITH', from: authorIds[0], to: outletId, ...(byline ? { evidence: { text: byline[0].trim(), at: byline.index } } : {}), method: byline ? 'pattern:byline-outlet' : 'front-matter:author-outlet', confidence: 0.7 });
  }
  // A quoted person with no office, gazetteer entry or affiliation is still somebody: leave roles empty.

  // ---- The summit.
  const leaderMentions = people.filter((m) => labels.get(m.id)?.has('Leader') && !m.inQuote);
  const summit = findSummit(doc, leaderMentions, places, gaz, published);
  let summitId: string | undefined;
  if (summit) {
    summitId = summit.id;
    const participantNames = summit.participants.map((id) => entities.get(id)?.name ?? id);
    addEntity('SUMMIT', summit.id, `${participantNames.join(' - ')} summit${summit.cityName ? ` in ${summit.cityName}` : ''}`, undefined, {
      date: summit.date,
      method: 'pattern:summit',
      confidence: 0.75,
      evidence: { text: summit.sentence.text, at: summit.sentence.start },
    });
    for (const p of summit.participants) addRelation({ type: 'ATTENDED', from: p, to: summit.id, evidence: { text: summit.sentence.text, at: summit.sentence.start }, method: 'pattern:summit-participants', confidence: 0.75 });
    if (summit.place) {
      const placeMention = places.find((p) => p.id === summit.place);
      addEntity('PLACE', summit.place, gaz.get(summit.place)?.name ?? summit.place, placeMention, placeExtras(gaz.get(summit.place)));
      addRelation({ type: 'HELD_IN', from: summit.id, to: summit.place, evidence: placeMention ? ev(placeMention) : { text: summit.sentence.text, at: summit.sentence.start }, method: 'pattern:summit-place', confidence: 0.7 });
      addPlaceChain(summit.place, gaz, addEntity, addRelation);
    }
  }

  // ---- Multilateral talks.
  for (const t of findTalks(doc, countries, talksMentions, gaz)) {
    addEntity('TALKS', t.id, t.name, undefined, { ...(t.start ? { startYear: t.start } : {}), method: 'pattern:talks', confidence: 0.7, evidence: t.evidence });
    for (const [country, info] of t.members) {
      addRelation({ type: 'MEMBER_OF', from: country, to: t.id, ...(t.start ? { joined: t.start } : {}), ...(info.left ? { left: info.left } : {}), evidence: info.evidence, method: 'pattern:talks-members', confidence: 0.65 });
    }
  }

  // ---- Other meetings.
  for (const met of findMeetings(doc, people, countries, gaz, published)) {
    if (summit && summit.participants.includes(met.from) && summit.participants.includes(met.to)) continue;
    for (const id of [met.from, met.to]) if (!entities.has(id)) addEntity('PERSON', id, gaz.get(id)?.name ?? id, undefined, { method: 'gazetteer:leader-of', confidence: 0.6, mentioned: false });
    label(met.to, 'Leader');
    addRelation({ type: 'MET', from: met.from, to: met.to, evidence: met.evidence, method: met.rule, confidence: 0.6 });
  }

  for (const [id, set] of labels) {
    const e = entities.get(id);
    if (e) e.labels = [...new Set([...(e.labels ?? []), ...set])];
  }
  for (const [id, set] of aliasesOf) {
    const e = entities.get(id);
    if (e) e.aliases = [...set].filter((a) => a !== e.name);
  }

  const seedQuotes: SeedQuote[] = quotes.map((q, i) => {
    const inside = countries.filter((c) => c.start >= q.span.start && c.end <= q.span.end).map((c) => c.id);
    return {
      id: `quote:${input.id.slice('article:'.length)}-${String(i + 1).padStart(2, '0')}`,
      speaker: q.speaker,
      text: q.text,
      about: [...new Set([...(summitId ? [summitId] : []), ...inside])],
      evidence: { text: q.text, at: q.span.start },
      method: q.rule,
      confidence: q.confidence,
    };
  });
  for (const q of seedQuotes) if (!entities.has(q.speaker)) warnings.push(`quote ${q.id}: speaker ${q.speaker} is not an extracted person`);

  const doc_: SeedDocument = {
    format: 'summit-graph/seed@1',
    article: {
      id: input.id,
      title: input.title,
      ...(input.url ? { url: input.url } : {}),
      ...(published ? { publishedAt: published } : {}),
      ...(outletId ? { outlet: outletId } : {}),
      ...(authorIds.length > 0 ? { authors: authorIds } : {}),
    },
    entities: [...entities.values()],
    relations,
    quotes: seedQuotes.filter((q) => entities.has(q.speaker)),
  };
  return { doc: doc_, warnings, ...(summitId ? { summitId } : {}) };
}

// ---------------------------------------------------------------------------------------------

const GOVERNMENT_VERBS = 'said|says|has|have|had|is|was|were|will|would|wants|wanted|pulled|denies|denied|accused|insisted|warned|welcomed|agreed|rejected|responded|reacted|announced|sees|saw|sent|extended|signed|hopes|believes|fears|considers|demanded|refused|insists|argues|seeks|sought|called|condemned|protested|dismissed|regards|views|needs|must|may|can|could|should|also|did|does';

/**
 * A capital stands for its government as a subject ("Pyongyang pulled out", "Moscow and Washington
 * extended"), a possessive ("Beijing's"), or the far end of a message or relation ("a message to
 * Washington", "ties between Seoul and Tokyo"); as a plain location ("in Brussels") it does not.
 */
function capitalForGovernment(doc: TextDoc, m: Mention): boolean {
  const after = doc.text.slice(m.end, m.end + 60);
  const before = doc.text.slice(Math.max(0, m.start - 40), m.start);
  const verbs = new RegExp(`^\\s+(?:${GOVERNMENT_VERBS})\\b`);
  if (/\b(?:visits?|trip|flight|flew|fly|flying|travel(?:l?ed)?|arrived|returned|went|going|back|home|in|at|near)\s+(?:to\s+|in\s+)?$/i.test(before)) return false;
  if (/^[’']s\b/.test(after) || verbs.test(after)) return true;
  if (new RegExp(`^\\s+(?:and|or)\\s+\\p{Lu}[\\p{L}.]+(?:[’']s)?\\s+(?:${GOVERNMENT_VERBS})\\b`, 'u').test(after)) return true;
  if (/\b(?:message|messages|signal|pressure|warning|ties|relations|talks|dialogue|deal|agreement|rift|channel|overtures?|concessions?)\s+(?:to|on|with|between|from)\s+$/.test(before)) return true;
  if (/\bbetween\s+\p{Lu}[\p{L}.]+\s+and\s+$/u.test(before) || /^\s+and\s+\p{Lu}[\p{L}.]+\b/u.test(after) && /\bbetween\s+$/.test(before)) return true;
  return false;
}

function syntheticMention(kind: EntityKind, id: string, name: string, start: number, end: number, doc: TextDoc, rule: string, confidence: number): Mention {
  const sentence = doc.sentences.find((s) => start >= s.start && start < s.end)?.index ?? 0;
  return { kind, id, name, start, end, sentence, inQuote: insideQuote(doc, start, end), rule, confidence };
}

function titleCase(s: string): string {
  return s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}

function orgExtras(g: GazEntity | undefined): Partial<SeedEntity> {
  return g?.orgType ? { orgType: g.orgType } : {};
}

function placeExtras(g: GazEntity | undefined): Partial<SeedEntity> {
  return g?.placeType ? { placeType: g.placeType } : {};
}

/** Adds LOCATED_IN for a place and its ancestors, as far as the gazetteer knows them. */
function addPlaceChain(
  placeId: string,
  gaz: Gazetteer,
  addEntity: (kind: EntityKind, id: string, surface: string, m: Mention | undefined, extra?: Partial<SeedEntity>) => void,
  addRelation: (r: SeedRelation) => void,
): void {
  let cur = gaz.get(placeId);
  for (let depth = 0; cur && depth < 5; depth++) {
    const parentId = cur.within ?? cur.country;
    if (!parentId) return;
    const parent = gaz.get(parentId);
    addEntity(parentId.startsWith('country:') ? 'COUNTRY' : 'PLACE', parentId, parent?.name ?? parentId, undefined, { mentioned: false, ...(parentId.startsWith('place:') ? placeExtras(parent) : {}) });
    addRelation({ type: 'LOCATED_IN', from: cur.id, to: parentId, method: 'gazetteer:place', confidence: 0.9 });
    if (parentId.startsWith('country:')) return;
    cur = parent;
  }
}

/** ISO date of the first "Month D, YYYY" in the text (a dateline or photo caption), if any. */
export function findFirstDate(text: string): string | undefined {
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (!m) return undefined;
  return isoDate(Number(m[3]), MONTHS.indexOf((m[1] as string).toLowerCase()) + 1, Number(m[2]));
}

function isoDate(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Resolves single-word and title-only person mentions: first to a full name the article already
 * used (most recent first), then to a gazetteer person whose name contains the word and who held
 * office on the article's date. Two people sharing a surname are never merged: an unresolvable word
 * is dropped with a warning rather than matched wrongly.
 */
function resolvePeople(mentions: Mention[], gaz: Gazetteer, published: string | undefined, warnings: string[]): Mention[] {
  const out: Mention[] = [];
  const full = mentions.filter((m) => m.id !== '');
  const leaders = gaz.leaders();
  for (const m of mentions) {
    if (m.id !== '') {
      out.push(m);
      continue;
    }
    const word = m.name.replace(/[’']s$/, '');
    const inArticle = full.filter((f) => f.name.split(/\s+/).includes(word) && f.id !== '');
    const ids = [...new Set(inArticle.map((f) => f.id))];
    if (ids.length >= 1) {
      const before = inArticle.filter((f) => f.start < m.start);
      const pick = ids.length === 1 ? ids[0] : before[before.length - 1]?.id ?? ids[0];
      out.push({ ...m, id: pick as string, name: full.find((f) => f.id === pick)?.name ?? word, rule: 'resolve:article-surname', confidence: 0.8 });
      continue;
    }
    const candidates = leaders.filter((e) => e.name.split(/\s+/).includes(word) && e.terms.some((t) => covers(t, published)));
    if (candidates.length === 1 && (m.rule === 'pattern:surname' || m.title)) {
      const c = candidates[0] as GazEntity;
      out.push({ ...m, id: c.id, name: c.name, rule: 'resolve:gazetteer-surname', confidence: 0.75 });
      continue;
    }
    if (m.rule === 'pattern:surname') warnings.push(`unresolved name ${JSON.stringify(word)} at offset ${m.start}`);
  }
  return out;
}

interface Unnamed {
  person: Mention;
  org: string;
  title: string;
}

/** "A spokesman at the State Department" -> person:state-department-spokesman, affiliated with it. */
function findUnnamedSpokespeople(doc: TextDoc, orgs: Mention[]): Unnamed[] {
  const out: Unnamed[] = [];
  const re = /\b(?:[Aa]n?|[Tt]he)\s+(spokesman|spokeswoman|spokesperson)\s+(?:at|for|of|from)\s+(?:the\s+)?/g;
  for (const m of doc.text.matchAll(re)) {
    const after = m.index + m[0].length;
    const org = orgs.find((o) => o.start === after);
    if (!org || insideQuote(doc, m.index, after)) continue;
    const orgText = doc.text.slice(org.start, org.end);
    const title = m[1] as string;
    out.push({
      person: syntheticMention('PERSON', `person:${slugify(orgText)}-${title}`, `${orgText} ${title}`, m.index, org.end, doc, 'pattern:unnamed-spokesperson', 0.7),
      org: org.id,
      title,
    });
  }
  return out;
}

/** The publishing organization: front matter, else "Additional reporting by <Org>" (its parent outlet). */
function resolveOutlet(input: ArticleInput, doc: TextDoc, gaz: Gazetteer, orgs: Mention[], bylineOutlet?: string): string | undefined {
  const named = input.outlet ?? bylineOutlet?.trim();
  if (named) {
    const ids = gaz.lookup(named).filter((id) => id.startsWith('org:'));
    return ids[0] ?? `org:${slugify(named)}`;
  }
  const credit = /(?:Additional\s+)?[Rr]eporting by\s+/g;
  for (const m of doc.text.matchAll(credit)) {
    const org = orgs.find((o) => o.start === m.index + m[0].length);
    if (org) return gaz.get(org.id)?.partOf ?? org.id;
  }
  return undefined;
}

interface Affiliation {
  person: string;
  org: string;
  title?: string;
  start: number;
  end: number;
  rule: string;
}

/**
 * Person-organization links stated by apposition ("David Maxwell, a senior fellow at the Foundation
 * for the Defense of Democracies", "Mark Fitzpatrick, of the Nuclear Security Working Group") or by a
 * title phrase before the name ("Hudson Institute analyst Jane Doe").
 */
function findAffiliations(doc: TextDoc, people: Mention[], orgs: Mention[], gaz: Gazetteer): Affiliation[] {
  const out: Affiliation[] = [];
  const clean = (t: string | undefined): string | undefined => t?.replace(/\s+/g, ' ').replace(/’/g, "'").replace(/^(?:a|an|the)\s+/i, '').trim() || undefined;
  for (const p of people) {
    const sentence = doc.sentences[p.sentence];
    if (!sentence || p.inQuote) continue;
    const rest = doc.text.slice(p.end, sentence.end);
    const orgsAfter = orgs.filter((o) => o.start > p.end && o.end <= sentence.end && !o.inQuote);
    const org = orgsAfter[0];
    const nextPerson = people.find((q) => q.start > p.end && q.sentence === p.sentence && q.id !== p.id);
    if (org && !(nextPerson && nextPerson.start < org.start)) {
      const between = doc.text.slice(p.end, org.start);
      const afterOrg = doc.text.slice(org.end, sentence.end);
      if (!/[;“”"]|\b(?:said|says|told|who said)\b/.test(between)) {
        // "Name, a senior fellow at the Org" / "Name, of the Org" / "Name of the Org"
        const appos = /^,\s+(?:who\s+is\s+(?:also\s+)?)?(?:(?:a|an|the)\s+)?(.*?)\s*\b(?:at|of|for|with|from|in)\s+(?:the\s+)?$/s.exec(between) ?? /^\s+(?:of|at|from)\s+(?:the\s+)?$/.exec(between);
        const title = clean(appos?.[1]);
        if (appos && !(title && (title.includes(',') || title.split(' ').length > 10))) {
          out.push({ person: p.id, org: org.id, ...(title ? { title } : {}), start: p.start, end: org.end, rule: 'pattern:apposition' });
          continue;
        }
        // "Name, the White House national security adviser," : the organization leads the title.
        const lead = /^,\s+(?:the\s+)?$/.exec(between);
        const tail = /^\s+([\p{Ll}][\p{Ll} -]{2,60}?)\s*(?:,|\.|$)/u.exec(afterOrg);
        if (lead && tail) {
          out.push({ person: p.id, org: org.id, title: clean(tail[1]) as string, start: p.start, end: org.end + (tail[0].length), rule: 'pattern:apposition-org-first' });
          continue;
        }
        // "Xi secured a third term as general secretary of the Communist Party of China"
        const as = /\bas\s+(?:the\s+)?([\p{Ll}][\p{Ll} -]{2,60}?)\s+(?:of|at|for)\s+(?:the\s+)?$/u.exec(between);
        if (as && !/[,.]/.test(between.slice(0, as.index))) {
          out.push({ person: p.id, org: org.id, title: clean(as[1]) as string, start: p.start, end: org.end, rule: 'pattern:as-title-of' });
          continue;
        }
      }
    }
    // "William Hagerty, the U.S. ambassador to Japan": an ambassador works for his country's foreign
    // ministry; linked only when the article names that ministry.
    const amb = /^,\s+(?:the\s+)?((?:U\.S\.|US|American|Russian|Chinese|Japanese|South Korean|North Korean|British)\s+(?:ambassador|envoy)\s+to\s+[\p{Lu}][\p{L} ]+?)\s*[,.]/u.exec(rest);
    if (amb) {
      const countryWord = (amb[1] as string).split(/\s+(?:ambassador|envoy)/)[0] as string;
      const country = gaz.lookup(countryWord).find((id) => id.startsWith('country:'));
      const ministry = orgs.find((o) => {
        const g = gaz.get(o.id);
        return g !== undefined && g.country === country && /state department|foreign (?:ministry|office|affairs)|ministry of foreign affairs|department of state/i.test(`${g.name} ${g.aliases.join(' ')}`);
      });
      if (ministry) out.push({ person: p.id, org: ministry.id, title: clean(amb[1]) as string, start: p.start, end: p.end + amb[0].length, rule: 'pattern:ambassador-ministry' });
    }
  }
  return out;
}

interface SummitFound {
  id: string;
  participants: string[];
  date: string | undefined;
  place?: string;
  cityName?: string;
  sentence: { text: string; start: number; index: number };
}

/**
 * The article's main summit: the first sentence among the first paragraphs that names two or more
 * leaders (outside quotes) and speaks of meeting (or is the lead sentence). Its date comes from a
 * weekday or date in that sentence resolved against the publication date (else the publication
 * date); its place is the most specific gazetteer place named near it.
 */
function findSummit(doc: TextDoc, leaders: Mention[], places: Mention[], gaz: Gazetteer, published: string | undefined): SummitFound | undefined {
  const firstParagraphs = new Set(doc.paragraphs.slice(0, 4).map((p) => p.index));
  for (const s of doc.sentences) {
    if (!firstParagraphs.has(s.paragraph)) break;
    const ids = [...new Set(leaders.filter((m) => m.sentence === s.index).map((m) => m.id))];
    if (ids.length < 2) continue;
    if (!MEETING.test(s.text) && s.paragraph > 1) continue;
    const date = summitDate(doc, s.index, published);
    // Places near the summit: this sentence and the next two paragraphs, most specific first.
    const lastParagraph = s.paragraph + 2;
    const near = places.filter((p) => p.sentence >= s.index && (doc.sentences[p.sentence]?.paragraph ?? 0) <= lastParagraph && !p.inQuote);
    const place = mostSpecific(near.map((p) => p.id), gaz);
    const city = place ? cityOf(place, gaz) : undefined;
    const slugPlace = city ? slugify(gaz.get(city)?.name ?? city.slice('place:'.length)) : place ? place.slice('place:'.length) : undefined;
    if (!date) return undefined;
    return {
      id: `summit:${date}${slugPlace ? `-${slugPlace}` : ''}`,
      participants: ids,
      date,
      ...(place ? { place } : {}),
      ...(city ? { cityName: gaz.get(city)?.name ?? city } : {}),
      sentence: { text: s.text, start: s.start, index: s.index },
    };
  }
  return undefined;
}

function depth(id: string, gaz: Gazetteer): number {
  let d = 0;
  let cur = gaz.get(id);
  while (cur?.within && d < 6) {
    d++;
    cur = gaz.get(cur.within);
  }
  return d;
}

function mostSpecific(ids: string[], gaz: Gazetteer): string | undefined {
  let best: string | undefined;
  for (const id of ids) if (best === undefined || depth(id, gaz) > depth(best, gaz)) best = id;
  return best;
}

/** The nearest city at or above a place (the place itself when none is marked as a city). */
function cityOf(id: string, gaz: Gazetteer): string {
  let cur = gaz.get(id);
  for (let i = 0; cur && i < 6; i++) {
    if (cur.placeType === 'city') return cur.id;
    if (!cur.within) break;
    cur = gaz.get(cur.within);
  }
  return id;
}

/**
 * The summit's (first) day: a weekday or date in the summit sentence, else in the lead paragraphs
 * (the earliest such day, since reports are written at or after the end of a meeting), else the
 * publication date. Datelines ("GENEVA, June 17, 2021 -") give the publication date, not the event's.
 */
function summitDate(doc: TextDoc, sentenceIndex: number, published: string | undefined): string | undefined {
  const undated = (text: string): string => text.replace(/^[\p{Lu} .,]+,\s+(?:\p{Lu}[\p{Ll}.]+\s+\d{1,2}(?:,\s+\d{4})?)\s*(?:\([^)]*\))?\s*[-–—]\s*/u, '');
  const own = doc.sentences[sentenceIndex];
  let inSentence = own ? resolveDate(undated(own.text), published) : undefined;
  // "said on Friday ..., a day after he held his first summit": the meeting is that many days earlier.
  const shift = /\b(a|one|two|three|four|five|six)\s+days?\s+(after|before)\b/i.exec(own?.text ?? '');
  if (inSentence && shift) {
    const n = ['a', 'one', 'two', 'three', 'four', 'five', 'six'].indexOf((shift[1] as string).toLowerCase());
    const d = new Date(`${inSentence}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + ((shift[2] as string).toLowerCase() === 'after' ? -Math.max(n, 1) : Math.max(n, 1)));
    inSentence = d.toISOString().slice(0, 10);
  }
  const candidates: string[] = [];
  for (const s of doc.sentences) {
    if (s.paragraph > (doc.sentences[sentenceIndex]?.paragraph ?? 0) + 2) break;
    const d = resolveDate(undated(s.text), published);
    if (d && (!published || (d <= published && Date.parse(published) - Date.parse(d) <= 7 * 86_400_000))) candidates.push(d);
  }
  const earliest = candidates.sort()[0];
  if (inSentence && earliest && earliest < inSentence && /\b(ended|left|wrapped up|concluded|closed|final day)\b/i.test(own?.text ?? '')) return earliest;
  return inSentence ?? earliest ?? published;
}

/** A date stated in a sentence: "April 25, 2019", "on June 12", or a weekday before `published`. */
export function resolveDate(text: string, published: string | undefined): string | undefined {
  const wdFirst = /\b(?:on|since|from|late on|early on|last)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/.exec(text);
  if (wdFirst && published) return weekdayBefore(wdFirst[1] as string, published);
  const full = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:,?\s+(\d{4}))?\b/.exec(text);
  if (full) {
    const year = full[3] ? Number(full[3]) : published ? Number(published.slice(0, 4)) : undefined;
    if (year) return isoDate(year, MONTHS.indexOf((full[1] as string).toLowerCase()) + 1, Number(full[2]));
  }
  const wd = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/.exec(text);
  if (wd && published) return weekdayBefore(wd[1] as string, published);
  return undefined;
}

/** The latest date on or before `published` that falls on `weekday`. */
function weekdayBefore(weekday: string, published: string): string {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const d = new Date(`${published}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - target + 7) % 7));
  return d.toISOString().slice(0, 10);
}

interface TalksFound {
  id: string;
  name: string;
  start?: number;
  evidence: SeedEvidence;
  members: Map<string, { left?: number; evidence: SeedEvidence }>;
}

/**
 * Multilateral talks ("six-party talks") with the countries the article lists in the sentence that
 * names them or in a following sentence that refers back ("the talks"), the start year ("Starting in
 * 2003") and who left when ("Pyongyang pulled out of the talks in 2009").
 */
function findTalks(doc: TextDoc, countries: Mention[], _talks: Mention[], _gaz: Gazetteer): TalksFound[] {
  const found = new Map<string, TalksFound>();
  const re = /\b((?:two|three|four|five|six|seven|eight)-party)\s+talks\b/gi;
  for (const m of doc.text.matchAll(re)) {
    const name = `${(m[1] as string).toLowerCase()} talks`;
    const id = `talks:${slugify(name)}`;
    const sIdx = doc.sentences.findIndex((s) => (m.index as number) >= s.start && (m.index as number) < s.end);
    const t: TalksFound = found.get(id) ?? { id, name: name.charAt(0).toUpperCase() + name.slice(1), evidence: { text: m[0], at: m.index }, members: new Map() };
    found.set(id, t);
    for (let k = sIdx; k <= sIdx + 3 && k < doc.sentences.length; k++) {
      const s = doc.sentences[k];
      if (!s) continue;
      if (k > sIdx && !/\b(the talks|those talks|the negotiations|that process|the process)\b/i.test(s.text)) continue;
      const cs = countries.filter((c) => c.sentence === k && !c.inQuote);
      if (cs.length < 2) continue;
      const start = /\b(?:starting|started|began|begun|launched|beginning|since|from)\s+in\s+(\d{4})\b/i.exec(s.text);
      if (start && !t.start) t.start = Number(start[1]);
      for (const c of cs) if (!t.members.has(c.id)) t.members.set(c.id, { evidence: { text: s.text, at: s.start } });
      const left = /(\p{Lu}[\p{L}. ]+?)\s+(?:pulled out|withdrew|walked away|left|quit)\b[^.]*?\bin\s+(\d{4})/u.exec(s.text);
      if (left) {
        const who = cs.find((c) => c.start >= s.start + left.index && c.start < s.start + left.index + (left[1] as string).length + 1);
        if (who) {
          const info = t.members.get(who.id);
          if (info) info.left = Number(left[2]);
        }
      }
    }
  }
  return [...found.values()].filter((t) => t.members.size >= 2);
}

interface MeetingFound {
  from: string;
  to: string;
  evidence: SeedEvidence;
  rule: string;
}

/**
 * Other meetings: "<person> (has) met (with) <persons>" and "<person>, who has held talks with the
 * leaders of <countries>" (the leaders in office on the article's date, from the gazetteer).
 */
function findMeetings(doc: TextDoc, people: Mention[], countries: Mention[], gaz: Gazetteer, published: string | undefined): MeetingFound[] {
  const out: MeetingFound[] = [];
  const verb = /\b(?:has |had |have )?(?:already |now |since |previously )?(?:met(?: with)?|held (?:talks|a summit|summits) with|sat down with)\b/g;
  for (const s of doc.sentences) {
    for (const v of s.text.matchAll(verb)) {
      const at = s.start + (v.index as number);
      if (insideQuote(doc, at, at + v[0].length)) continue;
      const before = people.filter((p) => p.sentence === s.index && p.end <= at && !p.inQuote);
      if (before.length === 0) continue;
      const subject = subjectOf(doc, before);
      const clauseEnd = s.start + s.text.length;
      const objects = people.filter((p) => p.sentence === s.index && p.start > at && p.start < clauseEnd && !p.inQuote && p.id !== subject.id);
      for (const o of objects) out.push({ from: subject.id, to: o.id, evidence: { text: s.text, at: s.start }, rule: 'pattern:met' });
      const rest = s.text.slice((v.index as number) + v[0].length);
      if (/^\s+the leaders of\b/.test(rest)) {
        for (const c of countries.filter((c) => c.sentence === s.index && c.start > at)) {
          const leader = leaderOf(c.id, gaz, published);
          if (leader && leader !== subject.id) out.push({ from: subject.id, to: leader, evidence: { text: s.text, at: s.start }, rule: 'pattern:met-leaders-of' });
        }
      }
    }
  }
  return out;
}

/** The head of state (else of government) of a country on a date, from the gazetteer's terms. */
function leaderOf(country: string, gaz: Gazetteer, date: string | undefined): string | undefined {
  const holders = gaz.leaders().filter((e) => e.terms.some((t) => t.country === country && covers(t, date)));
  const rank = (e: GazEntity): number => {
    const t = e.terms.find((x) => x.country === country && covers(x, date));
    return /president|supreme leader|king|general secretary/i.test(t?.title ?? '') && !/vice/i.test(t?.title ?? '') ? 0 : 1;
  };
  holders.sort((a, b) => rank(a) - rank(b));
  return holders[0]?.id;
}
