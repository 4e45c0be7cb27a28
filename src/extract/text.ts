import { splitSentences, type Sentence } from '../seed/evidence.js';

/**
 * The article as the extractor sees it: the original text (offsets everywhere refer to it), its
 * sentences and paragraphs, its word tokens, and the spans inside quotation marks.
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

export interface TextDoc {
  text: string;
  sentences: (Sentence & { paragraph: number })[];
  paragraphs: Paragraph[];
  tokens: Token[];
  quotes: QuoteSpan[];
}

const TOKEN = /(?:\p{Lu}\.)+\p{Lu}\.?|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Lookup key of one token: ’ -> ', trailing dot of an abbreviation (U.S. -> U.S) dropped. */
export function tokenKey(t: string): string {
  return t.replace(/’/g, "'").replace(/\.$/, '');
}

/** Lookup key of a phrase: its tokens' keys joined by one space. */
export function phraseKey(phrase: string): string {
  return [...phrase.matchAll(TOKEN)].map((m) => tokenKey(m[0])).join(' ');
}

export function buildTextDoc(text: string): TextDoc {
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
  // Sentences never cross a paragraph break: segment each paragraph on its own.
  const sentences: TextDoc['sentences'] = [];
  for (const p of paragraphs) {
    for (const s of splitSentences(text.slice(p.start, p.end))) {
      sentences.push({ index: sentences.length, start: p.start + s.start, end: p.start + s.end, text: s.text, paragraph: p.index });
    }
  }
  const sentenceOf = (offset: number): number => {
    let idx = 0;
    for (const s of sentences) if (s.start <= offset) idx = s.index;
    return idx;
  };
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ text: m[0], key: tokenKey(m[0]), start: m.index, end: m.index + m[0].length, sentence: sentenceOf(m.index) });
  }
  return { text, sentences, paragraphs, tokens, quotes: findQuotes(text, paragraphs, paragraphOf) };
}

/**
 * Quotation spans. Curly marks pair as open/close; straight double quotes pair in order within a
 * paragraph. An opening mark with no close before the paragraph ends runs to the paragraph's end
 * (newswire style for a quote continued in the next paragraph, or a dropped closing mark).
 */
function findQuotes(text: string, paragraphs: Paragraph[], paragraphOf: (o: number) => number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    let i = 0;
    while (i < body.length) {
      const ch = body[i];
      if (ch !== '“' && ch !== '"') {
        i++;
        continue;
      }
      const closeMark = ch === '“' ? '”' : '"';
      let j = body.indexOf(closeMark, i + 1);
      const unclosed = j < 0;
      if (unclosed) j = body.length;
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
