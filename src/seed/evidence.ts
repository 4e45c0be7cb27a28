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

/** The article's sentences in order, trimmed, with offsets into `text`. Blank segments are dropped. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const seg of segmenter.segment(text)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    out.push({ index: out.length, start: seg.index + lead, end: seg.index + lead + trimmed.length, text: trimmed });
  }
  return out;
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

  constructor(readonly text: string) {
    this.folded = fold(text);
    this.sentences = splitSentences(text);
  }

  /**
   * The first occurrence of `snippet` (whitespace folded, trimmed) with its original character span
   * and the index of the sentence it starts in; undefined when the article does not contain it.
   */
  locate(snippet: string): EvidenceSpan | undefined {
    const needle = fold(snippet.trim()).text;
    if (needle === '') return undefined;
    const at = this.folded.text.indexOf(needle);
    if (at < 0) return undefined;
    const start = this.folded.offsets[at] as number;
    const end = (this.folded.offsets[at + needle.length - 1] as number) + 1;
    const sentence = this.sentences.find((s) => start >= s.start && start < s.end) ?? this.nearestBefore(start);
    return { sentence: sentence?.index ?? 0, start, end };
  }

  private nearestBefore(offset: number): Sentence | undefined {
    let best: Sentence | undefined;
    for (const s of this.sentences) if (s.start <= offset) best = s;
    return best;
  }
}
