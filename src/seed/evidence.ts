/**
 * Locating evidence in an article: sentence segmentation and whitespace-folded substring search that
 * maps back to character offsets of the original text.
 *
 * Sentences come from ICU's sentence segmenter (Intl.Segmenter, built into Node), which handles
 * abbreviations such as "U.S." and quotation marks better than a hand-written splitter would.
 */

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface EvidenceSpan {
  sentence: number;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations after which ICU breaks but a sentence rarely ends ("Mr. Kim", "U.S. President"). */
const TITLE_ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Adm|Capt|Sgt|Prof|St|Jr|No|Vol)\.$/;
const COUNTRY_ABBREVIATION = /(?:^|[\s(])(?:U\.S|U\.K|U\.N|E\.U)\.$/;
/** Words that start a new sentence after "U.S." rather than continue a name ("U.S. President"). */
const SENTENCE_STARTERS = /^(?:The|A|An|It|He|She|They|We|I|But|And|In|On|At|This|That|These|Those|There|His|Her|Their|Its|Our|As|If|When|While|After|Before|So|Yet|Still|Meanwhile|However)\b/;

/** The article's sentences in order, trimmed, with offsets into `text`. Blank segments are dropped. */
export function splitSentences(text: string): Sentence[] {
  const spans: { start: number; end: number }[] = [];
  for (const seg of segmenter.segment(text)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const span = { start: seg.index + lead, end: seg.index + lead + trimmed.length };
    const prev = spans[spans.length - 1];
    if (prev && !/\n/.test(text.slice(prev.end, span.start))) {
      const prevText = text.slice(prev.start, prev.end);
      if (TITLE_ABBREVIATION.test(prevText) || (COUNTRY_ABBREVIATION.test(prevText) && /^\p{Lu}/u.test(trimmed) && !SENTENCE_STARTERS.test(trimmed))) {
        prev.end = span.end;
        continue;
      }
    }
    spans.push(span);
  }
  return spans.map((sp, index) => ({ index, start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end) }));
}

/**
 * Text with every whitespace run folded to one space, plus, for each character of the folded text,
 * its offset in the original. Lets a snippet that a reviewer re-wrapped still match.
 */
interface Folded {
  text: string;
  offsets: number[];
}

function fold(text: string): Folded {
  let out = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out += ' ';
        offsets.push(i);
      }
      inSpace = true;
    } else {
      out += ch;
      offsets.push(i);
      inSpace = false;
    }
  }
  return { text: out, offsets };
}

/** Finds snippets in one article; folds the article once. */
export class EvidenceIndex {
  private readonly folded: Folded;
  readonly sentences: Sentence[];
  /**
   * Answers already given, by snippet and offset: a file names the same snippet many times (every
   * relation of a sentence), and each search scans the article; a snippet is searched once.
   */
  private readonly found = new Map<string, EvidenceSpan | undefined>();

  constructor(readonly text: string) {
    this.folded = fold(text);
    this.sentences = splitSentences(text);
  }

  /**
   * The first occurrence of `snippet` (whitespace folded, trimmed) with its original character span
   * and the index of the sentence it starts in; undefined when the article does not contain it.
   */
  locate(snippet: string | { text: string; at: number }): EvidenceSpan | undefined {
    const key = typeof snippet === 'string' ? snippet : `${snippet.at}\u0000${snippet.text}`;
    if (this.found.has(key)) return this.found.get(key);
    const span = this.search(snippet);
    this.found.set(key, span);
    return span;
  }

  private search(snippet: string | { text: string; at: number }): EvidenceSpan | undefined {
    const text = typeof snippet === 'string' ? snippet : snippet.text;
    const needle = fold(text.trim()).text;
    if (needle === '') return undefined;
    const from = typeof snippet === 'string' ? 0 : Math.max(0, this.foldedOffset(snippet.at));
    const at = this.folded.text.indexOf(needle, from);
    if (at < 0) return undefined;
    const start = this.folded.offsets[at] as number;
    const end = (this.folded.offsets[at + needle.length - 1] as number) + 1;
    return { sentence: this.sentenceAt(start), start, end };
  }

  /**
   * The index of the sentence that contains `offset`, else of the last one starting before it
   * (offsets between sentences), else 0. Binary search: sentences are in text order.
   */
  private sentenceAt(offset: number): number {
    const s = this.sentences;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((s[mid] as Sentence).start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (s[lo - 1] as Sentence).index;
  }

  /** The folded-text position of original offset `offset` (the first folded char at or after it). */
  private foldedOffset(offset: number): number {
    const o = this.folded.offsets;
    let lo = 0;
    let hi = o.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((o[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
