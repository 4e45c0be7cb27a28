import type { NlpEntity } from '../nlp/types.js';
import { addDays, datesIn, daysBetween, type DateFound } from './dates.js';
import { slugify, type GazEntity, type Gazetteer } from './gazetteer.js';
import { covers, type Method, type Mention } from './mentions.js';
import type { AttributedQuote } from './quotes.js';
import { leaderOf, type Meeting, type RelationsOutput } from './relations.js';
import type { Resolved } from './resolve.js';
import { insideQuote, sentenceAt, type TextDoc } from './text.js';
import { alternation, type SeriesSpec, type Vocabulary } from './vocab.js';

/**
 * Stage 6, summit: the meeting the article is about, and the meetings held on its sidelines.
 *
 * 1. Anchors: the sentences that speak of a summit (a summit noun outside quotes: "summit",
 *    "talks", "meeting", "gathering"), with the series when one is named with it ("the G20 summit",
 *    "a post-G20 summit meeting", "summit of the world's largest defense alliance" after NATO).
 * 2. The summit: a series summit when the title or the lead names one (G7, G20, NATO, APEC, ...:
 *    `vocab/series.yaml`), else the first lead sentence with two or more leaders and a meeting word
 *    (a bilateral or trilateral summit), else a summit noun in the lead with the leader it names.
 * 3. Participants: for a series summit, the leaders in office (gazetteer terms) of its member
 *    countries and the officials of its body who act in the text (subject of a verb, speaker of a
 *    quote, or named in an anchor sentence); anybody else (guests, ministers) only when an anchor
 *    sentence places them there. For a bilateral summit, the leaders of its sentence.
 * 4. Place: the place named in anchor sentences and the lead ("in Hanoi", "at the Capella Hotel",
 *    "Argentina's capital", the dateline "LA MALBAIE, Quebec (Reuters)"), the most specific of the
 *    best; a venue the gazetteer lacks becomes a new place inside the place or country written after
 *    it. Date: the earliest date the anchor sentences state (weekdays resolved against the
 *    publication date, forwards for the future: "set for Friday"), "the second day of the summit"
 *    counted back, "the two-day summit" giving the last day; a summit of the reference data (same
 *    series or place, overlapping days) gives its id and days.
 * 5. Topics from `vocab/topics.yaml` named in anchor sentences (or twice in the article) and the
 *    outcome the text states (`vocab/outcomes.yaml`).
 * 6. Sideline meetings: the relations stage's meetings between people, told in an anchor sentence or
 *    "on the sidelines", become meetings at the summit (date, place, summit).
 * With the model's DATE mentions, their normalized values are used where they are full dates.
 */

export interface PlaceRef {
  id: string;
  name: string;
  /** The text's span naming it, when there is one. */
  at?: number;
  end?: number;
  /** A place the gazetteer lacks: what it lies in (a place or a country id), when known. */
  created?: { within?: string };
}

export interface Participant {
  id: string;
  at: number;
  end: number;
  rule: string;
  confidence: number;
}

export interface SummitFound {
  id: string;
  name: string;
  series?: string;
  date: string;
  endDate?: string;
  place?: PlaceRef;
  participants: Participant[];
  /** The anchor sentence that defines the summit. */
  at: number;
  end: number;
  topics: { id: string; name: string; at: number; end: number }[];
  outcome?: { label: string; at: number; end: number };
  method: Method;
  rule: string;
  confidence: number;
}

export interface SummitMeeting extends Meeting {
  date?: string;
  place?: string;
  summit?: string;
}

export interface SummitOutput {
  summit?: SummitFound;
  meetings: SummitMeeting[];
}

export interface SummitInput {
  doc: TextDoc;
  gaz: Gazetteer;
  vocab: Vocabulary;
  title: string;
  published?: string;
  resolved: Resolved;
  relations: RelationsOutput;
  quotes: AttributedQuote[];
  /** The model's DATE mentions (normalized), when the article was annotated. */
  modelDates?: NlpEntity[];
  /** When given, the stage writes why it chose what it chose here (for debugging the rules). */
  trace?: string[];
}

interface Anchor {
  sentence: number;
  at: number;
  end: number;
  series?: string;
  /** "summit" or a named series: about a summit wherever it stands ("talks", "meeting": only in the lead). */
  strong: boolean;
}

/** How far into the article the lead reaches (paragraphs, after bylines and credits). */
const LEAD_PARAGRAPHS = 4;

/** True when a sentence is in the article's lead: its first paragraphs of prose (bylines skipped). */
function inLead(doc: TextDoc, sentence: number): boolean {
  const first = doc.paragraphs.find((p) => doc.text.slice(p.start, p.end).split(/\s+/).length >= 8)?.index ?? 0;
  return (doc.sentences[sentence]?.paragraph ?? 99) < first + LEAD_PARAGRAPHS;
}

export function summitStage(input: SummitInput): SummitOutput {
  const { doc, vocab, resolved, relations } = input;
  const lead = (sentence: number): boolean => inLead(doc, sentence);
  const allAnchors = findAnchors(input);
  const anchors = allAnchors.filter((a) => a.strong || lead(a.sentence));
  const leaders = resolved.people.filter((m) => relations.labels.get(m.id)?.has('Leader') && !m.inQuote);

  // ---- Which summit.
  const titleSeries = seriesInTitle(input);
  // A series summit the lead names as an earlier or later meeting ("The two leaders last met on the
  // sidelines of the G20 summit in Bali") is not what the article is about.
  const earlier = (a: Anchor): boolean => ANOTHER_MEETING.test(doc.sentences[a.sentence]?.text ?? '');
  const seriesAnchor = anchors.find((a) => a.series && ((lead(a.sentence) && !earlier(a)) || a.series === titleSeries)) ?? (titleSeries ? anchors.find((a) => a.series === titleSeries) : undefined);
  let kind: 'series' | 'leaders' | 'anchored' | undefined;
  let main: Anchor | undefined;
  let core: Mention[] = [];
  if (seriesAnchor || titleSeries) {
    kind = 'series';
    main = seriesAnchor ?? anchors.find((a) => a.strong) ?? anchors[0];
  } else {
    const firstProse = doc.sentences.find((x) => x.text.split(/\s+/).length >= 8)?.index ?? 0;
    const meetingWord = new RegExp(`\\b(?:${alternation([...vocab.meetings.summitNouns, ...vocab.meetings.meetPhrases])})\\b`, 'i');
    for (const s of doc.sentences) {
      if (!lead(s.index)) break;
      const ids = new Set(leaders.filter((m) => m.sentence === s.index).map((m) => m.id));
      if (ids.size < 2 || !(meetingWord.test(s.text) || s.index === firstProse)) continue;
      kind = 'leaders';
      main = { sentence: s.index, at: s.start, end: s.end, strong: true };
      core = leaders.filter((m) => m.sentence === s.index);
      break;
    }
    if (!main) {
      // A summit the lead names without its leaders ("a last-ditch summit meeting in Tehran"), or the
      // first sentence anywhere that calls something a summit.
      main = anchors.find((a) => lead(a.sentence)) ?? anchors.find((a) => a.strong);
      if (main) {
        kind = 'anchored';
        const at = main.sentence;
        core = leaders.filter((m) => m.sentence === at);
        // "The leaders of North and South Korea agreed ...", "the new U.S. president hosts the
        // long-serving German leader": the leaders in office of the countries the sentence names,
        // when the article names them; else those named in the sentence before ("They'll ...").
        if (core.length === 0) {
          const named = new Set(resolved.countries.filter((c) => c.sentence === at && !c.inQuote && !c.inName).map((c) => c.id));
          core = leaders.filter((m) => input.gaz.get(m.id)?.terms.some((t) => named.has(t.country) && covers(t, input.published)) === true);
          core = core.filter((m, i) => core.findIndex((x) => x.id === m.id) === i);
        }
        if (core.length === 0) core = leaders.filter((m) => m.sentence === at - 1 || m.sentence === at - 2);
      }
    }
  }
  if (!kind || !main) return { meetings: relations.meetings };
  const mainAnchor = main;
  input.trace?.push(`kind ${kind}; main sentence: ${doc.sentences[mainAnchor.sentence]?.text.slice(0, 160)}`);
  const seriesId = kind === 'series' ? (seriesAnchor?.series ?? titleSeries) : undefined;
  const series = seriesId ? vocab.series.find((x) => x.org === seriesId) : undefined;
  // The sentences about this summit: the main one, those that call it a summit (without naming
  // another series), and the talk of "the talks" or "the meeting" right after the main one. For a
  // summit of leaders, a sentence naming another leader or another country is about another meeting
  // ("It comes as the two sides ... put a US-North Korea summit back on track").
  const mainParagraph = doc.sentences[mainAnchor.sentence]?.paragraph ?? 0;
  const coreIds = new Set(core.map((m) => m.id));
  const coreCountries = new Set(relations.leads.filter((l) => coreIds.has(l.person)).map((l) => l.country));
  const qualified = new RegExp(`^[\\s-]*(?:(?:and|-|–)\\s*)?(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}(?:${alternation(vocab.meetings.summitNouns)})\\b`, 'iu');
  const otherMeeting = (sentence: number): boolean =>
    kind !== 'series' &&
    coreIds.size > 0 &&
    (leaders.some((m) => m.sentence === sentence && !coreIds.has(m.id)) ||
      // "a US-North Korea summit": a summit named by countries other than its own.
      (coreCountries.size > 0 && resolved.countries.some((c) => c.sentence === sentence && !c.inQuote && !coreCountries.has(c.id) && qualified.test(doc.text.slice(c.end, c.end + 40)))));
  const about = new Set([
    mainAnchor.sentence,
    ...allAnchors
      .filter((a) => (a.strong || ((doc.sentences[a.sentence]?.paragraph ?? 99) <= mainParagraph + 3 && a.sentence >= mainAnchor.sentence)) && (!a.series || a.series === seriesId) && !otherMeeting(a.sentence))
      .map((a) => a.sentence),
  ]);

  // ---- Place and date.
  const place = choosePlace(input, about, mainAnchor, otherMeeting);
  const when = chooseDate(input, about, mainAnchor, otherMeeting);
  if (!when) return { meetings: relations.meetings };
  let { date, endDate } = when;
  let id: string | undefined;
  const ref = referenceSummit(input.gaz, seriesId, place?.id, date, endDate, input.published);
  if (ref) {
    id = ref.id;
    date = ref.date ?? date;
    endDate = ref.endDate ?? endDate;
  }
  const city = place ? cityOf(place, input.gaz) : undefined;
  id ??= `summit:${date}-${city ? city.id.slice('place:'.length) : seriesId ? slugify(shortName(input.gaz, seriesId)) : core.map((m) => slugify(m.name.split(' ').slice(-1)[0] as string)).join('-') || 'unknown'}`;

  // ---- Participants: the sentences placing people there are the summit's and the place's.
  const placeIds = place ? new Set([place.id, ...(city ? [city.id] : [])]) : new Set<string>();
  const placeSentences = resolved.places.filter((p) => placeIds.has(p.id) && !p.inQuote).map((p) => p.sentence);
  const participants = chooseParticipants(input, { kind, core, series, about: new Set([...about, ...placeSentences]), date });
  // Nobody named as attending: the host, the leader in office of the place's country, when the
  // article names them ("a three-day Washington summit" with African leaders the text does not name).
  if (participants.length === 0 && place) {
    const country = [place.id, ...ancestors(place.id, input.gaz, new Map(place.created ? [[place.id, place]] : []))].find((x) => x.startsWith('country:'));
    const host = country ? leaderOf(country, input.gaz, date) : undefined;
    const named = host ? resolved.people.find((m) => m.id === host && !m.inQuote) : undefined;
    if (named) participants.push({ id: named.id, at: named.start, end: named.end, rule: 'summit-host', confidence: 0.55 });
  }
  // A meeting nobody is named at, of no series, is too little to call a summit.
  if (participants.length === 0 && !seriesId) return { meetings: relations.meetings };
  const names = participants.map((p) => resolved.people.find((m) => m.id === p.id)?.name ?? p.id);
  const where = city?.name ?? place?.name;
  const name = seriesId ? `${shortName(input.gaz, seriesId)} summit${where ? ` in ${where}` : ''} (${date.slice(0, 4)})` : `${names.slice(0, 4).join(' - ') || 'Summit'}${names.length > 0 ? ' summit' : ''}${where ? ` in ${where}` : ''}`;

  const summit: SummitFound = {
    id,
    name,
    ...(seriesId ? { series: seriesId } : {}),
    date,
    ...(endDate && endDate > date ? { endDate } : {}),
    ...(place ? { place } : {}),
    participants,
    at: doc.sentences[mainAnchor.sentence]?.start ?? mainAnchor.at,
    end: doc.sentences[mainAnchor.sentence]?.end ?? mainAnchor.end,
    topics: findTopics(input, about),
    ...outcomeOf(input, about),
    method: 'rule',
    rule: kind === 'series' ? 'summit-series' : kind === 'leaders' ? 'summit-leaders' : 'summit-anchored',
    confidence: ref ? 0.85 : kind === 'leaders' ? 0.75 : 0.7,
  };

  // ---- Meetings on the sidelines.
  const sideline = new RegExp(`\\b(?:${alternation(vocab.meetings.sidelinePhrases)})\\b`, 'i');
  const participantIds = new Set(participants.map((p) => p.id));
  const meetings: SummitMeeting[] = [];
  for (const m of relations.meetings) {
    const s = sentenceAt(doc, m.start);
    const atSummit = about.has(s) || sideline.test(doc.sentences[s]?.text ?? '') || placeSentences.includes(s);
    // Between the participants of a bilateral summit, the meeting is the summit itself.
    if (kind !== 'series' && participantIds.has(m.from) && participantIds.has(m.to) && atSummit) continue;
    if (!atSummit) {
      meetings.push(m);
      continue;
    }
    const own = datesIn(doc.sentences[s]?.text ?? '', input.published).find((d) => d.kind !== 'relative');
    // Its own day when the sentence gives one during the summit (a summit's last day is not always known).
    const mdate = own && own.date >= date && own.date <= (endDate ?? addDays(date, 3)) ? own.date : date;
    meetings.push({ ...m, summit: id, date: mdate, ...(place ? { place: place.id } : {}), rule: `${m.rule}-at-summit` });
  }
  return { summit, meetings };
}

// ---- anchors -----------------------------------------------------------------------------------

/** The series organization a mention names, if it is one (by the vocabulary, or the gazetteer's orgType). */
function seriesOf(vocab: Vocabulary, gaz: Gazetteer, id: string): string | undefined {
  if (vocab.series.some((s) => s.org === id)) return id;
  const g = gaz.get(id);
  return g && /intergovernmental forum/.test(g.orgType ?? '') ? id : undefined;
}

function findAnchors(input: SummitInput): Anchor[] {
  const { doc, vocab, gaz, resolved } = input;
  const nouns = new RegExp(`\\b(?:${alternation(vocab.meetings.summitNouns)})\\b`, 'gi');
  const strong = new Set(vocab.meetings.strongSummitNouns.map((n) => n.toLowerCase()));
  const namePhrases = vocab.series.flatMap((s) => s.namePhrases.map((p) => ({ re: new RegExp(`\\b${alternation([p])}\\b`, 'gi'), org: s.org })));
  const out: Anchor[] = [];
  for (const s of doc.sentences) {
    const found: Anchor[] = [];
    for (const n of s.text.matchAll(nouns)) {
      const at = s.start + n.index;
      const end = at + n[0].length;
      if (insideQuote(doc, at, end)) continue;
      // A series named with the noun: "G20 summit", "NATO leaders' summit", "summit of NATO".
      const before = resolved.organizations.filter((o) => o.end <= at && at - o.end <= 40 && /^(?:[’']s)?(?:[\s-]+(?:\p{Lu}[\p{L}’'-]*|leaders[’']?|annual|two-day|three-day|economic|\d{4}|[’']s))*[\s-]+$/u.test(doc.text.slice(o.end, at)));
      const after = resolved.organizations.filter((o) => o.start >= end && o.start - end <= 40 && /^\s+(?:of|of the|of its|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+)*$/u.test(doc.text.slice(end, o.start)));
      const org = [...before.reverse(), ...after].map((o) => seriesOf(vocab, gaz, o.id)).find((x) => x !== undefined);
      found.push({ sentence: s.index, at, end, ...(org ? { series: org } : {}), strong: strong.has(n[0].toLowerCase()) || org !== undefined });
    }
    for (const p of namePhrases) {
      for (const m of s.text.matchAll(p.re)) found.push({ sentence: s.index, at: s.start + m.index, end: s.start + m.index + m[0].length, series: p.org, strong: true });
    }
    // "the annual summit in Newport, Wales of the world's largest defense alliance": a series named
    // elsewhere in the sentence, with "summit", counts for it.
    const inSentence = resolved.organizations.filter((o) => o.sentence === s.index && !o.inQuote).map((o) => seriesOf(vocab, gaz, o.id)).find((x) => x !== undefined);
    for (const f of found) out.push(f.series || !inSentence || !/\bsummit/i.test(s.text) ? f : { ...f, series: inSentence });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A series named with a summit noun in the title ("At NATO summit, ...", "Day 2 Of G-7 Meeting"). */
function seriesInTitle(input: SummitInput): string | undefined {
  const { vocab, gaz, title } = input;
  if (!/\b(?:summit|meeting|talks)\b/i.test(title)) return undefined;
  for (const s of vocab.series) {
    const g = gaz.get(s.org);
    const forms = [...(g ? [g.name, ...g.aliases] : s.name ? [s.name] : []), ...s.namePhrases];
    if (forms.length > 0 && new RegExp(`(?:^|[^\\p{L}\\d])(?:${alternation(forms)})(?![\\p{L}\\d])`, 'u').test(title)) return s.org;
  }
  return undefined;
}

/** The series' short name as news writes it ("G20", "NATO"): its shortest alias, else its name. */
function shortName(gaz: Gazetteer, id: string): string {
  const g = gaz.get(id);
  if (!g) return id.slice('org:'.length);
  const forms = [g.name, ...g.aliases].filter((a) => /^[\p{Lu}\d-]+$/u.test(a));
  return forms.sort((a, b) => a.length - b.length)[0] ?? g.name;
}

// ---- place --------------------------------------------------------------------------------------

/** How deep a place lies (0 for a country): a place the gazetteer lacks lies below what contains it. */
function depth(id: string, gaz: Gazetteer, created?: Map<string, PlaceRef>): number {
  const within = created?.get(id)?.created?.within;
  if (!gaz.get(id) && within) return within.startsWith('country:') ? 1 : depth(within, gaz, created) + 1;
  let d = 0;
  for (let cur = gaz.get(id); cur?.within && d < 6; cur = gaz.get(cur.within)) d++;
  return d + (gaz.get(id)?.country ? 1 : 0);
}

/** The places a place lies in (gazetteer or created), nearest first. */
function ancestors(id: string, gaz: Gazetteer, created: Map<string, PlaceRef>): string[] {
  const out: string[] = [];
  let cur = id;
  for (let i = 0; i < 8; i++) {
    const next = created.get(cur)?.created?.within ?? gaz.get(cur)?.within ?? gaz.get(cur)?.country;
    if (!next || out.includes(next)) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** The city a place is in (the place itself when it is a city, or when no city is above it). */
function cityOf(place: PlaceRef, gaz: Gazetteer): { id: string; name: string } {
  let cur = gaz.get(place.id);
  for (let i = 0; cur && i < 6; i++) {
    if (cur.placeType === 'city') return { id: cur.id, name: cur.name };
    if (!cur.within) break;
    cur = gaz.get(cur.within);
  }
  return { id: place.id, name: place.name };
}

const BUILDING = /\b(?:House|Palace|Kremlin|Hall|Castle|Villa|Lodge|Residence|Mansion|Hotel|Resort|Estate|Chateau|Château|Schloss|Manor)\b/;

function choosePlace(input: SummitInput, about: Set<number>, main: Anchor, otherMeeting: (sentence: number) => boolean): PlaceRef | undefined {
  const { doc, gaz, resolved } = input;
  const created = new Map<string, PlaceRef>();
  // A place's score: its best mention's points, plus a little for each further mention.
  const scores = new Map<string, { ref: PlaceRef; score: number }>();
  const score = (ref: PlaceRef, points: number): void => {
    const prev = scores.get(ref.id);
    if (prev && ref.created?.within && !prev.ref.created?.within) {
      prev.ref = { ...prev.ref, created: { within: ref.created.within } };
      created.set(ref.id, prev.ref);
    }
    if (!prev) scores.set(ref.id, { ref, score: points });
    else if (points > prev.score - 0.5) prev.score = Math.max(prev.score, points) + 0.5;
    else prev.score += 0.5;
  };
  const leadSentence = (s: number): boolean => inLead(doc, s);
  const mainParagraph = doc.sentences[main.sentence]?.paragraph;
  // A place written with the meeting ("the Hanoi summit", "summit in Hanoi", "met at the Capella
  // Hotel", "gathered in Tehran") says where it was; one merely named near it says less.
  const nouns = alternation(input.vocab.meetings.summitNouns);
  const verbs = alternation([...input.vocab.meetings.attendanceVerbs, ...input.vocab.meetings.meetPhrases]);
  const attachedBefore = new RegExp(
    `^(?:[\\s’'s-]*(?:\\p{Lu}[\\p{L}-]*\\s+){0,2}(?:${nouns})\\b|[^.;“”"]{0,40}?\\bfor\\s+(?:the|a|their|its)\\s+(?:\\w+\\s+)?(?:${nouns})\\b|[^.;“”"]{0,80}?\\bwhere\\s+(?:the\\s+)?(?:\\w+\\s+){0,3}(?:had\\s+|have\\s+|will\\s+)?(?:met|meet|held|hold|dined|gathered|talked))`,
    'iu',
  );
  const attachedAfter = new RegExp(`\\b(?:${nouns}|${verbs})\\b[^.;“”"]{0,40}?\\b(?:in|at|inside|on|of)\\s+(?:the\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}?(?:[\\p{Lu}][\\p{L}’'-]*\\s+){0,3}$`, 'iu');
  // An earlier or later meeting of the same people ("their first summit in Singapore").
  const another = /\b(?:last|previously|first)\s+met\b|\b(?:first|previous|earlier|last|next|second|former|inaugural|\d{4}|last year)\s+(?:\w+\s+)?(?:summits?|meetings?|talks)\b|\b(?:summits?|meetings?|talks)\s+(?:\w+\s+){0,3}(?:last|in \d{4}|a year ago|months ago)\b/i;
  for (const p of resolved.places) {
    if (p.inQuote) continue;
    const prep = /\b(?:in|at|to|inside|on)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, p.start - 12), p.start));
    // "an estate outside Los Angeles": a reference point, not the venue.
    const reference = /\b(?:outside|near|north of|south of|east of|west of|from)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, p.start - 12), p.start));
    const sentenceStart = doc.sentences[p.sentence]?.start ?? 0;
    const clause = doc.text.slice(Math.max(sentenceStart, p.start - 90), p.end + 40);
    const attached = !otherMeeting(p.sentence) && !another.test(clause) && (attachedBefore.test(doc.text.slice(p.end, p.end + 40)) || attachedAfter.test(doc.text.slice(Math.max(sentenceStart, p.start - 90), p.start)));
    // A place the gazetteer does not know (the model's) is weaker evidence unless written with the
    // meeting; what it lies in is what the text writes after it ("Newport, Wales").
    const known = gaz.get(p.id) !== undefined;
    const within = known ? undefined : placeAfter(doc, gaz, p.end);
    // "as Washington tried to counter ...": a capital standing for its government, not a place.
    const metonym = !prep && /^(?:[’']s\s+(?:decision|position|policy|view|stance|response|ties)|\s+(?:has|have|had|is|was|wants|wanted|tried|tries|says|said|insists|fears|hopes|sees|sought|seeks|urged|warned|accused|argued)\b)/.test(doc.text.slice(p.end, p.end + 20));
    const points =
      (reference ? -3 : 0) +
      (metonym ? -6 : 0) +
      (known || attached ? 0 : -2) +
      (p.sentence === main.sentence ? 4 : doc.sentences[p.sentence]?.paragraph === mainParagraph ? 2 : 0) +
      (about.has(p.sentence) && !otherMeeting(p.sentence) ? 2 : 0) +
      (leadSentence(p.sentence) ? 1 : 0) +
      (prep ? 1 : 0) +
      (attached ? 5 : 0);
    const ref: PlaceRef = { id: p.id, name: p.name, at: p.start, end: p.end, ...(known ? {} : { created: within ? { within } : {} }) };
    if (ref.created) created.set(ref.id, ref);
    score(ref, Math.max(points, 0.25));
  }
  // "Argentina's capital", "the Indonesian capital": the country's capital city ("summit in the
  // Indonesian capital" says where the summit was).
  for (const c of resolved.countries) {
    if (c.inQuote) continue;
    const rest = /^(?:[’']s\s+|\s+)capital\b/.exec(doc.text.slice(c.end, c.end + 12));
    if (!rest || (!rest[0].startsWith('’') && !rest[0].startsWith("'") && !/\bthe\s+$/i.test(doc.text.slice(Math.max(0, c.start - 5), c.start)))) continue;
    const capital = input.gaz.get(c.id)?.capital;
    const pid = capital ? gaz.lookup(capital).find((x) => x.startsWith('place:')) : undefined;
    const sentenceStart = doc.sentences[c.sentence]?.start ?? 0;
    const attached = !otherMeeting(c.sentence) && attachedAfter.test(doc.text.slice(Math.max(sentenceStart, c.start - 90), c.start));
    if (pid) score({ id: pid, name: (gaz.get(pid) as GazEntity).name, at: c.start, end: c.end + rest[0].length }, (about.has(c.sentence) ? 4 : 2) + (attached ? 5 : 0));
  }
  // A venue named as an organization ("at the White House"): a building the summit was held in.
  for (const o of resolved.organizations) {
    if (o.inQuote || !BUILDING.test(o.name)) continue;
    const sentenceStart = doc.sentences[o.sentence]?.start ?? 0;
    if (!attachedAfter.test(doc.text.slice(Math.max(sentenceStart, o.start - 90), o.start)) && !(about.has(o.sentence) && /\b(?:at|in|inside)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, o.start - 12), o.start)))) continue;
    const pid = gaz.lookup(o.text).find((x) => x.startsWith('place:')) ?? `place:${slugify(o.name)}`;
    const within = gaz.get(o.id)?.country;
    const ref: PlaceRef = { id: pid, name: gaz.get(pid)?.name ?? o.name, at: o.start, end: o.end, ...(gaz.get(pid) ? {} : { created: within ? { within } : {} }) };
    if (ref.created) created.set(pid, ref);
    score(ref, 4);
  }
  // The dateline: "LA MALBAIE, Quebec (Reuters) -", "Saint-Jean-de-Luz, France (CNN)".
  const first = doc.paragraphs[0];
  const head = first ? doc.text.slice(first.start, first.end) : '';
  const dl =
    /^([\p{Lu}][\p{L}.'’ -]{1,40}?),\s+([\p{Lu}][\p{L}. ]{1,30}?)(?:,\s+[\p{Lu}][\p{L}.]+)?\s*(?:\([^)]{1,30}\))?\s*[-–—]/u.exec(head) ??
    /^([\p{Lu}][\p{Lu}.'’ -]{1,40}?)(),?\s+(?:[\p{Lu}][\p{Ll}.]+\s+\d{1,2},?\s+)?(?:\(\p{Lu}[^)]{0,30}\)\s*)?[-–—]/u.exec(head) ??
    /^([\p{Lu}][\p{L}.'’ -]{1,40}?),\s+([\p{Lu}][\p{L}. ]{1,30}?)\s+\((?:CNN|AP|AFP|Reuters|\p{Lu}{2,10})\)/u.exec(head);
  if (first && dl) {
    const cityText = dl[1] as string;
    const region = dl[2] ? gaz.lookup(dl[2] as string).find((x) => x.startsWith('place:') || x.startsWith('country:')) : undefined;
    const known = gaz.lookup(cityText).find((x) => x.startsWith('place:')) ?? gaz.lookup(titleCaseName(cityText)).find((x) => x.startsWith('place:'));
    if (known) score({ id: known, name: (gaz.get(known) as GazEntity).name, at: first.start, end: first.start + cityText.length }, cityText === cityText.toUpperCase() ? 5 : 3);
    else if (region) {
      const name = titleCaseName(cityText);
      const ref: PlaceRef = { id: `place:${slugify(name)}`, name, at: first.start, end: first.start + cityText.length, created: { within: region } };
      created.set(ref.id, ref);
      score(ref, cityText === cityText.toUpperCase() ? 5 : 3);
    }
  }
  // "Newport, Wales": an unknown capitalized word before a known region or country is a place in it.
  for (const p of [...resolved.places, ...resolved.countries]) {
    if (p.inQuote || !about.has(p.sentence)) continue;
    const m = /\b(?:in|at)\s+((?:\p{Lu}[\p{L}'’-]+\s){0,2}\p{Lu}[\p{L}'’-]+),\s+$/u.exec(doc.text.slice(Math.max(0, p.start - 40), p.start));
    if (!m) continue;
    const name = m[1] as string;
    if (gaz.lookup(name).length > 0 || resolved.people.some((x) => x.text === name)) continue;
    const ref: PlaceRef = { id: `place:${slugify(name)}`, name, at: p.start - m[0].length + m[0].indexOf(name), end: p.start - m[0].length + m[0].indexOf(name) + name.length, created: { within: p.id } };
    created.set(ref.id, ref);
    score(ref, 4);
  }
  if (scores.size === 0) return undefined;
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  input.trace?.push(`places: ${ranked.map((r) => `${r.ref.id}=${r.score}`).join(', ')}`);
  const best = ranked[0] as { ref: PlaceRef; score: number };
  // A more specific place inside the best one, named with some weight of its own, wins.
  let choice = best;
  for (const r of ranked) {
    if (r === best || r.score < 1) continue;
    if (ancestors(r.ref.id, gaz, created).includes(choice.ref.id) && depth(r.ref.id, gaz, created) >= depth(choice.ref.id, gaz, created)) choice = r;
  }
  // A venue written with the meeting ("at the White House") beats the city around it.
  const venue = ranked.find((r) => r.score >= 4 && r !== choice && (BUILDING.test(r.ref.name) || /building|hotel|site|villa|palace|estate/.test(gaz.get(r.ref.id)?.placeType ?? '')));
  if (venue && sameCountry(venue.ref, choice.ref, gaz, created)) choice = venue;
  if (choice.score < 1) return undefined;
  const within = choice.ref.created?.within;
  return { ...choice.ref, ...(choice.ref.created && within ? { created: { within } } : {}) };
}

/** The known place or country written right after a place (", Wales", ", Quebec"), if any. */
function placeAfter(doc: TextDoc, gaz: Gazetteer, end: number): string | undefined {
  const m = /^,\s+((?:\p{Lu}[\p{L}'’-]+\s?){1,3})/u.exec(doc.text.slice(end, end + 40));
  if (!m) return undefined;
  return gaz.lookup((m[1] as string).trim()).find((x) => x.startsWith('place:') || x.startsWith('country:'));
}

function sameCountry(a: PlaceRef, b: PlaceRef, gaz: Gazetteer, created: Map<string, PlaceRef>): boolean {
  const country = (r: PlaceRef): string | undefined => [r.id, ...ancestors(r.id, gaz, created)].find((x) => x.startsWith('country:'));
  const ca = country(a);
  return ca !== undefined && ca === country(b);
}

/** "LA MALBAIE" -> "La Malbaie" (datelines are upper case). */
function titleCaseName(s: string): string {
  if (s !== s.toUpperCase()) return s.trim();
  return s
    .toLowerCase()
    .split(/([\s-])/)
    .map((w) => (/^(?:de|la|le|du|des|sur|en)$/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('')
    .trim();
}

// ---- date ---------------------------------------------------------------------------------------

function chooseDate(input: SummitInput, about: Set<number>, main: Anchor, otherMeeting: (sentence: number) => boolean): { date: string; endDate?: string } | undefined {
  const { doc, vocab, published, modelDates } = input;
  const future = new RegExp(`\\b(?:${alternation(vocab.meetings.futureMarkers)})\\b`, 'i');
  const laterDay = new RegExp(`\\b(?:${alternation(vocab.meetings.laterDayMarkers)})\\b`, 'i');
  const candidates: (DateFound & { sentence: number; weight: number })[] = [];
  const mainParagraph = doc.sentences[main.sentence]?.paragraph ?? 0;
  const nouns = alternation(vocab.meetings.summitNouns);
  const verbs = alternation([...vocab.meetings.attendanceVerbs, ...vocab.meetings.meetPhrases]);
  // A date written with the meeting ("Tuesday's summit", "the summit on Tuesday", "met on Monday",
  // "set for Friday") is its date; other dates near it are weaker evidence.
  const attached = new RegExp(`(?:\\b(?:${nouns}|${verbs}|set for|scheduled for)\\b[^.;“”"]{0,30}$)|(?:^[’']s\\s+(?:\\p{L}+\\s+){0,2}(?:${nouns})\\b)`, 'iu');
  for (const s of doc.sentences) {
    const near = about.has(s.index) || (s.paragraph <= mainParagraph + 1 && inLead(doc, s.index));
    if (!near || otherMeeting(s.index)) continue;
    // A dateline gives the day of writing, not of the event.
    const text = s.text.replace(/^[\p{Lu} .,]+,\s+(?:\p{Lu}[\p{Ll}.]+\s+\d{1,2}(?:,\s+\d{4})?)\s*(?:\([^)]*\))?\s*[-–—]\s*/u, (x) => ' '.repeat(x.length));
    for (const d of datesIn(text, published)) {
      if (insideQuote(doc, s.start + d.index, s.start + d.index + 3)) continue;
      // The clause around the date decides between the last and the next such weekday.
      const clause = text.slice(Math.max(0, d.index - 60), d.index + 40);
      const past = /\b(?:said|says|told|was|were|had|met|arrived|held|ended|began|opened|\w+ed)\b/.test(text.slice(Math.max(0, d.index - 40), d.index + 30)) || /\blast\s+$/i.test(text.slice(Math.max(0, d.index - 6), d.index));
      const fut = future.test(clause) && !/\b(?:said|says|told|was|were|had|met|arrived|held)\b/.test(text.slice(Math.max(0, d.index - 25), d.index));
      const next = d.kind === 'weekday' && published ? (datesIn(text.slice(d.index, d.index + 12), published, true)[0]?.date ?? d.date) : d.date;
      // Without a tense either way, the nearer of the last and the next such weekday.
      const nearer = published && daysBetween(published, next) < daysBetween(d.date, published) ? next : d.date;
      const date = d.kind !== 'weekday' ? d.date : fut ? next : past ? d.date : nearer;
      const isAttached = attached.test(text.slice(Math.max(0, d.index - 40), d.index)) || attached.test(text.slice(d.index + 3, d.index + 40).replace(/^\w*/, ''));
      candidates.push({ ...d, date, sentence: s.index, weight: (about.has(s.index) ? 2 : 1) + (isAttached ? 2 : 0) });
    }
  }
  // The model's normalized dates in the same sentences.
  for (const e of modelDates ?? []) {
    const v = e.normalized ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) continue;
    const s = sentenceAt(doc, e.start);
    if (!about.has(s) || insideQuote(doc, e.start, e.end)) continue;
    candidates.push({ date: v, index: e.start - (doc.sentences[s]?.start ?? 0), kind: 'full', sentence: s, weight: 1 });
  }
  // Dates far from the publication are background ("in 2015", "last year's summit").
  const plausible = candidates.filter((c) => !published || (daysBetween(c.date, published) <= 10 && daysBetween(published, c.date) <= 21));
  input.trace?.push(`dates: ${candidates.map((c) => `${c.date}(${c.kind},w${c.weight},s${c.sentence})`).join(', ')}`);
  const top = Math.max(0, ...plausible.map((c) => c.weight));
  const pick = plausible.filter((c) => c.weight === top).sort((a, b) => a.date.localeCompare(b.date))[0];
  let date = pick?.date ?? published;
  if (!date) return undefined;
  let endDate = pick?.endDate;
  // "ended abruptly on Thursday, cutting short two days of talks": the last day, counted back.
  if (pick) {
    const text = doc.sentences[pick.sentence]?.text ?? '';
    const ending = /\b(?:ended|ends|wrapped up|concluded|closed|broke up|collapsed)\b/i.test(text.slice(Math.max(0, pick.index - 60), pick.index + 20));
    const days = /\b(two|three|2|3)[- ]days?\s+of\s+(?:talks|meetings|negotiations|summitry)\b/i.exec(text) ?? new RegExp(`\\b(${Object.keys(vocab.meetings.durationWords).join('|')})\\s+(?:summit|meeting|talks|gathering)`, 'i').exec(text);
    const n = days ? ({ two: 2, three: 3, '2': 2, '3': 3 } as Record<string, number>)[(days[1] as string).toLowerCase().replace(/-day$/, '')] ?? vocab.meetings.durationWords[(days[1] as string).toLowerCase()] : undefined;
    if (ending && n && n > 1) {
      endDate = date;
      date = addDays(date, -(n - 1));
    }
  }
  // "Today is the second day of the annual summit": the first day is the day before.
  for (const s of about) {
    const text = doc.sentences[s]?.text ?? '';
    const m = /\b(second|third|final|last|closing)\s+day\b/i.exec(text);
    const rel = datesIn(text, published).find((d) => d.kind === 'relative' || d.kind === 'weekday');
    if (m && rel && laterDay.test(text) && !pick?.endDate) {
      const back = (m[1] as string).toLowerCase() === 'third' ? 2 : 1;
      if (addDays(rel.date, -back) < date) {
        endDate ??= rel.date;
        date = addDays(rel.date, -back);
      }
    }
    const dur = new RegExp(`\\b(${Object.keys(vocab.meetings.durationWords).join('|')})\\s+(?:summit|meeting|talks|gathering|visit|conference)`, 'i').exec(text);
    const days = dur ? vocab.meetings.durationWords[(dur[1] as string).toLowerCase()] : undefined;
    if (days && days > 1 && !endDate) endDate = addDays(date, days - 1);
  }
  return { date, ...(endDate && endDate > date ? { endDate } : {}) };
}

/**
 * A summit of the reference data this one is: same series (or same place) with days overlapping
 * within a day; else, for a series summit, the one of that series held in the same place (or in
 * any place, when the text gives none) within ten days of the publication date (a text's weekday
 * may point at another day of it, or at the day of writing).
 */
function referenceSummit(gaz: Gazetteer, series: string | undefined, place: string | undefined, date: string, endDate: string | undefined, published: string | undefined): GazEntity | undefined {
  const last = endDate ?? date;
  const samePlace = (e: GazEntity): boolean =>
    place !== undefined && e.heldIn !== undefined && (e.heldIn === place || gaz.get(place)?.within === e.heldIn || gaz.get(e.heldIn)?.within === place);
  const summits = [...gaz.entities.values()].filter((e) => e.kind === 'SUMMIT' && e.date !== undefined);
  for (const e of summits) {
    const eEnd = e.endDate ?? (e.date as string);
    if (daysBetween(eEnd, date) > 1 || daysBetween(last, e.date as string) > 1) continue;
    if ((series !== undefined && e.partOf === series) || samePlace(e)) return e;
  }
  if (series === undefined || published === undefined) return undefined;
  const near = summits.filter((e) => e.partOf === series && Math.abs(daysBetween(e.date as string, published)) <= 10 && (place === undefined || samePlace(e)));
  return near.length === 1 ? near[0] : undefined;
}

// ---- participants -------------------------------------------------------------------------------

interface ParticipantsContext {
  kind: 'series' | 'leaders' | 'anchored';
  core: Mention[];
  series?: SeriesSpec;
  about: Set<number>;
  date: string;
}

function memberOn(series: SeriesSpec, country: string, date: string): boolean {
  const year = Number(date.slice(0, 4));
  return series.members.some((m) => `country:${m.iso}` === country && (m.from === undefined || m.from <= year) && (m.to === undefined || year < m.to));
}

function chooseParticipants(input: SummitInput, c: ParticipantsContext): Participant[] {
  const { doc, gaz, vocab, resolved, relations } = input;
  const out = new Map<string, Participant>();
  const add = (m: Mention, rule: string, confidence: number): void => {
    if (!out.has(m.id)) out.set(m.id, { id: m.id, at: m.start, end: m.end, rule, confidence });
  };
  for (const m of c.core) add(m, c.kind === 'leaders' ? 'summit-leaders' : 'summit-anchored', 0.75);
  const attendAll = new RegExp(`\\b(?:${alternation(vocab.meetings.attendanceVerbs)})\\b`, 'gi');
  const atSummit = new RegExp(`\\b(?:${alternation(vocab.meetings.sidelinePhrases)}|at the (?:summit|meeting|talks|gathering))\\b`, 'gi');
  const negated = /\b(?:not|never|skip(?:ped|s)?|absent|stayed away|declined to|won't|will not|did not|didn't|no longer)\s+(?:\w+\s+)?(?:attend|come|go|travel|join|be there|invited)|\bskip(?:ped|ping|s)?\s+the\b/i;
  const roleOf = (id: string): Set<string> => relations.labels.get(id) ?? new Set<string>();
  // Sentences that name the series ("pose for a family photo of G7 leaders") also speak of it.
  const seriesSentences = new Set(c.series ? resolved.organizations.filter((o) => o.id === c.series?.org && !o.inQuote).map((o) => o.sentence) : []);
  // "Putin is skipping the meeting and has sent Lavrov": whoever a sentence about it says stays away.
  const stayAway = new RegExp(`^[^.;“”"]{0,30}?\\b(?:is |was |will be |has been )?(?:skipping|skipped|skips|will skip|not attending|won't attend|will not attend|did not attend|didn't attend|stayed away from|stays away from|absent from|pulled out of|boycotting|boycotted)\\s+(?:the|this|a)\\s+(?:\\w+\\s+)?(?:${alternation(vocab.meetings.summitNouns)})\\b`, 'i');
  // "Xi stayed away and sent Premier Li Qiang", "Putin ... did not travel and addressed the leaders by
  // video link", "attending in place of President Xi Jinping", "Biden's decision to skip": whoever
  // the text says is not there is no participant, whatever else it says of them.
  const away = (m: Mention): boolean => {
    const after = doc.text.slice(m.end, m.end + 160);
    const before = doc.text.slice(Math.max(0, m.start - 60), m.start);
    return stayAway.test(after) || AWAY_AFTER.test(after) || AWAY_POSSESSIVE.test(after) || AWAY_BEFORE.test(before);
  };
  const absent = new Set(resolved.people.filter((m) => !m.inQuote && away(m)).map((m) => m.id));
  // Sentences that say somebody stays away or sends somebody else speak of the summit too.
  const standInSentences = new Set(doc.sentences.filter((x) => ABSENCE_WORDS.test(x.text)).map((x) => x.index));
  for (const m of resolved.people) {
    if (m.inQuote || out.has(m.id) || absent.has(m.id)) continue;
    const roles = roleOf(m.id);
    if (!roles.has('Leader') && !roles.has('Official')) continue;
    const g = gaz.get(m.id);
    const sentence = doc.sentences[m.sentence];
    if (sentence && negated.test(sentence.text) && c.about.has(m.sentence)) continue;
    // Leaders in office of the series' member countries, and the officials of the body itself.
    if (c.series) {
      const series = c.series;
      const inOffice = g?.terms.some((t) => covers(t, c.date) && memberOn(series, t.country, c.date)) === true;
      const ofBody = relations.affiliations.some((a) => a.person === m.id && (a.org === series.org || series.also.includes(a.org)));
      const titledMember = !g?.terms.length && roles.has('Leader') && relations.leads.some((l) => l.person === m.id && memberOn(series, l.country, c.date) && l.rule !== 'appositive-leader');
      if (inOffice || ofBody || titledMember) {
        add(m, inOffice ? 'summit-series-member' : ofBody ? 'summit-series-official' : 'summit-series-member-title', inOffice ? 0.75 : 0.65);
        continue;
      }
    }
    // Anybody a sentence about the summit (or its place) makes the subject of an attendance verb
    // ("Rouhani, Putin and Erdogan gathered in Tehran", "Ashton ... will also attend the summit"),
    // or places at it ("Kerry and Hagel told ministers on the sidelines of the summit").
    if (!sentence || !(c.about.has(m.sentence) || seriesSentences.has(m.sentence))) continue;
    if (g && g.terms.length > 0 && !g.terms.some((t) => covers(t, c.date))) continue; // out of office: history, not a guest
    const verbsAt = [...sentence.text.matchAll(attendAll)].map((v) => sentence.start + v.index).filter((at) => at >= m.end && !insideQuote(doc, at, at + 1));
    // "Kerry and Hagel told ministers on the sidelines of the summit": the clause's subject is there.
    const clauseAt = [...sentence.text.matchAll(atSummit)].map((v) => sentence.start + v.index).filter((at) => at >= m.end && !insideQuote(doc, at, at + 1));
    const firstVerb = clauseAt.length > 0 ? clauseVerb(doc, m, resolved.people) : undefined;
    if (verbsAt.some((at) => subjectOfVerb(doc, m, at, resolved.people)) || (firstVerb !== undefined && clauseAt.some((at) => at > firstVerb && !/[.;]/.test(doc.text.slice(firstVerb, at))))) add(m, 'summit-attendance', 0.6);
  }
  // Further evidence that does not depend on the person's label (a vice president, a minister, the
  // head of an international body): stand-ins, lists of attendees, "who also attended".
  const lead = (i: number): boolean => inLead(doc, i);
  const speaks = (i: number): boolean => c.about.has(i) || seriesSentences.has(i) || standInSentences.has(i) || lead(i);
  for (const m of resolved.people) {
    if (m.inQuote || out.has(m.id) || absent.has(m.id)) continue;
    const g = gaz.get(m.id);
    if (g && g.terms.length > 0 && !g.terms.some((t) => covers(t, c.date)) && !roleOf(m.id).has('Official')) continue;
    const sentence = doc.sentences[m.sentence];
    if (!sentence || insideQuote(doc, m.start, m.end)) continue;
    const after = doc.text.slice(m.end, sentence.end);
    const before = doc.text.slice(Math.max(sentence.start, m.start - 70), m.start);
    // "sent Premier Li Qiang", "was represented by Foreign Minister Sergei Lavrov", "Pence, who is
    // standing in for President Donald Trump", "Lavrov represented Russia in person".
    if (speaks(m.sentence) && (SENT_BEFORE.test(before) || STANDS_IN_AFTER.test(after))) {
      add(m, 'summit-stand-in', 0.6);
      continue;
    }
    // "X and Y were among the leaders at the summit", "with X and Y also in attendance".
    const among = AMONG_AFTER.exec(after);
    if (among && (c.about.has(m.sentence) || seriesSentences.has(m.sentence) || lead(m.sentence)) && !/\b(?:said|says|told|tells)\b/.test(after.slice(0, among.index + among[0].length))) {
      add(m, 'summit-among', 0.6);
      continue;
    }
    // "UN Secretary-General Antonio Guterres, who also attended, urged ...".
    if (WHO_ATTENDED.test(after)) add(m, 'summit-who-attended', 0.6);
    // "Defense Minister Sergei Shoigu and Foreign Minister Sergei Lavrov joined the delegations."
    else if (speaks(m.sentence) && JOINED_AFTER.test(after)) add(m, 'summit-joined', 0.6);
  }
  // "The leaders of the United States, Japan, India and Australia met in Tokyo", "brought together the
  // leaders of China, Russia, India, Pakistan": the leaders in office of the countries listed, when
  // the article names them.
  for (const i of c.about) {
    const s = doc.sentences[i];
    if (!s || negated.test(s.text)) continue;
    for (const l of s.text.matchAll(/\bleaders\s+of\s+/gi)) {
      const from = s.start + l.index + l[0].length;
      const stop = /[.;:]|\b(?:who|which|that|with|to|for|on|at|in)\b/.exec(doc.text.slice(from, s.end).replace(/\b(?:and|the)\b/g, (x) => x.replace(/./g, ' ')));
      const to = stop ? from + stop.index : s.end;
      const listed = new Set(resolved.countries.filter((x) => x.start >= from && x.end <= to && !x.inQuote).map((x) => x.id));
      for (const m of resolved.people) {
        if (m.inQuote || out.has(m.id) || absent.has(m.id) || !roleOf(m.id).has('Leader')) continue;
        const g = gaz.get(m.id);
        const leads = g?.terms.length ? g.terms.some((t) => covers(t, c.date) && listed.has(t.country)) : relations.leads.some((x) => x.person === m.id && listed.has(x.country));
        if (leads) add(m, 'summit-leaders-of', 0.6);
      }
    }
  }
  // "Kishida hosted US President Joe Biden, Indian Prime Minister Narendra Modi and ... Anthony
  // Albanese", "met Xi in Beijing before holding talks with Premier Li Qiang": the people a participant
  // hosts or meets in a sentence about the summit (or in the lead) are there too.
  const receive = /\b(?:hosted|hosts|welcomed|welcomes|received|greeted|met(?: with)?|meets(?: with)?|(?:held|holding|holds) talks with|sat down with)\s+/gi;
  for (const s of doc.sentences) {
    if (!(c.about.has(s.index) || lead(s.index)) || negated.test(s.text) || ANOTHER_MEETING.test(s.text)) continue;
    for (const v of s.text.matchAll(receive)) {
      const at = s.start + v.index;
      if (insideQuote(doc, at, at + 1)) continue;
      const subject = [...out.keys()].some((id) => resolved.people.some((p) => p.id === id && p.sentence === s.index && p.end <= at));
      if (!subject) continue;
      let end = at + v[0].length;
      for (const p of resolved.people.filter((x) => x.sentence === s.index && x.start >= end).sort((a, b) => a.start - b.start)) {
        const gap = doc.text.slice(end, p.start);
        if (!/^[\s,]*(?:and\s+)?(?:[\p{L}’'.-]+,?\s+){0,5}$/u.test(gap) || /\b(?:in|at|on|to|for|before|after|who|which|that|said|told)\b/i.test(gap)) break;
        if (!p.inQuote && !absent.has(p.id)) add(p, 'summit-received', 0.6);
        end = p.end;
      }
    }
  }
  return [...out.values()];
}

/**
 * Where the verb of the clause a person is the subject of stands: the first word after the name
 * (other names joined by "and" and appositions skipped) that looks like a verb; undefined when the
 * name is not followed by one.
 */
function clauseVerb(doc: TextDoc, m: Mention, people: Mention[]): number | undefined {
  let at = m.end;
  for (let i = 0; i < 6; i++) {
    const rest = doc.text.slice(at, at + 200);
    const app = /^,[^,]{0,90},/.exec(rest);
    if (app) {
      at += app[0].length;
      continue;
    }
    const and = /^\s+(?:and|&)\s+/.exec(rest);
    const next = and ? people.find((p) => p.start >= at + and[0].length && p.start <= at + and[0].length + 40 && /^(?:[\p{Lu}][\p{L}.’'-]*\s+)*$/u.test(doc.text.slice(at + and[0].length, p.start))) : undefined;
    if (next) {
      at = next.end;
      continue;
    }
    const verb = /^\s+(?:(?:will|would|also|has|have|had|then|later)\s+)*([\p{Ll}]+(?:ed|s)|told|said|met|held|spoke|went|came|took|gave|sat|stood|flew)\b/u.exec(rest);
    return verb ? at + verb[0].length - (verb[1] as string).length : undefined;
  }
  return undefined;
}

/**
 * True when a person named before a verb is its subject, as far as words show: between the name
 * and the verb only appositions (", the host,"), other names joined by "and", and auxiliaries;
 * never a preposition that makes the name an object ("confronting Susan Rice and other officials
 * in ... as Obama arrived").
 */
function subjectOfVerb(doc: TextDoc, m: Mention, verbAt: number, people: Mention[]): boolean {
  let between = doc.text.slice(m.end, verbAt);
  if (between.length > 160) return false;
  // Names in between joined to this one, then appositions, are set aside.
  for (const p of people) if (p.start >= m.end && p.end <= verbAt) between = between.replace(doc.text.slice(p.start, p.end), ' NAME ');
  between = between.replace(/,[^,]{0,90},/g, ' ').replace(/\([^)]*\)/g, ' ');
  return !/\b(?:with|by|to|from|against|in|into|at|on|for|of|as|after|before|while|when|who|which|that|said|says|told|\w+ing|\w+ed)\b/i.test(between.replace(/\b(?:will|would|also|has|have|had|is|are|was|were|both|all|each|then|later|to)\b/gi, ' ').replace(/\bNAME\b|\band\b|[\p{Lu}][\p{L}.’'-]*/gu, ' '));
}

// ---- presence and absence (participants) --------------------------------------------------------

/** Right after a name: the person stays away ("stayed away and sent", "did not travel and addressed the leaders by video link"). */
const AWAY_AFTER = /^(?:,[^,;.]{0,90},)?\s+(?:who\s+)?(?:(?:has|had|is|was|will|would)\s+)?(?:also\s+)?(?:stayed away|stays away|skipped|skips|skipping|did not (?:travel|attend|come|go)|didn't (?:travel|attend|come|go)|does not attend|is not attending|was not attending|pulled out|(?:was|were|is|are|will be) represented by|addressed [^.;]{0,40}\bby video)/i;
/** "Biden's decision to skip the summit". */
const AWAY_POSSESSIVE = /^[’']s\s+(?:decision|choice|refusal)\s+(?:to\s+(?:skip|stay away|not attend)|not to)\b/;
/** Right before a name: somebody else is there for them ("in place of President Xi Jinping"). */
const AWAY_BEFORE = /\b(?:in place of|standing in for|stands in for|stood in for|instead of|on behalf of|substituting for)\s+(?:[\p{Lu}][\p{L}.’'-]*\s+){0,4}$/iu;
/** A sentence that speaks of somebody staying away or standing in. */
const ABSENCE_WORDS = /\b(?:stayed away|skipped|skipping|did not travel|in (?:his|her) place|in place of|standing in for|stood in for|represented by|by video link|instead of)\b/i;
/** Right before a name: the person was sent ("sent Premier Li Qiang", "was represented by Foreign Minister Sergei Lavrov"). */
const SENT_BEFORE = /\b(?:sent|sends|sending|dispatched|represented by)\s+(?:(?:[\p{Lu}][\p{L}.’'-]*|his|her|its|their|the|foreign|prime|vice|deputy|defense|minister|president|premier|secretary)\s+){0,4}$/u;
/** Right after a name: the person is there for somebody ("Pence, who is standing in for", "Lavrov represented Russia"). */
const STANDS_IN_AFTER = /^(?:,\s*)?\s*(?:who\s+(?:is|was|will be)\s+)?(?:attending\s+|also\s+)?(?:standing in for|stood in for|stands in for|in place of|in (?:his|her) place|on behalf of|represented\s+(?!by\b)\p{Lu})/u;
/** Later in the sentence: the person is listed among those present ("were among the leaders at the summit", "also in attendance"). */
const AMONG_AFTER = /^[^.;“”"]{0,160}?\b(?:in attendance|among the (?:\w+\s+){0,2}(?:leaders|heads of state|heads of government|guests|attendees|participants|delegates)|among those (?:attending|present|who attended))\b/i;
/** "..., who also attended," / "who attended the summit". */
const WHO_ATTENDED = /^,\s+who\s+(?:also\s+)?(?:attended|was (?:also )?(?:present|there))(?:\s*[,.]|\s+(?:the|this)\s+(?:summit|meeting|gathering|talks)\b)/i;
/** "X (and Y) (also) joined the delegations / the talks". */
const JOINED_AFTER = /^(?:,[^,;.]{0,90},)?(?:\s+and(?:\s+[\p{L}.’'-]+){1,5})?\s+(?:also\s+)?joined\s+(?:the|their|his|her)\s+(?:\w+\s+)?(?:delegations?|talks|meetings?|leaders|summit)\b/u;
/** A sentence about another meeting of the same people ("last met", "a year ago"). */
const ANOTHER_MEETING = /\b(?:last|previously|first|had|have)\s+met\b|\blast year\b|\byears? ago\b|\bprevious (?:summit|meeting)\b/i;

// ---- topics and outcome -------------------------------------------------------------------------

function findTopics(input: SummitInput, about: Set<number>): SummitFound['topics'] {
  const { doc, vocab } = input;
  // "The leaders discussed ...", "on the agenda": a sentence about what was talked about.
  const discussed = /\b(?:discuss(?:ed|es|ing)?|discussion|agenda|focus(?:ed|es)? on|talked about|talks (?:on|about)|topics?)\b/i;
  const out: SummitFound['topics'] = [];
  for (const t of vocab.topics) {
    const re = new RegExp(`\\b(?:${t.phrases.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '\\w*').replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
    const hits = [...doc.text.matchAll(re)].map((m) => ({ at: m.index, end: m.index + m[0].length, sentence: sentenceAt(doc, m.index) }));
    const anchored = hits.find((h) => about.has(h.sentence) || discussed.test(doc.sentences[h.sentence]?.text ?? ''));
    if (anchored || hits.length >= 2) {
      const h = anchored ?? (hits[0] as { at: number; end: number; sentence: number });
      const s = doc.sentences[h.sentence];
      out.push({ id: t.id, name: t.name, at: s?.start ?? h.at, end: s?.end ?? h.end });
    }
  }
  return out;
}

function outcomeOf(input: SummitInput, about: Set<number>): Pick<SummitFound, 'outcome'> {
  const { doc, vocab } = input;
  const lead = (s: number): boolean => inLead(doc, s);
  for (const o of vocab.outcomes) {
    const re = new RegExp(`\\b(?:${o.phrases.join('|')})\\b`, 'i');
    for (const s of doc.sentences) {
      if (!about.has(s.index) && !lead(s.index)) continue;
      const m = re.exec(s.text);
      if (!m || insideQuote(doc, s.start + m.index, s.start + m.index + m[0].length)) continue;
      return { outcome: { label: o.outcome, at: s.start, end: s.end } };
    }
  }
  return {};
}
