import { slugify, type GazEntity, type Gazetteer } from './gazetteer.js';
import { covers, leaderTitle, type Method, type Mention } from './mentions.js';
import { subjectOf } from './quotes.js';
import type { Resolved } from './resolve.js';
import { synthetic } from './resolve.js';
import { insideQuote, sentenceAt, type TextDoc } from './text.js';
import { alternation, type Vocabulary } from './vocab.js';

/**
 * Stage 5, relations: what the article says about its people: who leads a country (the gazetteer's
 * term in office on the article's date, else a leader's title with its country), who works for which
 * organization (appositions, titles with an organization, unnamed spokespeople), which roles they
 * have (Leader, Official, Analyst), multilateral talks with their members, and who met whom.
 */

export interface Fact {
  start: number;
  end: number;
  method: Method;
  rule: string;
  confidence: number;
}

export interface Leads extends Fact {
  person: string;
  country: string;
  title: string;
  since?: string;
  until?: string;
}

export interface Affiliation extends Fact {
  person: string;
  org: string;
  title?: string;
}

export interface Unnamed {
  person: Mention;
  org: string;
  title: string;
}

export interface TalksFound {
  id: string;
  name: string;
  start?: number;
  at: number;
  members: Map<string, { left?: number; at: number }>;
}

export interface Meeting extends Fact {
  from: string;
  to: string;
}

export interface RelationsOutput {
  /** Roles by person id: Leader, Official, Analyst. */
  labels: Map<string, Set<string>>;
  leads: Leads[];
  affiliations: Affiliation[];
  unnamed: Unnamed[];
  talks: TalksFound[];
  meetings: Meeting[];
}

export interface RelationsInput {
  doc: TextDoc;
  gaz: Gazetteer;
  vocab: Vocabulary;
  resolved: Resolved;
  published?: string;
}

/** Unnamed spokespeople ("a spokesman at the State Department"): found before quotes are attributed. */
export function unnamedSpeakers(doc: TextDoc, organizations: Mention[]): Unnamed[] {
  const out: Unnamed[] = [];
  const re = /\b(?:[Aa]n?|[Tt]he)\s+(spokesman|spokeswoman|spokesperson)\s+(?:at|for|of|from)\s+(?:the\s+)?/g;
  for (const m of doc.text.matchAll(re)) {
    const after = m.index + m[0].length;
    const org = organizations.find((o) => o.start === after);
    if (!org || insideQuote(doc, m.index, after)) continue;
    const orgText = doc.text.slice(org.start, org.end);
    const title = m[1] as string;
    out.push({ person: synthetic(doc, 'PERSON', `person:${slugify(orgText)}-${title}`, `${orgText} ${title}`, m.index, org.end, 'unnamed-spokesperson', 0.7), org: org.id, title });
  }
  return out;
}

export function relationsStage(input: RelationsInput, unnamed: Unnamed[]): RelationsOutput {
  const { doc, gaz, vocab, resolved, published } = input;
  const people = resolved.people;
  const labels = new Map<string, Set<string>>();
  const label = (id: string, l: string): void => {
    const set = labels.get(id) ?? new Set<string>();
    set.add(l);
    labels.set(id, set);
  };
  const has = (list: readonly string[], text: string): boolean => new RegExp(`\\b(?:${alternation(list)})\\b`, 'i').test(text);

  // ---- Leaders and their offices.
  const leads: Leads[] = [];
  // "European Commission President Ursula von der Leyen", "NATO Secretary General": the head of an
  // international body is an official of it, not a leader (unless in office at home, or the text
  // calls them a former head of government: "a former Polish prime minister", below).
  const bodyHeads = new Set(
    people
      .filter((m) => m.titleOrg !== undefined && /international|intergovernmental|alliance/.test(gaz.get(m.titleOrg)?.orgType ?? ''))
      .filter((m) => !gaz.get(m.id)?.terms.some((t) => covers(t, published)))
      // "Guinea's President and African Union President Alpha Conde'": a head of state too.
      .filter((m) => !people.some((x) => x.id === m.id && x.titleCountry !== undefined && x.title !== undefined && leaderTitle(vocab, x.title)))
      .filter((m) => !new RegExp(`(?:[’']s|\\p{Lu}\\p{Ll}+(?:an|ese|ish|ian|i))\\s+(?:${alternation(vocab.titles.leader)})\\s+and\\s+[^,.;]*$`, 'iu').test(doc.text.slice(Math.max(0, m.start - 80), m.start)))
      .map((m) => m.id),
  );
  for (const m of people) {
    const g = gaz.get(m.id);
    if (bodyHeads.has(m.id)) {
      label(m.id, 'Official');
    } else if (g && g.terms.length > 0) {
      label(m.id, 'Leader');
      const term = g.terms.find((t) => covers(t, published));
      if (term) leads.push({ person: m.id, country: term.country, title: term.title, ...(term.since ? { since: term.since } : {}), ...(term.until ? { until: term.until } : {}), start: m.start, end: m.end, method: 'rule', rule: 'gazetteer-term', confidence: 0.9 });
    } else if (g?.labels.includes('Leader')) {
      label(m.id, 'Leader');
    } else if (m.title && leaderTitle(vocab, m.title) && (m.titleCountry || !/\bleader\b/i.test(m.title))) {
      label(m.id, 'Leader');
      if (m.titleCountry) leads.push({ person: m.id, country: m.titleCountry, title: titleCase(m.title.replace(/^(?:the|former)\s+/i, '')), start: m.start, end: m.end, method: m.method, rule: 'title-country', confidence: 0.6 });
    } else if (m.title && has(vocab.titles.official, m.title)) {
      label(m.id, 'Official');
    }
  }
  // "the U.S. president met with his Israeli counterpart, Benjamin Netanyahu": a leader's counterpart
  // from another country is a leader too.
  for (const m of people) {
    if (labels.get(m.id)?.has('Leader') || m.inQuote || !m.title || !/\bcounterpart\b/i.test(m.title) || !m.titleCountry) continue;
    const sentence = doc.sentences[m.sentence];
    const before = sentence ? doc.text.slice(sentence.start, m.start) : '';
    const leaderBefore = people.some((p) => p.sentence === m.sentence && p.start < m.start && labels.get(p.id)?.has('Leader')) || new RegExp(`\\b(?:${alternation(vocab.titles.leader)})\\b`, 'i').test(before);
    if (!leaderBefore) continue;
    label(m.id, 'Leader');
    leads.push({ person: m.id, country: m.titleCountry, title: 'Leader', start: m.start, end: m.end, method: m.method, rule: 'leader-counterpart', confidence: 0.55 });
  }
  // "Bashar al-Assad, the Syrian president", "a former Polish prime minister": a leader's title after the name.
  const appositiveLeader = new RegExp(`^,\\s+(?:the\\s+|a\\s+|who\\s+(?:is|was)\\s+(?:the\\s+|a\\s+)?)?(former\\s+)?(\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?)\\s+(${alternation(vocab.titles.leader)})\\b`, 'iu');
  for (const m of people) {
    if (labels.get(m.id)?.has('Leader') || m.inQuote) continue;
    const a = appositiveLeader.exec(doc.text.slice(m.end, m.end + 80));
    if (!a || !leaderTitle(vocab, a[3] as string)) continue;
    const country = gaz.lookup(a[2] as string).find((id) => id.startsWith('country:'));
    if (!country) continue;
    label(m.id, 'Leader');
    leads.push({ person: m.id, country, title: titleCase(a[3] as string), start: m.start, end: m.end + a[0].length, method: 'rule', rule: 'appositive-leader', confidence: 0.6 });
  }

  // ---- Affiliations.
  const affiliations = findAffiliations(doc, people, resolved.organizations, gaz);
  for (const u of unnamed) affiliations.push({ person: u.person.id, org: u.org, title: u.title, start: u.person.start, end: u.person.end, method: 'rule', rule: 'unnamed-spokesperson', confidence: 0.8 });
  for (const a of affiliations) {
    if (labels.get(a.person)?.has('Leader')) continue;
    const g = gaz.get(a.org);
    const orgName = `${g?.name ?? ''} ${resolved.organizations.find((o) => o.id === a.org)?.text ?? ''}`;
    const official = (a.title && has(vocab.titles.official, a.title) && !has(vocab.titles.analyst, a.title)) || vocab.orgs.governmentTypes.includes(g?.orgType ?? '') || (has(vocab.orgs.governmentWords, orgName) && !has(vocab.orgs.thinkTankWords, orgName));
    if (official) label(a.person, 'Official');
    else if (vocab.orgs.analystTypes.includes(g?.orgType ?? '') || has(vocab.orgs.thinkTankWords, orgName) || (a.title && has(vocab.titles.analyst, a.title))) label(a.person, 'Analyst');
  }
  for (const u of unnamed) label(u.person.id, 'Official');

  return { labels, leads, affiliations, unnamed, talks: findTalks(doc, resolved.countries), meetings: findMeetings(doc, people, resolved.countries, gaz, published) };
}

function titleCase(s: string): string {
  return s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}

/**
 * Person-organization links the text states:
 * - an apposition: "David Maxwell, a senior fellow at the Foundation for the Defense of Democracies",
 *   "Heather Conley, director of the Europe Program at the Center for Strategic and International
 *   Studies" (the outermost organization of the chain), "Mark Fitzpatrick of the IISS";
 * - the organization first: "Sudha David-Wilp, the German Marshall Fund's deputy director",
 *   "Name, the White House national security adviser";
 * - a title with its organization before the name: "NATO Secretary-General Jens Stoltenberg",
 *   "Kremlin spokesman Dmitry Peskov", "Chinese foreign ministry spokesman Hong Lei";
 * - "as general secretary of the Communist Party", "who heads the ...";
 * - an ambassador and his country's foreign ministry, when the article names that ministry.
 */
function findAffiliations(doc: TextDoc, people: Mention[], orgs: Mention[], gaz: Gazetteer): Affiliation[] {
  const out: Affiliation[] = [];
  const clean = (t: string | undefined): string | undefined => t?.replace(/\s+/g, ' ').replace(/’/g, "'").replace(/^(?:a|an|the)\s+/i, '').replace(/[,\s]+$/, '').trim() || undefined;
  // Among overlapping organization mentions, the longest ("Atlantic Council’s Rafik Hariri Center").
  const outer = orgs.filter((o) => !o.inQuote && !orgs.some((x) => x !== o && x.start <= o.start && x.end >= o.end && x.end - x.start > o.end - o.start)).sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const add = (a: Affiliation): void => {
    const key = `${a.person}|${a.org}`;
    if (seen.has(key) || a.person === '') return;
    seen.add(key);
    out.push(a);
  };
  for (const p of people) {
    if (p.inQuote) continue;
    if (p.titleOrg) add({ person: p.id, org: p.titleOrg, ...(p.title ? { title: clean(p.title) } : {}), start: p.start, end: p.end, method: p.method, rule: 'org-title-name', confidence: 0.8 });
    const sentence = doc.sentences[p.sentence];
    if (!sentence) continue;
    // The next person named (a possessive like "Merkel's ruling party" does not end the apposition).
    const nextPerson = people.find((q) => q.start > p.end && q.sentence === p.sentence && q.id !== p.id && !q.inQuote && !/^[’']s\b/.test(doc.text.slice(q.end, q.end + 3)));
    const limit = Math.min(sentence.end, nextPerson?.start ?? sentence.end);
    const orgsAfter = outer.filter((o) => o.start >= p.end && o.end <= limit);
    const first = orgsAfter[0];
    if (first) {
      const between = doc.text.slice(p.end, first.start);
      if (!/[;“”"]|\b(?:said|says|told|who said)\b/.test(between) && between.length < 120) {
        // The chain "of A at B in C": the outermost organization the prepositions reach.
        let org = first;
        for (const next of orgsAfter.slice(1)) {
          if (!/^\s*(?:\p{Ll}+\s+){0,2}(?:,\s*)?(?:at|of|in|for|with)\s+(?:the\s+)?$/u.test(doc.text.slice(org.end, next.start))) break;
          org = next;
        }
        // "Name, a senior fellow at the Org", "Name, the top Democrat on the Org", "Name, columnist
        // with the Moscow daily Org" (up to three descriptive words before the name).
        const appos = /^,\s+(?:who\s+(?:is|was)\s+(?:also\s+)?)?(?:(?:a|an|the)\s+)?([^,]*?)\s*\b(?:at|of|for|with|from|in|on)\s+(?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}?$/su.exec(between) ?? /^\s+(?:of|at|from)\s+(?:the\s+)?$/.exec(between);
        const title = clean(appos?.[1]);
        // "columnist Murat Yetkın in the Hürriyet Daily News": "in" only for a news outlet.
        const outlet = /newspaper|news agency|broadcaster/.test(gaz.get(org.id)?.orgType ?? '') || /\b(?:News|Times|Post|Daily|Journal|Herald|Tribune)\b/.test(org.name);
        const inOutlet = /^\s+in\s+(?:the\s+)?$/.exec(between);
        if (inOutlet && outlet && p.title) {
          add({ person: p.id, org: org.id, title: clean(p.title) as string, start: p.start, end: org.end, method: 'rule', rule: 'writer-in-outlet', confidence: 0.7 });
          continue;
        }
        if (appos && !(title && title.split(' ').length > 10)) {
          add({ person: p.id, org: org.id, ...(title ? { title } : {}), start: p.start, end: org.end, method: 'rule', rule: 'apposition', confidence: 0.8 });
          continue;
        }
        const after = doc.text.slice(first.end, sentence.end);
        // "Name, the German Marshall Fund's deputy director" / "Name, the White House national security adviser,"
        const lead = /^,\s+(?:the\s+|a\s+|an\s+)?$/.exec(between);
        const tail = /^(?:[’']s)?\s+([\p{Ll}][\p{Ll} -]{2,60}?)\s*(?:,|\.|$)/u.exec(after);
        if (lead && tail) {
          add({ person: p.id, org: first.id, title: clean(tail[1]) as string, start: p.start, end: first.end + tail[0].length, method: 'rule', rule: 'apposition-org-first', confidence: 0.8 });
          continue;
        }
        // "Xi secured a third term as general secretary of the Communist Party of China", "who heads the ..."
        const as = /\b(?:as|who\s+(?:heads|leads|chairs|runs|directs|founded))\s+(?:the\s+)?([\p{Ll}][\p{Ll} -]{2,60}?\s+(?:of|at|for)\s+(?:the\s+)?)?$/u.exec(between);
        if (as && !/[,.]/.test(between.slice(0, as.index).replace(/^,\s*/, ''))) {
          add({ person: p.id, org: first.id, ...(as[1] ? { title: clean((as[1] as string).replace(/\s+(?:of|at|for)\s+(?:the\s+)?$/, '')) } : {}), start: p.start, end: first.end, method: 'rule', rule: 'as-title-of', confidence: 0.75 });
          continue;
        }
      }
    }
    // "William Hagerty, the U.S. ambassador to Japan": an ambassador works for his country's foreign
    // ministry; linked only when the article names that ministry.
    const amb = /^,\s+(?:the\s+)?((\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)\s+(?:ambassador|envoy)\s+to\s+[\p{Lu}][\p{L} ]+?)\s*[,.]/u.exec(doc.text.slice(p.end, sentence.end));
    if (amb) {
      const country = gaz.lookup(amb[2] as string).find((id) => id.startsWith('country:'));
      const ministry = orgs.find((o) => {
        const g = gaz.get(o.id);
        return g !== undefined && g.country === country && /state department|foreign (?:ministry|office|affairs)|ministry of foreign affairs|department of state/i.test(`${g.name} ${g.aliases.join(' ')}`);
      });
      if (ministry) add({ person: p.id, org: ministry.id, title: clean(amb[1]) as string, start: p.start, end: p.end + amb[0].length, method: 'rule', rule: 'ambassador-ministry', confidence: 0.8 });
    }
  }
  return out;
}

/**
 * Multilateral talks ("six-party talks") with the countries the article lists in the sentence that
 * names them or in a following sentence that refers back ("the talks"), the start year ("Starting in
 * 2003") and who left when ("Pyongyang pulled out of the talks in 2009").
 */
function findTalks(doc: TextDoc, countries: Mention[]): TalksFound[] {
  const found = new Map<string, TalksFound>();
  const re = /\b((?:two|three|four|five|six|seven|eight)-party)\s+talks\b/gi;
  for (const m of doc.text.matchAll(re)) {
    const name = `${(m[1] as string).toLowerCase()} talks`;
    const id = `talks:${slugify(name)}`;
    const sIdx = sentenceAt(doc, m.index);
    const t: TalksFound = found.get(id) ?? { id, name: name.charAt(0).toUpperCase() + name.slice(1), at: m.index, members: new Map() };
    found.set(id, t);
    for (let k = sIdx; k <= sIdx + 3 && k < doc.sentences.length; k++) {
      const s = doc.sentences[k];
      if (!s) continue;
      if (k > sIdx && !/\b(the talks|those talks|the negotiations|that process|the process)\b/i.test(s.text)) continue;
      const cs = countries.filter((c) => c.sentence === k && !c.inQuote && !c.inName);
      if (cs.length < 2) continue;
      const start = /\b(?:starting|started|began|begun|launched|beginning|since|from)\s+in\s+(\d{4})\b/i.exec(s.text);
      if (start && !t.start) t.start = Number(start[1]);
      for (const c of cs) if (!t.members.has(c.id)) t.members.set(c.id, { at: s.start });
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

/**
 * Meetings: "<person> (has) met (with) <persons>" and "<person>, who has held talks with the
 * leaders of <countries>" (the leaders in office on the article's date, from the gazetteer).
 */
function findMeetings(doc: TextDoc, people: Mention[], countries: Mention[], gaz: Gazetteer, published: string | undefined): Meeting[] {
  const out: Meeting[] = [];
  const verb = /\b(?:has |had |have )?(?:already |now |since |previously )?(?:met(?: with)?|held (?:talks|a summit|summits) with|sat down with)\b/g;
  for (const s of doc.sentences) {
    for (const v of s.text.matchAll(verb)) {
      const at = s.start + v.index;
      if (insideQuote(doc, at, at + v[0].length)) continue;
      const before = people.filter((p) => p.sentence === s.index && p.end <= at && !p.inQuote);
      if (before.length === 0) continue;
      const subject = subjectOf(doc, before);
      const objects = people.filter((p) => p.sentence === s.index && p.start > at && !p.inQuote && p.id !== subject.id);
      for (const o of objects) out.push({ from: subject.id, to: o.id, start: s.start, end: s.end, method: 'rule', rule: 'met', confidence: 0.6 });
      // "Trump and Merkel met ...": the subjects met each other.
      const last = before[before.length - 1] as Mention;
      const joined = before.filter((p, i) => i < before.length - 1 && /^\s*(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(doc.text.slice(p.end, (before[i + 1] as Mention).start)));
      if (objects.length === 0 && joined.length > 0 && /^\s*(?:have\s+|had\s+)?$/.test(doc.text.slice(last.end, at))) {
        const group = [...joined, last];
        for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) if ((group[i] as Mention).id !== (group[j] as Mention).id) out.push({ from: (group[i] as Mention).id, to: (group[j] as Mention).id, start: s.start, end: s.end, method: 'rule', rule: 'met-each-other', confidence: 0.6 });
      }
      const rest = s.text.slice(v.index + v[0].length);
      if (/^\s+the leaders of\b/.test(rest)) {
        for (const c of countries.filter((c) => c.sentence === s.index && c.start > at)) {
          const leader = leaderOf(c.id, gaz, published);
          if (leader && leader !== subject.id) out.push({ from: subject.id, to: leader, start: s.start, end: s.end, method: 'rule', rule: 'met-leaders-of', confidence: 0.6 });
        }
      }
    }
  }
  return out;
}

/** The head of state (else of government) of a country on a date, from the gazetteer's terms. */
export function leaderOf(country: string, gaz: Gazetteer, date: string | undefined): string | undefined {
  const holders = gaz.leaders().filter((e) => e.terms.some((t) => t.country === country && covers(t, date)));
  const rank = (e: GazEntity): number => {
    const t = e.terms.find((x) => x.country === country && covers(x, date));
    return /president|supreme leader|king|general secretary/i.test(t?.title ?? '') && !/vice/i.test(t?.title ?? '') ? 0 : 1;
  };
  holders.sort((a, b) => rank(a) - rank(b));
  return holders[0]?.id;
}
