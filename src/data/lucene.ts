/**
 * Turning what a user typed into a Lucene query for Neo4j's full-text indexes, safely.
 *
 * The words are cut out of the input the way Lucene's standard tokenizer (which the indexes use)
 * cuts text: runs of letters and digits, kept together across an inner `.`, `'` or `’` ("U.S",
 * "that’s"). Everything else separates words, so no Lucene syntax from the input survives. Words
 * are lower-cased, which also keeps AND/OR/NOT from being read as operators, and escaped anyway as
 * a second line of defence should the word pattern ever be widened.
 */

/** At most this many words are used: enough for any name, and it bounds the query's size. */
export const MAX_WORDS = 16;
/** Longer words are cut: no real name word is longer, and it bounds prefix expansion work. */
export const MAX_WORD_LENGTH = 64;

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every character Lucene's classic query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** The searchable words of `input`, lower-cased, at most MAX_WORDS; [] when it has none. */
export function searchWords(input: string): string[] {
  const words = input.toLowerCase().match(WORD) ?? [];
  return words.slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/**
 * A query requiring every word, each matching as a whole word (boosted) or as the start of a word,
 * so "Kim" ranks Kim Jong Un by the whole word and "Vladi" still finds Vladivostok.
 * Throws on an empty list: callers reject input without words first.
 */
export function prefixQuery(words: readonly string[]): string {
  if (words.length === 0) throw new Error('prefixQuery needs at least one word');
  return words
    .map((w) => {
      const e = escapeLucene(w);
      return `+(${e}^2 OR ${e}*)`;
    })
    .join(' ');
}
