import type { NlpDoc, NlpToken } from '../nlp/types.js';
import { splitSentences, type Sentence } from '../seed/evidence.js';

/**
 * Stage 1, sentences: the article as the later stages see it: the original text (offsets everywhere
 * refer to it), its paragraphs, sentences, word tokens and the spans inside quotation marks. With an
 * NlpDoc the sentences are the model's (cut at paragraph breaks), and each sentence keeps the model's
 * tokens (part of speech, lemma, NER tag) and dependencies for the stages that use them; without one,
 * ICU's segmenter splits each paragraph.
 */

export interface Token {
  text: string;
  /** Lookup form: curly apostrophes straightened, a trailing abbreviation dot dropped. */
  key: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

export interface QuoteSpan {
  /** Offsets of the quoted text itself, without the marks (and without a trailing comma). */
  start: number;
  end: number;
  /** Offsets of the marks: open at `open`, close at `close` (or the paragraph end when unclosed). */
  open: number;
  close: number;
  paragraph: number;
}

/** The model's view of one of our sentences, when the article was annotated. */
export interface ModelSentence {
  tokens: NlpToken[];
  /** Dependencies with governor/dependent as indexes into `tokens` (-1 = root). */
  dependencies: { dep: string; governor: number; dependent: number }[];
}

export interface TextDoc {
  text: string;
  sentences: (Sentence & { paragraph: number; model?: ModelSentence })[];
  paragraphs: Paragraph[];
  tokens: Token[];
  quotes: QuoteSpan[];
  /** True when the sentences and their `model` views come from an NlpDoc. */
  annotated: boolean;
}

const TOKEN = /(?:\p{Lu}\.)+\p{Lu}?\.?|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*(?:[’']s\b)?/gu;

/** Prefixes joined by a hyphen to a name they modify ("post-G20", "anti-NATO", "pro-Russian"). */
const HYPHEN_PREFIXES = new Set(['post', 'pre', 'anti', 'pro', 'non', 'ex', 'mid', 'inter', 'trans', 'pan', 'neo', 'all']);

/** Lookup key of one token: ’ -> ', trailing dot of an abbreviation (U.S. -> U.S) dropped. */
export function tokenKey(t: string): string {
  return t.replace(/’/g, "'").replace(/\.$/, '');
}

/** Lookup key of a phrase: its words' keys joined by one space (the same words the text's tokens are). */
export function phraseKey(phrase: string): string {
  return words(phrase)
    .map((w) => tokenKey(w.text))
    .join(' ');
}

/**
 * The words of a text with their offsets. A possessive stays out of a word ("Trump’s" -> "Trump");
 * a hyphen splits an acronym from a name ("US-China", "NATO-Russia") or a prefix from a name
 * ("post-G20", "pro-Russian"), while "Jae-in", "al-Assad" or "Stallard-Blanchette" stay one word.
 */
export function words(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].replace(/[’']s$/, '');
    let from = 0;
    for (const h of word.matchAll(/-(?=\p{Lu})/gu)) {
      const left = word.slice(from, h.index);
      const right = /^[^-]*/.exec(word.slice(h.index + 1))?.[0] ?? '';
      // Split after a prefix or around an acronym ("US-China", "post-G20"); a name like
      // "Stallard-Blanchette" or "Trump-Kim" stays one word (the mentions stage splits the latter).
      if (!HYPHEN_PREFIXES.has(left.toLowerCase()) && !/^[\p{Lu}\d]+$/u.test(left) && !/^[\p{Lu}\d]+$/u.test(right)) continue;
      out.push({ text: left, start: m.index + from, end: m.index + h.index });
      from = h.index + 1;
    }
    out.push({ text: word.slice(from), start: m.index + from, end: m.index + word.length });
  }
  return out;
}

/** The stage: text (and the model's annotation of it, when there is one) -> TextDoc. */
export function sentencesStage(text: string, nlp?: NlpDoc): TextDoc {
  return buildTextDoc(text, nlp);
}

export function buildTextDoc(text: string, nlp?: NlpDoc): TextDoc {
  const paragraphs: Paragraph[] = [];
  const paraRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(paraRe)) {
    if (m[0].trim() === '') continue;
    paragraphs.push({ index: paragraphs.length, start: m.index, end: m.index + m[0].length });
  }
  const paragraphOf = (offset: number): number => {
    let lo = 0;
    for (const p of paragraphs) if (p.start <= offset) lo = p.index;
    return lo;
  };
  const sentences: TextDoc['sentences'] = [];
  if (nlp && nlp.sentences.length > 0) {
    // The model's sentences, cut where a paragraph ends inside one (headlines and captions run on).
    for (const ms of nlp.sentences) {
      let from = 0;
      for (let k = 1; k <= ms.tokens.length; k++) {
        const cut = k === ms.tokens.length || paragraphOf((ms.tokens[k] as NlpToken).start) !== paragraphOf((ms.tokens[k - 1] as NlpToken).start);
        if (!cut) continue;
        const toks = ms.tokens.slice(from, k);
        const first = toks[0] as NlpToken;
        const last = toks[toks.length - 1] as NlpToken;
        const dependencies = ms.dependencies
          .filter((d) => d.dependent >= from && d.dependent < k && (d.governor < 0 || (d.governor >= from && d.governor < k)))
          .map((d) => ({ dep: d.dep, governor: d.governor < 0 ? -1 : d.governor - from, dependent: d.dependent - from }));
        sentences.push({ index: sentences.length, start: first.start, end: last.end, text: text.slice(first.start, last.end), paragraph: paragraphOf(first.start), model: { tokens: toks, dependencies } });
        from = k;
      }
    }
  } else {
    // Sentences never cross a paragraph break: segment each paragraph on its own.
    for (const p of paragraphs) {
      for (const s of splitSentences(text.slice(p.start, p.end))) {
        const prev = sentences[sentences.length - 1];
        // ICU ends a sentence after a middle initial ("Charles E. Schumer"): joined again.
        if (prev && prev.paragraph === p.index && /(?:^|\s)\p{Lu}\.$/u.test(prev.text) && /^\p{Lu}\p{Ll}/u.test(s.text)) {
          prev.end = p.start + s.end;
          prev.text = text.slice(prev.start, prev.end);
          continue;
        }
        sentences.push({ index: sentences.length, start: p.start + s.start, end: p.start + s.end, text: s.text, paragraph: p.index });
      }
    }
  }
  const sentenceOf = (offset: number): number => {
    let idx = 0;
    for (const s of sentences) if (s.start <= offset) idx = s.index;
    return idx;
  };
  const tokens: Token[] = words(text).map((w) => ({ ...w, key: tokenKey(w.text), sentence: sentenceOf(w.start) }));
  return { text, sentences, paragraphs, tokens, quotes: findQuotes(text, paragraphs, paragraphOf, sentences), annotated: nlp !== undefined && nlp.sentences.length > 0 };
}

/** True when a possessive 's follows the token in the text ("Trump’s"). */
export function possessiveAfter(doc: TextDoc, t: Token): boolean {
  return /^[’']s\b/.test(doc.text.slice(t.end, t.end + 3));
}

/**
 * Quotation spans. An opening mark (“ or ") closes at the next closing mark of either kind in the
 * paragraph (texts mix them: “... NATO," RT writes), else it runs to the paragraph's end (newswire
 * style for a quote continued in the next paragraph, or a dropped closing mark). A closing ” with
 * no opening mark before it closes a quote that began with its sentence.
 */
function findQuotes(text: string, paragraphs: Paragraph[], paragraphOf: (o: number) => number, sentences: { start: number; end: number }[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    let i = 0;
    while (i < body.length) {
      const ch = body[i];
      // A closing mark that closes nothing (the text lost its opening mark) ends a quote that
      // began with its sentence.
      if (ch === '”') {
        const at = p.start + i;
        const sentence = sentences.filter((s) => s.start <= at && at < s.end).pop();
        const from = Math.max(sentence?.start ?? p.start, out[out.length - 1]?.close ?? 0, p.start);
        let start = from;
        let end = at;
        while (start < end && /[\s“"]/.test(text[start] as string)) start++;
        while (end > start && /[\s,]/.test(text[end - 1] as string)) end--;
        if (end > start) out.push({ start, end, open: Math.max(from - 1, p.start), close: at, paragraph: paragraphOf(at) });
        i++;
        continue;
      }
      if (ch !== '“' && ch !== '"') {
        i++;
        continue;
      }
      // The nearest closing mark of either kind: texts mix them ("Russia’s message is clear,”).
      const a = body.indexOf('”', i + 1);
      const b = body.indexOf('"', i + 1);
      let j = a < 0 ? b : b < 0 ? a : Math.min(a, b);
      if (j < 0) j = body.length;
      let start = p.start + i + 1;
      let end = p.start + j;
      while (start < end && /\s/.test(text[start] as string)) start++;
      while (end > start && /[\s,]/.test(text[end - 1] as string)) end--;
      if (end > start) out.push({ start, end, open: p.start + i, close: p.start + j, paragraph: paragraphOf(p.start + i) });
      i = j + 1;
    }
  }
  return out;
}

/** True when [start, end) lies inside one of the quotation spans. */
export function insideQuote(doc: TextDoc, start: number, end: number): boolean {
  return doc.quotes.some((q) => start >= q.open && end <= q.close + 1);
}

/** The index of the sentence holding an offset (the last sentence starting at or before it). */
export function sentenceAt(doc: TextDoc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.sentences[mid] as { start: number }).start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
