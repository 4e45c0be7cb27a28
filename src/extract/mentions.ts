import type { EntityKind } from '../seed/model.js';
import { slugify, type GazEntity, type Gazetteer } from './gazetteer.js';
import { insideQuote, type TextDoc, type Token } from './text.js';

/**
 * Finding the entities an article names: gazetteer phrases first (longest match), then capitalized
 * runs that patterns show to be people or organizations. Every mention keeps its character span and
 * sentence, the rule that found it and a confidence.
 */

export interface Mention {
  kind: EntityKind;
  /** Resolved id (gazetteer id, or a new id from the slug of the full name). */
  id: string;
  name: string;
  start: number;
  end: number;
  sentence: number;
  inQuote: boolean;
  rule: string;
  confidence: number;
  /** Person mentions: the title written before the name ("Russian President"), if any. */
  title?: string;
  /** Person mentions: the country named with that title ("Russian" -> country:RUS), if any. */
  titleCountry?: string;
  /** Country mentions: how the country was named (name, alias, demonym, capital). */
  how?: string;
}

/** Words that head an organization's name. */
const ORG_HEADS = new Set(
  'Institute Institution Center Centre Foundation Council Endowment Group Agency Service Department Ministry Office Commission Committee University College Corporation Company Association Forum Club Party Organization Organisation Bank Fund Program Programme Project Initiative Society School Academy Network Alliance Union Authority Administration Assembly Parliament Congress Senate Court Bureau Board Forces Command Airlines Airways Studies Times Post Journal News Agency Press Television Radio Broadcasting Guard Army Navy Police Cabinet Secretariat Federation Trust Laboratory'.split(' '),
);
/** Lowercase words allowed inside a capitalized name ("Foundation for the Defense of Democracies"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'on', 'de', 'del', 'da', 'van', 'von', 'bin', 'al', 'la', 'le', 'y', '&']);
/** Title words written before a person's name. Lowercase forms are matched case-insensitively. */
const TITLE_WORDS = new Set(
  'president prime minister premier chancellor leader supreme chairman chairwoman general secretary secretary-general foreign defense defence state vice deputy king queen crown prince princess emperor ambassador senator sen rep gov governor mr mrs ms dr gen adm col lt director spokesman spokeswoman spokesperson envoy special representative commander marshal pope sheikh emir sultan chief justice mayor first lady national security adviser advisor counselor councillor official officials minister-president chair'.split(' '),
);
/** Titles that make a person a head of state or government. */
const LEADER_TITLES = /\b(president|prime minister|premier|chancellor|supreme leader|leader|king|emperor|chairman kim|general secretary)\b/i;
/** Capitalized words that start sentences or headlines and never begin a name. */
const NOT_NAME_START = new Set(
  'The A An In On At By For But And Or If As After Before During While When Where Why How What Who This That These Those Its His Her Their Our My Your It He She They We I You Despite Following Starting Beyond Sending Additional Add Comments Asked Speaking Even Since Until Under Over From To With Without Also Still Yet So Then Now Thursday Friday Saturday Sunday Monday Tuesday Wednesday January February March April May June July August September October November December'.split(
    ' ',
  ),
);
const SPEECH_VERBS = 'said|says|told|added|wrote|noted|argued|agreed|warned|explained|stressed|cautioned|insisted|replied|responded|declared|tweeted|asked|continued|predicted|believes|thinks|observed|remarked|acknowledged|conceded|suggested|recalled|posted';
const SPEECH_AFTER = new RegExp(`^\\s*(?:,\\s*)?(?:${SPEECH_VERBS})\\b`);
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS})\\s*$`);
const APPOSITION_AFTER = /^,\s+(?:a|an|the|who|of|from|at|director|head|chief|senior|professor|former)\b/i;

function isCapToken(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && !/^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(t.text) ? true : /^\p{Lu}[\p{Ll}]/u.test(t.text);
}

function isNameToken(t: Token): boolean {
  return /^\p{Lu}[\p{L}'’-]*$/u.test(t.text) || /^\p{Lu}\.$/u.test(t.text);
}

/** Only white space (and no line break) between two tokens: they can belong to one name. */
function adjacent(doc: TextDoc, a: Token, b: Token): boolean {
  const gap = doc.text.slice(a.end, b.start);
  return /^[ \t]+$/.test(gap) || (gap === '' && false);
}

/** Options that depend on the article: its date picks the office holder when a name is shared. */
export interface MentionContext {
  published?: string;
}

export function findMentions(doc: TextDoc, gaz: Gazetteer, ctx: MentionContext): Mention[] {
  const out: Mention[] = [];
  const tokens = doc.tokens;
  const used = new Array<boolean>(tokens.length).fill(false);

  // 1. Gazetteer phrases, longest first, left to right.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const m = gaz.match(tokens, i);
    if (!m) continue;
    const first = tokens[i] as Token;
    const last = tokens[i + m.length - 1] as Token;
    if (startsOrgName(doc, tokens, i + m.length, gaz)) continue;
    let entities = m.ids.map((id) => gaz.get(id)).filter((e): e is GazEntity => e !== undefined);
    // A bare surname ("Yoon", "Abe") names a gazetteer leader only while in office; otherwise the
    // word is left for the article's own names to claim.
    if (m.length === 1) {
      entities = entities.filter((e) => e.kind !== 'PERSON' || m.rules.get(e.id) !== 'alias' || e.terms.some((t) => covers(t, ctx.published)));
    }
    const chosen = choose(entities, ctx);
    if (chosen.length === 0) continue;
    // A lowercase-starting phrase only counts when the gazetteer form is lowercase too (never for names).
    if (!/^\p{Lu}/u.test(first.text) && !/^\p{Lu}/u.test(chosen[0]!.name)) continue;
    if (!/^[\p{Lu}\d]/u.test(first.text)) continue;
    for (let k = i; k < i + m.length; k++) used[k] = true;
    for (const e of chosen) {
      out.push({
        kind: e.kind,
        id: e.id,
        name: e.name,
        start: first.start,
        end: last.end,
        sentence: first.sentence,
        inQuote: insideQuote(doc, first.start, last.end),
        rule: `gazetteer:${e.source}:${m.rules.get(e.id) ?? m.rule}`,
        confidence: e.source === 'reference' ? 0.95 : m.rules.get(e.id) === 'capital' ? 0.7 : 0.9,
        ...(e.kind === 'COUNTRY' ? { how: m.rules.get(e.id) ?? m.rule } : {}),
      });
    }
  }

  // 2. Capitalized runs not covered by the gazetteer.
  let i = 0;
  while (i < tokens.length) {
    if (used[i] || !isCapToken(tokens[i] as Token)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const a = tokens[j] as Token;
      const b = tokens[j + 1] as Token;
      if (used[j + 1] || !adjacent(doc, a, b) || a.text.endsWith('’s') || a.text.endsWith("'s")) break;
      if (isCapToken(b)) {
        j++;
        continue;
      }
      // Connectors join capitalized words on both sides: "Foundation for the Defense".
      let k = j + 1;
      while (k < tokens.length && CONNECTORS.has((tokens[k] as Token).text) && adjacent(doc, tokens[k - 1] as Token, tokens[k] as Token)) k++;
      if (k > j + 1 && k < tokens.length && !used[k] && isCapToken(tokens[k] as Token) && adjacent(doc, tokens[k - 1] as Token, tokens[k] as Token)) {
        j = k;
        continue;
      }
      break;
    }
    classifyRun(doc, gaz, ctx, i, j, out);
    i = j + 1;
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/**
 * True when capitalized words right after a country or place phrase end in an organization head
 * ("United States Forces Korea", "Russian Foreign Ministry"): the phrase is then part of a name.
 */
function startsOrgName(doc: TextDoc, tokens: Token[], next: number, gaz: Gazetteer): boolean {
  let k = next;
  while (k < tokens.length && k < next + 5) {
    const prev = tokens[k - 1] as Token;
    const t = tokens[k] as Token;
    if (!adjacent(doc, prev, t) || !(isCapToken(t) || CONNECTORS.has(t.text))) return false;
    if (ORG_HEADS.has(t.text)) return gaz.match(tokens, next)?.ids.some((id) => id.startsWith('org:')) !== true;
    k++;
  }
  return false;
}

/** Among gazetteer entries sharing a phrase, the ones the article date supports (office holders first). */
function choose(entities: GazEntity[], ctx: MentionContext): GazEntity[] {
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
      const inOffice = list.filter((e) => e.terms.some((t) => covers(t, ctx.published)));
      if (inOffice.length === 1) out.push(inOffice[0] as GazEntity);
      continue; // still ambiguous: better no match than a wrong one
    }
    const curated = list.filter((e) => e.source === 'reference');
    out.push((curated[0] ?? list[0]) as GazEntity);
  }
  return out;
}

export function covers(t: { since?: string; until?: string }, date: string | undefined): boolean {
  if (date === undefined) return t.until === undefined;
  return (t.since === undefined || t.since <= date) && (t.until === undefined || date <= t.until);
}

function classifyRun(doc: TextDoc, gaz: Gazetteer, ctx: MentionContext, i: number, j: number, out: Mention[]): void {
  const tokens = doc.tokens;
  let s = i;
  // Leading title words ("President", "Secretary of State") and demonyms before them.
  const titleParts: string[] = [];
  let titleCountry: string | undefined;
  while (s <= j) {
    const t = tokens[s] as Token;
    if (TITLE_WORDS.has(t.text.toLowerCase()) || (titleParts.length > 0 && CONNECTORS.has(t.text))) {
      titleParts.push(t.text);
      s++;
      continue;
    }
    break;
  }
  // Lowercase titles just before the run: "North Korea's leader Kim Jong Un", "the ambassador".
  const before = doc.text.slice(Math.max(0, (tokens[i] as Token).start - 60), (tokens[i] as Token).start);
  const lowerTitle = /(?:^|[\s,])((?:[A-Z][\w.’']*\s+)?(?:(?:vice |deputy |prime |foreign |defense |supreme |national security )?(?:president|minister|leader|chancellor|premier|ambassador|spokesman|spokeswoman|spokesperson|envoy|adviser|advisor|secretary|governor|senator|speaker|lawyer|attorney|counterpart|wife|husband|sister|brother|daughter|son|aide|negotiator|predecessor|successor|official|diplomat|general|commander|chief|director|analyst|professor|researcher|fellow))(?:,\s*)?\s*)$/i.exec(before);
  const countryBefore = lastCountryBefore(out, (tokens[i] as Token).start, doc);
  if (titleParts.length > 0 && countryBefore && doc.text.slice(countryBefore.end, (tokens[i] as Token).start).trim() === '') {
    titleCountry = countryBefore.id;
  } else if (lowerTitle && countryBefore && countryBefore.end >= (tokens[i] as Token).start - 40) {
    titleCountry = countryBefore.id;
  }
  if (s > j) return;
  // "Director of Academic Affairs": a title phrase continued by "of" is all title, no name in it.
  if (titleParts.length > 0 && CONNECTORS.has(titleParts[titleParts.length - 1] as string)) return;
  // Drop trailing connectors.
  let e = j;
  while (e > s && CONNECTORS.has((tokens[e] as Token).text)) e--;
  const first = tokens[s] as Token;
  const last = tokens[e] as Token;
  const runTokens = tokens.slice(s, e + 1);
  const text = doc.text.slice(first.start, last.end);
  const inQuote = insideQuote(doc, first.start, last.end);
  const title = [...titleParts].join(' ') || lowerTitle?.[1]?.trim();

  // Organization: a head noun inside the run (and not a title phrase like "Director of Academic Affairs").
  if (runTokens.some((t) => ORG_HEADS.has(t.text)) && titleParts.length === 0 && runTokens.length >= 2) {
    const name = text.replace(/^the\s+/i, '');
    out.push({ kind: 'ORGANIZATION', id: `org:${slugify(name)}`, name, start: first.start, end: last.end, sentence: first.sentence, inQuote, rule: 'pattern:org-head', confidence: 0.7 });
    return;
  }
  if (NOT_NAME_START.has(first.text) && titleParts.length === 0) {
    // "Following the meeting Putin": the name, if any, starts later in the run.
    if (e > s) classifyRun(doc, gaz, ctx, s + 1, e, out);
    return;
  }
  if (!runTokens.every(isNameToken)) return;
  const after = doc.text.slice(last.end, last.end + 40);
  const pre = doc.text.slice(Math.max(0, first.start - 30), first.start);
  const personContext =
    titleParts.length > 0 ||
    !!lowerTitle ||
    SPEECH_AFTER.test(after) ||
    SPEECH_BEFORE.test(pre) ||
    APPOSITION_AFTER.test(after) ||
    /(?:^|\n)\s*By\s+$/.test(pre) ||
    /according to\s+$/i.test(pre) ||
    // "Ronald Reagan and Mikhail Gorbachev, who ...": a name joined by "and" to a name in context.
    /^\s+and\s+\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+(?:,\s+who\b|\s+(?:said|met|held|signed|agreed))/u.test(after) ||
    /\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+\s+and\s+$/u.test(pre) && /^\s*(?:,\s+who\b|\s+(?:said|met|held|signed|agreed))/.test(after);

  if (runTokens.length >= 2 && runTokens.length <= 4) {
    // A known person by surname + title ("President Moon" not in the gazetteer as such)?
    if (!personContext) return;
    const name = text;
    const isLeaderTitle = title !== undefined && LEADER_TITLES.test(title);
    out.push({
      kind: 'PERSON',
      id: `person:${slugify(name)}`,
      name,
      start: first.start,
      end: last.end,
      sentence: first.sentence,
      inQuote,
      rule: titleParts.length > 0 ? 'pattern:title-name' : 'pattern:name-context',
      confidence: isLeaderTitle ? 0.75 : 0.7,
      ...(title ? { title } : {}),
      ...(titleCountry ? { titleCountry } : {}),
    });
    return;
  }
  if (runTokens.length === 1) {
    // A single capitalized word: a surname, resolved later against the article's people and the
    // gazetteer. Recorded only in a person context.
    if (!personContext && titleParts.length === 0) {
      out.push({ kind: 'PERSON', id: '', name: text, start: first.start, end: last.end, sentence: first.sentence, inQuote, rule: 'pattern:surname?', confidence: 0.4 });
      return;
    }
    out.push({
      kind: 'PERSON',
      id: '',
      name: text,
      start: first.start,
      end: last.end,
      sentence: first.sentence,
      inQuote,
      rule: 'pattern:surname',
      confidence: 0.6,
      ...(title ? { title } : {}),
      ...(titleCountry ? { titleCountry } : {}),
    });
  }
}

function lastCountryBefore(out: Mention[], offset: number, doc: TextDoc): Mention | undefined {
  let best: Mention | undefined;
  for (const m of out) if (m.kind === 'COUNTRY' && m.end <= offset && offset - m.end <= 40) best = m;
  if (best && /[.;!?\n]/.test(doc.text.slice(best.end, offset))) return undefined;
  return best;
}
