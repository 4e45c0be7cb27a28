import type { NlpEntity } from '../nlp/types.js';
import type { EntityKind } from '../seed/model.js';
import { slugify, type GazEntity, type Gazetteer, type MatchRule } from './gazetteer.js';
import { insideQuote, possessiveAfter, sentenceAt, type TextDoc, type Token } from './text.js';
import { alternation, type Vocabulary } from './vocab.js';

/**
 * Stage 2, mentions: the names an article uses, each with its character span, sentence, how it was
 * found (`method` rule or model, and the finer `rule`) and a confidence. Not yet resolved: a surname
 * ("Trump", "Mr. Kim") has an empty id until the resolution stage.
 *
 * Rules: capitalized runs that end in an organization's head noun first (so "Russian Foreign
 * Ministry" is one organization, while "Russian" in it still names Russia), then the longest
 * gazetteer phrases, then capitalized runs that context shows to be people (a title before, an
 * apposition or speech verb after, a byline) or organizations. Model (with an NlpDoc): CoreNLP's
 * PERSON, ORGANIZATION and location mentions that the rules did not find; the gazetteer keeps the
 * last word on what a known name is.
 */

export type Method = 'rule' | 'model';

export interface Mention {
  kind: EntityKind;
  /** Resolved id (gazetteer id, or a new id from the slug of the full name); '' for an unresolved surname. */
  id: string;
  /** The entity's name as far as this mention knows it (the gazetteer name, or the surface form). */
  name: string;
  /** The text as the article writes it. */
  text: string;
  start: number;
  end: number;
  sentence: number;
  inQuote: boolean;
  method: Method;
  /** The finer rule: gazetteer-name, title-name, org-head, ner-person, ... */
  rule: string;
  confidence: number;
  /** Person mentions: the title written before the name ("Russian President"), if any. */
  title?: string;
  /** Person mentions: the country named with that title ("Russian" -> country:RUS), if any. */
  titleCountry?: string;
  /** Person mentions: the organization named before the title ("NATO Secretary-General X"), if any. */
  titleOrg?: string;
  /** Country mentions: how the country was named (name, alias, demonym, capital). */
  how?: MatchRule | 'context';
  /** Country mentions inside an organization's name ("Russian" in "Russian Foreign Ministry"). */
  inName?: boolean;
}

export interface MentionsInput {
  doc: TextDoc;
  gaz: Gazetteer;
  vocab: Vocabulary;
  /** The article's date: picks the office holder when a surname is shared. */
  published?: string;
  /** The model's entity mentions, when the article was annotated. */
  nerEntities?: NlpEntity[];
}

interface Ctx extends MentionsInput {
  tokens: Token[];
  used: boolean[];
  out: Mention[];
  speechAfter: RegExp;
  speechBefore: RegExp;
  lowerTitle: RegExp;
}

/** Title abbreviations whose dot does not end a name ("Gen. Martin Dempsey", "Mr. Kim"). */
const DOTTED_TITLES = /^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Adm|Capt|Sgt|Prof|Maj|Rev|Sr|Jr|St)$/;

export function mentionsStage(input: MentionsInput): Mention[] {
  const { doc, vocab } = input;
  const verbs = alternation(vocab.speechVerbs);
  const ctx: Ctx = {
    ...input,
    tokens: doc.tokens,
    used: new Array<boolean>(doc.tokens.length).fill(false),
    out: [],
    speechAfter: new RegExp(`^\\s*(?:,\\s*)?(?:(?:also|later|then|has|had|have|once)\\s+)?(?:${verbs})\\b`),
    speechBefore: new RegExp(`\\b(?:${verbs})\\s*$`),
    lowerTitle: new RegExp(
      `(?:^|[\\s,(])((?:(?:${alternation(vocab.titles.modifiers)})[\\s-]+){0,3}(?:${alternation(vocab.titles.nouns)})(?:,\\s*)?\\s*)$`,
      'i',
    ),
  };
  organizationRuns(ctx);
  lowercaseBodies(ctx);
  gazetteerPhrases(ctx);
  bareBodies(ctx);
  capitalizedRuns(ctx);
  workplaces(ctx);
  wireCredits(ctx);
  if (input.nerEntities) modelMentions(ctx, input.nerEntities);
  ctx.out.sort((a, b) => a.start - b.start || b.end - a.end);
  possessiveUnits(ctx);
  // Titles for the names found without one (gazetteer and model names): "European Union President
  // Donald Tusk", "Iranian President Hassan Rouhani".
  for (const m of ctx.out) if (m.kind === 'PERSON' && m.title === undefined) Object.assign(m, titleBefore(ctx, m.start));
  ctx.out.sort((a, b) => a.start - b.start || b.end - a.end);
  return ctx.out;
}

/**
 * "the Atlantic Council’s Rafik Hariri Center for the Middle East": a unit named with its owner is
 * an organization of its own (the owner stays one too).
 */
function possessiveUnits(ctx: Ctx): void {
  const orgs = ctx.out.filter((m) => m.kind === 'ORGANIZATION');
  for (const a of orgs) {
    const b = orgs.find((o) => o.start > a.end && /^[’']s\s+$/.test(ctx.doc.text.slice(a.end, o.start)));
    if (!b || !ctx.vocab.orgs.heads.has(b.text.split(/\s+/).find((w) => ctx.vocab.orgs.heads.has(w)) ?? '')) continue;
    const text = ctx.doc.text.slice(a.start, b.end);
    const { id, known } = orgId(ctx.gaz, text);
    push(ctx, { kind: 'ORGANIZATION', id, name: known?.name ?? text, start: a.start, end: b.end, method: 'rule', rule: 'org-possessive-unit', confidence: 0.7 });
  }
}

// ---- capitalized runs --------------------------------------------------------------------------

/** "al-Assad", "bin-Salman", "el-Sisi": a name word behind a lowercase particle. */
const PARTICLE_NAME = /^(?:al|el|bin|ibn|abu|ad|as|ash|ul|ud|de|da|di|van|von|del|della|le|la)-\p{Lu}/u;

function isCapToken(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || PARTICLE_NAME.test(t.text);
}

function isNameToken(t: Token): boolean {
  return /^\p{Lu}[\p{L}'’-]*$/u.test(t.text) || /^(?:\p{Lu}\.)+$/u.test(t.text) || PARTICLE_NAME.test(t.text);
}

function isDotted(t: Token): boolean {
  return /^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(t.text);
}

/** Only white space (and no line break) between two tokens, or the dot of a title abbreviation. */
function adjacent(ctx: Ctx, a: Token, b: Token): boolean {
  if (a.sentence !== b.sentence) return false;
  const gap = ctx.doc.text.slice(a.end, b.start);
  if (/^[ \t]+$/.test(gap)) return !possessiveAfter(ctx.doc, a);
  return /^\.[ \t]+$/.test(gap) && (DOTTED_TITLES.test(a.text) || /^\p{Lu}$/u.test(a.text));
}

/** Capitalized runs from token `i` on: [first, last] token indexes, joined by connectors. */
function runAt(ctx: Ctx, i: number, skipUsed: boolean): number {
  const { tokens } = ctx;
  const con = ctx.vocab.orgs.connectors;
  let j = i;
  while (j + 1 < tokens.length) {
    const a = tokens[j] as Token;
    const b = tokens[j + 1] as Token;
    if ((skipUsed && ctx.used[j + 1]) || !adjacent(ctx, a, b)) break;
    if (isCapToken(b) || isDotted(b)) {
      j++;
      continue;
    }
    let k = j + 1;
    while (k < tokens.length && con.has((tokens[k] as Token).text) && adjacent(ctx, tokens[k - 1] as Token, tokens[k] as Token)) k++;
    const next = tokens[k];
    if (k > j + 1 && next && !(skipUsed && ctx.used[k]) && isCapToken(next) && adjacent(ctx, tokens[k - 1] as Token, next) && !ctx.vocab.notNameWords.has(next.text) && !/^(?:[A-Z][a-z]+day)$/.test(next.text)) {
      j = k;
      continue;
    }
    break;
  }
  return j;
}

/** Leading words of a run that are not part of a name: sentence starters, "the", "Kurdish-led". */
function trimStart(ctx: Ctx, i: number, j: number): number {
  let s = i;
  while (s < j) {
    const t = ctx.tokens[s] as Token;
    if (ctx.vocab.notNameStart.has(t.text) || t.text === 'The' || ctx.vocab.orgs.modifierSuffixes.some((suf) => t.text.toLowerCase().endsWith(suf))) s++;
    else break;
  }
  return s;
}

/** Trailing connectors (and, for names of people, words that never end a name) dropped. */
function trimEnd(ctx: Ctx, s: number, j: number, forOrg = false): number {
  let e = j;
  const drop = (t: Token): boolean => ctx.vocab.orgs.connectors.has(t.text) || (!forOrg && ctx.vocab.notNameWords.has(t.text) && !ctx.vocab.orgs.heads.has(t.text));
  while (e > s && drop(ctx.tokens[e] as Token)) e--;
  return e;
}

/** Particles inside a person's name ("Ursula von der Leyen"), unlike the connectors of organizations. */
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'des', 'del', 'bin', 'al', 'la', 'le', 'y']);

/**
 * Where, inside a run, a title sequence followed by a name begins ("Senate Minority Leader Chuck
 * Schumer"), and where that name ends: before an "and" that starts another titled name ("European
 * Council President Charles Michel and European Commission President Ursula von der Leyen").
 */
function titleSplit(ctx: Ctx, s: number, e: number): { title: number; name: number; nameEnd: number } | undefined {
  const { tokens, vocab } = ctx;
  const core = new Set(vocab.titles.nouns.map((n) => n.toLowerCase()));
  for (let k = s + 1; k <= e; k++) {
    if (!vocab.titles.words.has((tokens[k] as Token).text.toLowerCase()) || vocab.orgs.heads.has((tokens[k] as Token).text)) continue;
    let n = k;
    while (n <= e && vocab.titles.words.has((tokens[n] as Token).text.toLowerCase())) n++;
    const title = tokens.slice(k, n).map((t) => t.text.toLowerCase());
    let nameEnd = e;
    for (let a = n + 1; a < e; a++) if ((tokens[a] as Token).text === 'and') { nameEnd = a - 1; break; }
    const tail = tokens.slice(n, nameEnd + 1);
    // The title must hold a title noun ("Leader", "Secretary-General", "Gen."), not only modifiers
    // ("National" in "Korea Institute for National Unification").
    if (!title.some((w) => core.has(w) || DOTTED_TITLES.test(w.charAt(0).toUpperCase() + w.slice(1)) || w.includes('-'))) continue;
    const particle = (t: Token): boolean => NAME_PARTICLES.has(t.text);
    if (n > nameEnd || tail.length > 5 || !tail.every((t) => isNameToken(t) || particle(t)) || particle(tail[0] as Token) || tail.some((t) => vocab.orgs.heads.has(t.text) || vocab.notNameWords.has(t.text) || (vocab.orgs.connectors.has(t.text) && !particle(t)))) return undefined;
    return { title: k, name: n, nameEnd };
  }
  return undefined;
}

function push(ctx: Ctx, m: Omit<Mention, 'sentence' | 'inQuote' | 'text'> & { text?: string }): Mention {
  const full: Mention = { ...m, text: m.text ?? ctx.doc.text.slice(m.start, m.end), sentence: sentenceAt(ctx.doc, m.start), inQuote: insideQuote(ctx.doc, m.start, m.end) };
  ctx.out.push(full);
  return full;
}

/** An organization's id: the gazetteer's for this form (with or without "The"), else the slug. */
function orgId(gaz: Gazetteer, name: string): { id: string; known?: GazEntity } {
  for (const form of [name, name.replace(/^the\s+/i, ''), name.replace(/’/g, "'")]) {
    const id = gaz.lookup(form).find((x) => x.startsWith('org:'));
    if (id) return { id, known: gaz.get(id) };
  }
  return { id: `org:${slugify(name.replace(/^the\s+/i, ''))}` };
}

/**
 * Pass 1: runs of two or more capitalized words with an organization head noun ("Center for
 * Strategic and International Studies", "Russian Foreign Ministry", "U.S. House of Representatives
 * Intelligence Committee"). A gazetteer organization of the same form keeps its id. Countries
 * named inside still count (as countries, `inName`), people and places inside do not.
 */
function organizationRuns(ctx: Ctx): void {
  const { tokens, vocab } = ctx;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!(isCapToken(t) || isDotted(t))) {
      i++;
      continue;
    }
    const j = runAt(ctx, i, false);
    let s = trimStart(ctx, i, j);
    let e = trimEnd(ctx, s, j, true);
    // "Senate Minority Leader Chuck Schumer": the organization ends where the title starts.
    const split = titleSplit(ctx, s, e);
    // "... President Charles Michel and European Commission President ...": the run goes on after the "and".
    const resume = split && split.nameEnd < e ? split.nameEnd + 2 : undefined;
    if (split) e = trimEnd(ctx, s, split.title - 1, true);
    // A title first ("Director of Academic Affairs", "Secretary of State Mike Pompeo") is no organization.
    while (s <= e && vocab.titles.words.has((tokens[s] as Token).text.toLowerCase()) && !vocab.orgs.heads.has((tokens[s] as Token).text) && !isDotted(tokens[s] as Token)) s++;
    // "Heather Conley of the Center for ...": a connector whose left side has no head noun starts
    // the organization after it.
    for (let k = s; k <= e; k++) {
      if (!vocab.orgs.connectors.has((tokens[k] as Token).text)) continue;
      if (tokens.slice(s, k).some((x) => vocab.orgs.heads.has(x.text))) break;
      let n = k;
      while (n <= e && vocab.orgs.connectors.has((tokens[n] as Token).text)) n++;
      if (tokens.slice(n, e + 1).some((x) => vocab.orgs.heads.has(x.text))) s = n;
      break;
    }
    // "The Russian Foreign Ministry and the Chinese ...": "and" ends the organization when what
    // follows it has no head noun of its own.
    for (let k = s + 1; k < e; k++) {
      if ((tokens[k] as Token).text !== 'and') continue;
      if (!tokens.slice(k + 1, e + 1).some((x) => vocab.orgs.heads.has(x.text))) e = trimEnd(ctx, s, k - 1, true);
      break;
    }
    const run = tokens.slice(s, e + 1);
    // A gazetteer organization that covers the run from a word or three before ("RFA's Korean
    // Service") is left for the gazetteer pass.
    let covered = false;
    for (let k = Math.max(0, s - 3); k <= s && !covered; k++) {
      const m = ctx.gaz.match(tokens, k);
      covered = m !== undefined && k + m.length - 1 >= e && m.ids.some((id) => id.startsWith('org:'));
    }
    // "European Council and of the European Commission": two organizations.
    const and = run.findIndex((x) => x.text === 'and');
    if (!covered && and > 0 && run.slice(0, and).some((x) => vocab.orgs.heads.has(x.text)) && vocab.orgs.heads.has((run[run.length - 1] as Token).text) && vocab.orgs.heads.has((run[and - 1] as Token).text)) {
      let r = s + and + 1;
      while (r <= e && vocab.orgs.connectors.has((tokens[r] as Token).text)) r++;
      pushOrgRun(ctx, s, s + and - 1);
      if (r < e) pushOrgRun(ctx, r, e);
      i = Math.max(j, i) + 1;
      continue;
    }
    if (!covered && run.length >= 2 && run.some((x) => vocab.orgs.heads.has(x.text)) && !run.every((x) => vocab.orgs.heads.has(x.text) || vocab.orgs.connectors.has(x.text))) {
      pushOrgRun(ctx, s, e);
    }
    i = resume ?? Math.max(j, i) + 1;
  }
}

/** Records the organization run [s, e] and the countries named inside it. */
function pushOrgRun(ctx: Ctx, s: number, e: number): Mention | undefined {
  const { tokens, gaz } = ctx;
  const first = tokens[s] as Token;
  const last = tokens[e] as Token;
  const name = ctx.doc.text.slice(first.start, last.end);
  const whole = gaz.match(tokens, s);
  // A gazetteer phrase that covers the run exactly and is no organization decides what it is.
  if (whole && whole.length === e - s + 1 && whole.ids.every((id) => !id.startsWith('org:'))) return undefined;
  const { id, known } = orgId(gaz, name);
  const org = push(ctx, { kind: 'ORGANIZATION', id, name: known?.name ?? name, start: first.start, end: last.end, method: 'rule', rule: known ? 'gazetteer-org-name' : 'org-head', confidence: known ? 0.9 : 0.7 });
  for (let k = s; k <= e; k++) ctx.used[k] = true;
  countriesInside(ctx, s, e);
  return org;
}

/** Countries named inside an organization's name ("Russian" in "Russian Foreign Ministry") still count. */
function countriesInside(ctx: Ctx, s: number, e: number): void {
  const { tokens, gaz } = ctx;
  for (let k = s; k <= e; k++) {
    let m = gaz.match(tokens, k, e - k + 1);
    while (m && !m.ids.some((x) => x.startsWith('country:'))) m = m.length > 1 ? gaz.match(tokens, k, m.length - 1) : undefined;
    if (!m) continue;
    for (const cid of m.ids.filter((x) => x.startsWith('country:'))) {
      const c = gaz.get(cid) as GazEntity;
      const rule = m.rules.get(cid) ?? m.rule;
      if (rule === 'capital') continue;
      const a = tokens[k] as Token;
      const b = tokens[k + m.length - 1] as Token;
      push(ctx, { kind: 'COUNTRY', id: cid, name: c.name, start: a.start, end: b.end, method: 'rule', rule: `gazetteer-${rule}`, confidence: 0.85, how: rule, inName: true });
    }
    k += m.length - 1;
  }
}

/** "the Chinese foreign ministry", "Russia's defense ministry": a country's body named in lowercase. */
function lowercaseBodies(ctx: Ctx): void {
  const { doc, gaz, vocab } = ctx;
  const re = new RegExp(`\\b(\\p{Lu}[\\p{L}.’']+(?:\\s\\p{Lu}[\\p{L}.]+)?)\\s+(${alternation(vocab.orgs.lowercaseBodies)})\\b`, 'gu');
  for (const m of doc.text.matchAll(re)) {
    const country = (m[1] as string).replace(/[’']s$/, '');
    const cids = gaz.lookup(country).filter((x) => x.startsWith('country:'));
    if (cids.length !== 1) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (ctx.out.some((o) => o.start < end && start < o.end)) continue;
    const text = m[0];
    const titled = text.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
    const { id, known } = orgId(gaz, titled);
    push(ctx, { kind: 'ORGANIZATION', id, name: known?.name ?? text, start, end, method: 'rule', rule: known ? 'gazetteer-org-lowercase' : 'country-body', confidence: 0.75 });
    const c = gaz.get(cids[0] as string) as GazEntity;
    push(ctx, { kind: 'COUNTRY', id: c.id, name: c.name, start, end: start + country.length, method: 'rule', rule: 'gazetteer-demonym', confidence: 0.85, how: 'demonym', inName: true });
    for (const [k, t] of ctx.tokens.entries()) if (t.start >= start && t.end <= end) ctx.used[k] = true;
  }
}

/** Pass 2: gazetteer phrases, longest first, left to right. */
function gazetteerPhrases(ctx: Ctx): void {
  const { tokens, gaz } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    if (ctx.used[i]) continue;
    const m = gaz.match(tokens, i);
    if (!m) continue;
    if (ctx.used.slice(i, i + m.length).some(Boolean)) continue;
    const first = tokens[i] as Token;
    const last = tokens[i + m.length - 1] as Token;
    let entities = m.ids.map((id) => gaz.get(id)).filter((e): e is GazEntity => e !== undefined);
    // A bare surname ("Yoon", "Abe") names a gazetteer leader only while in office; otherwise the
    // word is left for the article's own names to claim.
    if (m.length === 1) entities = entities.filter((e) => e.kind !== 'PERSON' || m.rules.get(e.id) !== 'alias' || e.terms.some((t) => covers(t, ctx.published)));
    // A gazetteer person inside a longer capitalized name is somebody else ("Kim" in "Kim Yo Jong").
    const before = tokens[i - 1];
    const after = tokens[i + m.length];
    // A city's or country's name at the start of a person's name is the person's ("Nancy Pelosi",
    // "Jordan Tama").
    if (m.length === 1 && entities.some((e) => e.kind === 'PLACE' || (e.kind === 'COUNTRY' && m.rules.get(e.id) === 'name')) && after && isNameToken(after) && adjacent(ctx, last, after) && !ctx.vocab.notNameWords.has(after.text) && !ctx.vocab.orgs.heads.has(after.text) && !gaz.match(tokens, i + m.length)) {
      entities = entities.filter((e) => e.kind !== 'PLACE' && e.kind !== 'COUNTRY');
    }
    if (entities.some((e) => e.kind === 'PERSON') && ((after && isNameToken(after) && adjacent(ctx, last, after) && !ctx.vocab.notNameWords.has(after.text) && !gaz.match(tokens, i + m.length)) || (before && isNameToken(before) && adjacent(ctx, before, first) && !ctx.vocab.titles.words.has(before.text.toLowerCase()) && !ctx.vocab.notNameStart.has(before.text) && !gaz.match(tokens, i - 1)))) {
      entities = entities.filter((e) => e.kind !== 'PERSON');
    }
    const chosen = choose(entities, ctx.published);
    if (chosen.length === 0) continue;
    if (!/^[\p{Lu}\d]/u.test(first.text)) continue;
    for (let k = i; k < i + m.length; k++) ctx.used[k] = true;
    if (m.length > 1 && chosen.some((e) => e.kind === 'ORGANIZATION')) countriesInside(ctx, i, i + m.length - 1);
    for (const e of chosen) {
      const rule = m.rules.get(e.id) ?? m.rule;
      push(ctx, {
        kind: e.kind,
        id: e.id,
        name: e.name,
        start: first.start,
        end: last.end,
        method: 'rule',
        rule: `gazetteer-${rule}`,
        confidence: e.source === 'reference' ? 0.95 : rule === 'capital' ? 0.7 : 0.9,
        ...(e.kind === 'COUNTRY' ? { how: rule } : {}),
      });
    }
    i += m.length - 1;
  }
}

/**
 * "Congress", "the Senate", "the Foreign Ministry": bare names the gazetteer leaves out as ambiguous,
 * taken as the body of the country the article is about (the listed country named last before
 * them, else the first listed one the article names). A bare name inside a longer name ("National
 * People's Congress") is not one.
 */
function bareBodies(ctx: Ctx): void {
  const { doc, gaz, vocab, tokens } = ctx;
  const countries = ctx.out.filter((m) => m.kind === 'COUNTRY');
  for (const [form, byCountry] of Object.entries(vocab.orgs.bareBodies)) {
    const re = new RegExp(`\\b${form.replace(/ /g, '\\s+')}\\b`, 'g');
    for (const m of doc.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const k = tokens.findIndex((t) => t.start === start);
      if (k < 0 || ctx.used[k] || ctx.out.some((o) => o.start < end && start < o.end)) continue;
      const prev = tokens[k - 1];
      if (prev && isCapToken(prev) && adjacent(ctx, prev, tokens[k] as Token) && !vocab.notNameStart.has(prev.text) && !vocab.titles.words.has(prev.text.toLowerCase())) continue;
      const named = countries.filter((c) => byCountry[c.id.slice('country:'.length)] !== undefined);
      if (named.length === 0) continue;
      const before = named.filter((c) => c.end <= start);
      const country = (before[before.length - 1] ?? named.sort((a, b) => Object.keys(byCountry).indexOf(a.id.slice(8)) - Object.keys(byCountry).indexOf(b.id.slice(8)))[0]) as Mention;
      const id = byCountry[country.id.slice('country:'.length)] as string;
      const known = gaz.get(id);
      push(ctx, { kind: 'ORGANIZATION', id, name: known?.name ?? form, start, end, method: 'rule', rule: 'bare-body', confidence: 0.7 });
      for (let j = k; j < tokens.length && (tokens[j] as Token).end <= end; j++) ctx.used[j] = true;
    }
  }
}

/** Among gazetteer entries sharing a phrase, the ones the article date supports (office holders first). */
function choose(entities: GazEntity[], published: string | undefined): GazEntity[] {
  if (entities.length <= 1) return entities;
  const byKind = new Map<string, GazEntity[]>();
  for (const e of entities) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const out: GazEntity[] = [];
  for (const [kind, list] of byKind) {
    if (list.length === 1) {
      out.push(list[0] as GazEntity);
      continue;
    }
    if (kind === 'PERSON') {
      const inOffice = list.filter((e) => e.terms.some((t) => covers(t, published)));
      if (inOffice.length === 1) out.push(inOffice[0] as GazEntity);
      continue; // still ambiguous: better no match than a wrong one
    }
    const curated = list.filter((e) => e.source === 'reference');
    out.push((curated[0] ?? list[0]) as GazEntity);
  }
  // A capital that is also a city: both readings stay; the resolution stage decides.
  return out;
}

export function covers(t: { since?: string; until?: string }, date: string | undefined): boolean {
  if (date === undefined) return t.until === undefined;
  return (t.since === undefined || t.since <= date) && (t.until === undefined || date <= t.until);
}

/**
 * "a researcher at Carnegie India", "a senior fellow at the Inter-American Dialogue": a capitalized
 * name after an analyst's or official's title and "at" is where they work, an organization, even
 * without a head noun (unless the gazetteer knows it as a place or country).
 */
function workplaces(ctx: Ctx): void {
  const { doc, vocab, gaz } = ctx;
  const titles = alternation([...vocab.titles.analyst, ...vocab.titles.official, 'fellow', 'researcher', 'analyst', 'scholar', 'economist']);
  const re = new RegExp(`\\b(?:${titles})\\s+(?:at|with)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}’'.&-]*(?:\\s+(?:(?:of|for|and|on|&)\\s+)?\\p{Lu}[\\p{L}’'.&-]*){0,5})`, 'gu');
  for (const m of doc.text.matchAll(re)) {
    const text = (m[1] as string).replace(/[.’']+$/, '');
    const start = m.index + m[0].length - (m[1] as string).length;
    const end = start + text.length;
    const inside = ctx.out.filter((o) => o.start < end && start < o.end);
    // Countries named inside stay countries ("India" in "Carnegie India"), a weak guess at a surname
    // ("Carnegie") gives way; anything else there wins.
    const weak = (o: Mention): boolean => o.kind === 'PERSON' && o.rule === 'surname?';
    if (inside.some((o) => !(o.kind === 'COUNTRY' || weak(o)) || o.start < start || o.end > end)) continue;
    ctx.out = ctx.out.filter((o) => !(inside.includes(o) && weak(o)));
    const ids = gaz.lookup(text);
    if (ids.some((id) => id.startsWith('place:') || id.startsWith('country:') || id.startsWith('person:'))) continue;
    const { id, known } = orgId(gaz, text);
    push(ctx, { kind: 'ORGANIZATION', id, name: known?.name ?? text, start, end, method: 'rule', rule: 'org-workplace', confidence: 0.65 });
    for (const o of inside) if (o.kind === 'COUNTRY') o.inName = true;
  }
}

/** "(AFP-JIJI)", "AAP/TNS": agencies' short names joined in one credit, each an organization. */
function wireCredits(ctx: Ctx): void {
  const { doc, gaz } = ctx;
  for (const m of doc.text.matchAll(/\b[A-Z]{2,6}(?:[-/][A-Z]{2,6})+\b/g)) {
    let at = m.index;
    for (const part of m[0].split(/[-/]/)) {
      const start = at;
      const end = at + part.length;
      at = end + 1;
      const id = gaz.lookup(part).find((x) => x.startsWith('org:'));
      if (!id || ctx.out.some((o) => o.start < end && start < o.end)) continue;
      push(ctx, { kind: 'ORGANIZATION', id, name: (gaz.get(id) as GazEntity).name, start, end, method: 'rule', rule: 'wire-credit', confidence: 0.8 });
    }
  }
}

/** Pass 3: the remaining capitalized runs. */
function capitalizedRuns(ctx: Ctx): void {
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    if (ctx.used[i] || !isCapToken(tokens[i] as Token)) {
      i++;
      continue;
    }
    const j = runAt(ctx, i, true);
    // Outside an organization's name, "and" and "for" join two names, not one.
    let from = i;
    for (let k = i; k <= j; k++) {
      if (!ctx.vocab.orgs.orgOnlyConnectors.has((tokens[k] as Token).text)) continue;
      if (k > from) classifyRun(ctx, from, k - 1);
      from = k + 1;
    }
    if (from <= j) classifyRun(ctx, from, j);
    i = j + 1;
  }
}

function lastBefore(ctx: Ctx, kind: EntityKind, offset: number, within: number): Mention | undefined {
  let best: Mention | undefined;
  for (const m of ctx.out) if (m.kind === kind && m.end <= offset && offset - m.end <= within) best = m;
  if (best && /[.;!?\n]/.test(ctx.doc.text.slice(best.end, offset))) return undefined;
  return best;
}

function classifyRun(ctx: Ctx, first0: number, j: number): void {
  const { tokens, vocab, doc } = ctx;
  let i = first0;
  let s = i;
  // Leading title words ("President", "Secretary of State", "Gen.") and their connectors.
  const titleParts: string[] = [];
  while (s <= j) {
    const t = tokens[s] as Token;
    if (vocab.titles.words.has(t.text.toLowerCase()) || (titleParts.length > 0 && vocab.orgs.connectors.has(t.text))) {
      titleParts.push(t.text);
      s++;
      continue;
    }
    break;
  }
  // "House Speaker Nancy Pelosi": a title inside the run, after words that are not a name.
  if (titleParts.length === 0) {
    const split = titleSplit(ctx, s, j);
    if (split) {
      for (let k = split.title; k < split.name; k++) titleParts.push((tokens[k] as Token).text);
      i = split.title;
      s = split.name;
    }
  }
  const startTok = tokens[i] as Token;
  const before = doc.text.slice(Math.max(0, startTok.start - 80), startTok.start);
  const lower = ctx.lowerTitle.exec(before);
  const lowerTitle = lower && !/^(?:the|a|an)$/i.test((lower[1] as string).trim()) ? lower : null;
  if (s > j) return;
  // "Director of Academic Affairs": a title phrase continued by "of" is all title, no name in it.
  if (titleParts.length > 0 && vocab.orgs.connectors.has(titleParts[titleParts.length - 1] as string)) return;
  s = trimStart(ctx, s, j);
  const e = trimEnd(ctx, s, j);
  if (s > e) return;
  const first = tokens[s] as Token;
  const last = tokens[e] as Token;
  const runTokens = tokens.slice(s, e + 1);
  // Honorifics are a title, never the name.
  const titleText = [...titleParts.filter((p) => !vocab.titles.honorifics.has(p.toLowerCase()))].join(' ') || lowerTitle?.[1]?.replace(/,\s*$/, '').trim();
  const title = titleText === '' ? undefined : titleText;
  // The country and the organization of the title: "Russian President X", "NATO Secretary-General X",
  // "White House press secretary X".
  const titleStart = titleParts.length > 0 ? startTok.start : lowerTitle ? startTok.start - (lowerTitle[1] as string).length : startTok.start;
  const countryBefore = lastBefore(ctx, 'COUNTRY', titleStart, 3);
  const orgBefore = titleOrgBefore(ctx, titleStart);
  const titleCountry = (titleParts.length > 0 || lowerTitle) && countryBefore ? countryBefore.id : undefined;
  const titleOrg = (titleParts.length > 0 || lowerTitle) && orgBefore ? orgBefore.id : undefined;

  if (vocab.notNameStart.has(first.text) && titleParts.length === 0) {
    if (e > s) classifyRun(ctx, s + 1, e);
    return;
  }
  if (!runTokens.every(isNameToken) || runTokens.some((t) => vocab.notNameWords.has(t.text))) return;
  const after = doc.text.slice(last.end, last.end + 60);
  const pre = doc.text.slice(Math.max(0, startTok.start - 30), startTok.start);
  const personContext =
    titleParts.length > 0 ||
    !!lowerTitle ||
    ctx.speechAfter.test(after) ||
    ctx.speechBefore.test(pre) ||
    /^,\s+(?:a|an|the|who|of|from|at|director|head|chief|senior|professor|former|\d{2},)\b/i.test(after) ||
    /(?:^|\n)\s*By\s+$/.test(pre) ||
    /according to\s+$/i.test(pre) ||
    /^\s+and\s+\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+(?:,\s+who\b|\s+(?:said|met|held|signed|agreed))/u.test(after) ||
    (/\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+\s+and\s+$/u.test(pre) && /^\s*(?:,\s+who\b|\s+(?:said|met|held|signed|agreed))/.test(after));

  const extra = { ...(title ? { title } : {}), ...(titleCountry ? { titleCountry } : {}), ...(titleOrg ? { titleOrg } : {}) };
  if (runTokens.length >= 2 && runTokens.length <= 4) {
    if (!personContext) return;
    const text = doc.text.slice(first.start, last.end);
    push(ctx, { kind: 'PERSON', id: `person:${slugify(text)}`, name: text, start: first.start, end: last.end, method: 'rule', rule: titleParts.length > 0 ? 'title-name' : 'name-context', confidence: title && leaderTitle(vocab, title) ? 0.75 : 0.7, ...extra });
    return;
  }
  if (runTokens.length === 1) {
    // A single capitalized word: a surname, resolved later against the article's people and the
    // gazetteer. Without a person context it is a weak candidate.
    push(ctx, { kind: 'PERSON', id: '', name: first.text, start: first.start, end: last.end, method: 'rule', rule: personContext ? 'surname' : 'surname?', confidence: personContext ? 0.6 : 0.4, ...extra });
  }
}

/** True when a title makes its holder a head of state or government. */
export function leaderTitle(vocab: Vocabulary, title: string): boolean {
  const t = title.toLowerCase();
  const has = (w: string): boolean => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(t);
  return vocab.titles.leader.some(has) && !vocab.titles.notLeader.some(has);
}

// ---- model mentions ---------------------------------------------------------------------------

const MODEL_KINDS: Record<string, EntityKind> = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION', CITY: 'PLACE', LOCATION: 'PLACE', STATE_OR_PROVINCE: 'PLACE' };

/**
 * CoreNLP's entity mentions the rules did not find: people without a context the rules know,
 * organizations without a head noun ("Gazprom", "Twitter"), places beyond the gazetteer ("La
 * Malbaie"). Where the gazetteer knows the name, its id and kind win over the model's label.
 */
function modelMentions(ctx: Ctx, entities: NlpEntity[]): void {
  const { gaz, doc, vocab } = ctx;
  // "Reuters/Ipsos": two names.
  const parts = entities.flatMap((ent) => {
    const text = doc.text.slice(ent.start, ent.end);
    if (!text.includes('/')) return [ent];
    let at = ent.start;
    return text.split('/').map((p) => {
      const e = { ...ent, start: at, end: at + p.length, text: p };
      at += p.length + 1;
      return e;
    });
  });
  for (const ent of parts) {
    const kind = MODEL_KINDS[ent.type];
    if (!kind) continue;
    // Leading "the" and honorifics are not part of a name; a possessive ends it.
    let start = ent.start;
    let end = ent.end;
    let text = doc.text.slice(start, end);
    const lead = /^(?:the|The|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+/.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    const poss = /[’']s?$/.exec(text);
    if (poss) {
      end -= poss[0].length;
      text = text.slice(0, -poss[0].length);
    }
    if (text.trim() === '' || !/^[\p{Lu}\d]/u.test(text)) continue;
    // The model's mention replaces weak rule guesses it overlaps (a capitalized word taken for a
    // surname without context); gazetteer and pattern names stay.
    const overlapping = ctx.out.filter((o) => o.start < end && start < o.end && !(o.inName && kind === 'ORGANIZATION'));
    if (overlapping.some((o) => !(o.method === 'rule' && o.rule === 'surname?'))) continue;
    for (const o of overlapping) ctx.out.splice(ctx.out.indexOf(o), 1);
    if (kind === 'PERSON') {
      const words = text.split(/\s+/);
      if (words.some((w) => vocab.notNameWords.has(w) || vocab.orgs.heads.has(w))) continue;
      const known = gaz.lookup(text).filter((id) => gaz.get(id)?.kind === 'PERSON');
      if (words.length === 1) {
        push(ctx, { kind, id: known.length === 1 ? (known[0] as string) : '', name: known.length === 1 ? (gaz.get(known[0] as string) as GazEntity).name : text, start, end, method: 'model', rule: 'ner-person-surname', confidence: 0.6 });
      } else {
        const id = known.length === 1 ? (known[0] as string) : `person:${slugify(text)}`;
        push(ctx, { kind, id, name: gaz.get(id)?.name ?? text, start, end, method: 'model', rule: 'ner-person', confidence: 0.8, ...titleBefore(ctx, start) });
      }
      continue;
    }
    // The gazetteer's reading of the name wins ("Pentagon" is an organization, "Liberty in North
    // Korea" is not a country).
    const gazIds = gaz.lookup(text);
    const gazKinds = new Set(gazIds.map((id) => gaz.get(id)?.kind));
    if (gazKinds.has('COUNTRY') || gazKinds.has('PERSON')) continue;
    if (kind === 'ORGANIZATION' || gazKinds.has('ORGANIZATION')) {
      if (text.split(/\s+/).length === 1 && vocab.orgs.genericHeads.has(text)) continue;
      const { id, known } = orgId(gaz, text);
      push(ctx, { kind: 'ORGANIZATION', id, name: known?.name ?? text, start, end, method: 'model', rule: known ? 'ner-org-gazetteer' : 'ner-org', confidence: known ? 0.9 : 0.75 });
      continue;
    }
    const placeId = gazIds.find((id) => id.startsWith('place:'));
    // "Peninsula", "Gulf": a geographic word alone names no place.
    if (!placeId && (text.split(/\s+/).every((w) => vocab.notNameWords.has(w)) || /^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)\b/.test(text) && !text.includes(' '))) continue;
    push(ctx, { kind: 'PLACE', id: placeId ?? `place:${slugify(text)}`, name: placeId ? (gaz.get(placeId) as GazEntity).name : text, start, end, method: 'model', rule: placeId ? 'ner-place-gazetteer' : 'ner-place', confidence: placeId ? 0.85 : 0.7 });
  }
}

/** The title written right before a model person ("Iranian President", "NATO Secretary-General"). */
function titleBefore(ctx: Ctx, start: number): Pick<Mention, 'title' | 'titleCountry' | 'titleOrg'> {
  const before = ctx.doc.text.slice(Math.max(0, start - 80), start);
  const cap = /((?:\b\p{Lu}[\p{L}-]*\.?\s+)+)$/u.exec(before);
  let title: string | undefined;
  let titleStart = start;
  if (cap) {
    const words = (cap[1] as string).trim().split(/\s+/);
    let k = words.length;
    while (k > 0 && ctx.vocab.titles.words.has((words[k - 1] as string).replace(/\.$/, '').toLowerCase())) k--;
    const kept = words.slice(k).filter((w) => !ctx.vocab.titles.honorifics.has(w.replace(/\.$/, '').toLowerCase()));
    if (kept.length > 0) {
      title = kept.join(' ');
      titleStart = start - (cap[1] as string).length + (cap[1] as string).indexOf(words[k] as string);
    }
  }
  if (!title) {
    const lower = ctx.lowerTitle.exec(before);
    if (lower && !/^(?:the|a|an)$/i.test((lower[1] as string).trim())) {
      title = (lower[1] as string).replace(/,\s*$/, '').trim();
      titleStart = start - (lower[1] as string).length;
    }
  }
  if (!title) return {};
  const country = lastBefore(ctx, 'COUNTRY', titleStart, 3);
  const org = titleOrgBefore(ctx, titleStart);
  return { title, ...(country ? { titleCountry: country.id } : {}), ...(org ? { titleOrg: org.id } : {}) };
}

/**
 * The organization a title belongs to when it is written before it: "NATO Secretary-General",
 * "Fox News military analyst retired Lt. Col.", "UN Syria mediator" (lowercase words or a country
 * may stand between them).
 */
function titleOrgBefore(ctx: Ctx, titleStart: number): Mention | undefined {
  let best: Mention | undefined;
  const titleish = new Set([...ctx.vocab.titles.nouns, ...ctx.vocab.titles.modifiers].map((w) => w.toLowerCase()));
  for (const m of ctx.out) {
    if (m.kind !== 'ORGANIZATION' || m.end > titleStart || titleStart - m.end > 60) continue;
    const between = ctx.doc.text.slice(m.end, titleStart);
    const countries = ctx.out.filter((c) => c.kind === 'COUNTRY' && c.start >= m.end && c.end <= titleStart);
    let rest = between;
    for (const c of countries) rest = rest.replace(ctx.doc.text.slice(c.start, c.end), ' ');
    const words = rest.trim().split(/\s+/).filter(Boolean);
    if (words.length <= 4 && words.every((w) => titleish.has(w))) best = m;
  }
  return best;
}
