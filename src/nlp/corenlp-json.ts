import type { NlpDependency, NlpDoc, NlpEntity, NlpQuote, NlpSentence, NlpToken } from './types.js';

/**
 * CoreNLP's JSON (as the service in nlp/ writes it: CoreNLP's own field names) into an NlpDoc, and
 * the text preparation that goes with it. Pure functions: no I/O.
 */

/**
 * Curly double quotes become straight ones before annotation. CoreNLP's quote annotator finds and
 * attributes more quotes that way on real news (issue 21: 80-93% of quoted people found instead of
 * 74-88%). Each mark is one UTF-16 unit either way, so every offset stays valid for the original text.
 */
export function normalizeForAnnotation(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F]/g, '"');
}

/**
 * `text` with every character outside `ranges` replaced by a space (line breaks kept, so paragraphs
 * and sentence breaks stay where they were): same length, same offsets, and CoreNLP spends its time
 * only on the ranges.
 */
export function keepOnly(text: string, ranges: readonly [number, number][]): string {
  const keep = new Uint8Array(text.length);
  for (const [start, end] of ranges) keep.fill(1, Math.max(0, start), Math.min(text.length, end));
  let out = '';
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && keep[i] === 1) continue;
    out += text.slice(from, i);
    if (i < text.length) out += text.charAt(i) === '\n' || text.charAt(i) === '\r' ? text.charAt(i) : ' ';
    from = i + 1;
  }
  return out;
}

/** A quote longer than this is two quotation marks paired across other quotes, not something someone said. */
export const MAX_QUOTE_CHARS = 1500;

const OPENING = new Set(['"', '\u201C', '\u201E', '\u201F', '\u00AB']);
const CLOSING = new Set(['"', '\u201D', '\u00BB']);
const PRONOUNS = new Set(['i', 'me', 'he', 'him', 'she', 'her', 'they', 'them', 'we', 'us', 'it', 'you', 'his', 'hers', 'their', 'its', 'our', 'my', 'your']);

/**
 * Why CoreNLP's quote is not a quote, or undefined when it looks like one. In the original text a
 * quote must open with an opening mark and close with a closing one (a straight `"` paired with a
 * curly `”` that belongs to the next quote once made a 4,000-character pseudo-quote), must not run
 * across a blank line (marks paired across paragraphs), and must be of a length people say.
 */
export function implausibleQuote(original: string, start: number, end: number): string | undefined {
  if (end - start > MAX_QUOTE_CHARS) return `longer than ${MAX_QUOTE_CHARS} characters`;
  const first = original.charAt(start);
  const last = original.charAt(end - 1);
  if (!OPENING.has(first)) return `opens with ${JSON.stringify(first)}, not an opening quotation mark`;
  if (!CLOSING.has(last) && end < original.length && !/\n/.test(original.slice(end, end + 1))) {
    return `closes with ${JSON.stringify(last)}, not a closing quotation mark`;
  }
  if (/\n[ \t]*\n/.test(original.slice(start, end))) return 'runs across a paragraph break';
  return undefined;
}

interface CoreNlpToken {
  index: number;
  word: string;
  lemma?: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  pos?: string;
  ner?: string;
}

interface CoreNlpDependency {
  dep: string;
  governor: number;
  dependent: number;
}

interface CoreNlpMention {
  text: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner: string;
  normalizedNER?: string;
}

interface CoreNlpSentence {
  index: number;
  characterOffsetBegin?: number;
  characterOffsetEnd?: number;
  tokens: CoreNlpToken[];
  enhancedPlusPlusDependencies?: CoreNlpDependency[];
  entitymentions?: CoreNlpMention[];
}

interface CoreNlpQuote {
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  speaker?: string;
  canonicalSpeaker?: string;
  mention?: string;
  mentionType?: string;
  mentionCharacterOffsetBegin?: number;
  mentionCharacterOffsetEnd?: number;
}

/** The parts of CoreNLP's document JSON that the conversion reads. */
export interface CoreNlpJson {
  sentences: CoreNlpSentence[];
  quotes?: CoreNlpQuote[];
}

/** Throws unless `json` has the shape of CoreNLP's document JSON (a service of another kind answered). */
export function assertCoreNlpJson(json: unknown): asserts json is CoreNlpJson {
  const sentences = (json as { sentences?: unknown } | null)?.sentences;
  if (!Array.isArray(sentences) || sentences.some((s) => !Array.isArray((s as { tokens?: unknown }).tokens))) {
    throw new Error('the answer is not CoreNLP document JSON (no sentences with tokens)');
  }
}

/**
 * Converts CoreNLP's JSON for `original` (the text before normalizeForAnnotation) into an NlpDoc.
 * Offsets are CoreNLP's (UTF-16 units, the same as JavaScript's); every `text` field is sliced from
 * `original`, and quotation-mark tokens show the article's own marks. Pronoun-only entity mentions ("he" as
 * PERSON) are left out; implausible quotes (see implausibleQuote) are dropped.
 */
export function toNlpDoc(json: CoreNlpJson, original: string): NlpDoc {
  const sentences: NlpSentence[] = [];
  const entities: NlpEntity[] = [];
  for (const [si, s] of json.sentences.entries()) {
    const tokens: NlpToken[] = s.tokens.map((t) => ({
      start: t.characterOffsetBegin,
      end: t.characterOffsetEnd,
      word: originalWord(t, original),
      pos: t.pos ?? '',
      lemma: t.lemma ?? t.word,
      ner: t.ner ?? 'O',
    }));
    const dependencies: NlpDependency[] = (s.enhancedPlusPlusDependencies ?? []).map((d) => ({
      dep: d.dep,
      governor: d.governor - 1,
      dependent: d.dependent - 1,
    }));
    sentences.push({
      start: s.characterOffsetBegin ?? tokens[0]?.start ?? 0,
      end: s.characterOffsetEnd ?? tokens[tokens.length - 1]?.end ?? 0,
      tokens,
      dependencies,
    });
    for (const m of s.entitymentions ?? []) {
      const inside = tokens.filter((t) => t.start >= m.characterOffsetBegin && t.end <= m.characterOffsetEnd);
      if (inside.length > 0 && inside.every((t) => t.pos.startsWith('PRP'))) continue;
      entities.push({
        start: m.characterOffsetBegin,
        end: m.characterOffsetEnd,
        text: original.slice(m.characterOffsetBegin, m.characterOffsetEnd),
        type: m.ner,
        ...(m.normalizedNER ? { normalized: m.normalizedNER } : {}),
        sentence: si,
      });
    }
  }
  const quotes: NlpQuote[] = [];
  for (const q of json.quotes ?? []) {
    const start = q.characterOffsetBegin;
    const end = q.characterOffsetEnd;
    if (implausibleQuote(original, start, end) !== undefined) continue;
    quotes.push({ start, end, text: original.slice(start, end), ...speakerOf(q, original, start) });
  }
  return { sentences, entities, quotes };
}

/** A token CoreNLP saw as a normalized straight quote is shown as the article's own mark. */
function originalWord(t: CoreNlpToken, original: string): string {
  if (!t.word.includes('"')) return t.word;
  const here = original.slice(t.characterOffsetBegin, t.characterOffsetEnd);
  return normalizeForAnnotation(here) === t.word ? here : t.word;
}

function isPronoun(s: string): boolean {
  return PRONOUNS.has(s.toLowerCase());
}

/** The speaker fields of one quote (see NlpQuote). */
function speakerOf(q: CoreNlpQuote, original: string, quoteStart: number): Partial<NlpQuote> {
  const out: Partial<NlpQuote> = {};
  const hasMention = q.mention !== undefined && q.mentionCharacterOffsetBegin !== undefined && q.mentionCharacterOffsetEnd !== undefined;
  if (hasMention) {
    out.mention = original.slice(q.mentionCharacterOffsetBegin, q.mentionCharacterOffsetEnd);
    out.mentionStart = q.mentionCharacterOffsetBegin as number;
    out.mentionEnd = q.mentionCharacterOffsetEnd as number;
    if (q.mentionType) out.mentionType = q.mentionType;
  }
  const speaker = q.speaker;
  if (speaker !== undefined && speaker !== '' && speaker !== 'Unknown' && !isPronoun(speaker)) {
    out.speaker = speaker;
    if (hasMention && out.mention === speaker) {
      out.speakerStart = out.mentionStart as number;
      out.speakerEnd = out.mentionEnd as number;
    } else {
      const before = original.lastIndexOf(speaker, quoteStart);
      const at = before >= 0 ? before : original.indexOf(speaker, quoteStart);
      if (at >= 0) {
        out.speakerStart = at;
        out.speakerEnd = at + speaker.length;
      }
    }
  }
  const canonical = q.canonicalSpeaker;
  if (canonical !== undefined && canonical !== 'Unknown' && /^\p{Lu}/u.test(canonical) && !isPronoun(canonical)) {
    out.canonicalSpeaker = canonical;
  }
  return out;
}
