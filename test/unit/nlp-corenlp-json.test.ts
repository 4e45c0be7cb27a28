/** CoreNLP's JSON into NlpDoc, quote normalization and plausibility, and the annotation cache on disk. */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NlpCache } from '../../src/nlp/cache.js';
import { implausibleQuote, keepOnly, MAX_QUOTE_CHARS, normalizeForAnnotation, toNlpDoc, type CoreNlpJson } from '../../src/nlp/corenlp-json.js';

const TEXT = '“Go,” he said. Ann Lee agreed.';

/** What the service answers for TEXT (trimmed by hand to the fields the conversion reads). */
const JSON_FOR_TEXT: CoreNlpJson = {
  sentences: [
    {
      index: 0,
      characterOffsetBegin: 0,
      characterOffsetEnd: 14,
      tokens: [
        { index: 1, word: '"', lemma: '"', characterOffsetBegin: 0, characterOffsetEnd: 1, pos: '``', ner: 'O' },
        { index: 2, word: 'Go', lemma: 'go', characterOffsetBegin: 1, characterOffsetEnd: 3, pos: 'VB', ner: 'O' },
        { index: 3, word: ',', lemma: ',', characterOffsetBegin: 3, characterOffsetEnd: 4, pos: ',', ner: 'O' },
        { index: 4, word: '"', lemma: '"', characterOffsetBegin: 4, characterOffsetEnd: 5, pos: "''", ner: 'O' },
        { index: 5, word: 'he', lemma: 'he', characterOffsetBegin: 6, characterOffsetEnd: 8, pos: 'PRP', ner: 'O' },
        { index: 6, word: 'said', lemma: 'say', characterOffsetBegin: 9, characterOffsetEnd: 13, pos: 'VBD', ner: 'O' },
        { index: 7, word: '.', lemma: '.', characterOffsetBegin: 13, characterOffsetEnd: 14, pos: '.', ner: 'O' },
      ],
      enhancedPlusPlusDependencies: [
        { dep: 'ROOT', governor: 0, dependent: 6 },
        { dep: 'nsubj', governor: 6, dependent: 5 },
      ],
      entitymentions: [{ text: 'he', characterOffsetBegin: 6, characterOffsetEnd: 8, ner: 'PERSON' }],
    },
    {
      index: 1,
      tokens: [
        { index: 1, word: 'Ann', lemma: 'Ann', characterOffsetBegin: 15, characterOffsetEnd: 18, pos: 'NNP', ner: 'PERSON' },
        { index: 2, word: 'Lee', lemma: 'Lee', characterOffsetBegin: 19, characterOffsetEnd: 22, pos: 'NNP', ner: 'PERSON' },
        { index: 3, word: 'agreed', lemma: 'agree', characterOffsetBegin: 23, characterOffsetEnd: 29, pos: 'VBD', ner: 'O' },
        { index: 4, word: '.', lemma: '.', characterOffsetBegin: 29, characterOffsetEnd: 30, pos: '.', ner: 'O' },
      ],
      entitymentions: [{ text: 'Ann Lee', characterOffsetBegin: 15, characterOffsetEnd: 22, ner: 'PERSON' }],
    },
  ],
  quotes: [
    {
      characterOffsetBegin: 0,
      characterOffsetEnd: 5,
      speaker: 'Ann Lee',
      canonicalSpeaker: 'he',
      mention: 'he',
      mentionType: 'pronoun',
      mentionCharacterOffsetBegin: 6,
      mentionCharacterOffsetEnd: 8,
    },
  ],
};

describe('normalizeForAnnotation', () => {
  it('straightens curly double quotes and keeps every offset', () => {
    const text = 'He said: “yes” and „no‟.';
    const out = normalizeForAnnotation(text);
    expect(out).toBe('He said: "yes" and "no".');
    expect(out.length).toBe(text.length);
  });
});

describe('keepOnly', () => {
  it('blanks everything outside the ranges to spaces, keeping line breaks and offsets', () => {
    const text = 'Title\n\nFirst “para”.\r\nSecond para.\n\nThird.';
    const second = text.indexOf('Second');
    const out = keepOnly(text, [[second, second + 'Second para.'.length], [0, 2]]);
    expect(out.length).toBe(text.length);
    expect(out).toBe(`Ti   \n\n${' '.repeat('First “para”.'.length)}\r\nSecond para.\n\n${' '.repeat(6)}`);
  });
});

describe('toNlpDoc', () => {
  const doc = toNlpDoc(JSON_FOR_TEXT, TEXT);

  it('keeps tokens, with the article’s own quotation marks, and 0-based dependencies with ROOT at -1', () => {
    expect(doc.sentences[0]?.tokens[0]).toEqual({ start: 0, end: 1, word: '“', pos: '``', lemma: '"', ner: 'O' });
    expect(doc.sentences[0]?.dependencies).toEqual([
      { dep: 'ROOT', governor: -1, dependent: 5 },
      { dep: 'nsubj', governor: 5, dependent: 4 },
    ]);
    // A sentence without offsets of its own spans its tokens.
    expect(doc.sentences[1]).toMatchObject({ start: 15, end: 30 });
  });

  it('drops pronoun entity mentions and numbers the sentences', () => {
    expect(doc.entities).toEqual([{ start: 15, end: 22, text: 'Ann Lee', type: 'PERSON', sentence: 1 }]);
  });

  it('gives the quote its original text, the resolved speaker with offsets, and the mention', () => {
    expect(doc.quotes).toEqual([
      { start: 0, end: 5, text: '“Go,”', speaker: 'Ann Lee', speakerStart: 15, speakerEnd: 22, mention: 'he', mentionStart: 6, mentionEnd: 8, mentionType: 'pronoun' },
    ]);
  });

  it('drops quotes that are two marks paired across other text', () => {
    const text = 'He said "yes." Then ” something “ else.';
    const json: CoreNlpJson = { sentences: [], quotes: [{ characterOffsetBegin: 20, characterOffsetEnd: 33 }, { characterOffsetBegin: 8, characterOffsetEnd: 14 }] };
    expect(toNlpDoc(json, text).quotes.map((q) => q.text)).toEqual(['"yes."']);
  });
});

describe('implausibleQuote', () => {
  it('accepts a quote, also one left open at the end of its paragraph', () => {
    expect(implausibleQuote('"Fine," she said.', 0, 7)).toBeUndefined();
    expect(implausibleQuote('"It goes on\n\n"and on."', 0, 11)).toBeUndefined();
  });

  it('rejects wrong-way marks, paragraph-spanning and overlong quotes, saying why', () => {
    expect(implausibleQuote('a ” b “ c', 2, 7)).toMatch(/opens with/);
    expect(implausibleQuote('“a “ b', 0, 4)).toMatch(/closes with/);
    expect(implausibleQuote('"one.\n\nTwo" he said', 0, 11)).toMatch(/paragraph break/);
    const long = `"${'x'.repeat(MAX_QUOTE_CHARS)}"`;
    expect(implausibleQuote(long, 0, long.length)).toMatch(/longer than/);
  });
});

describe('NlpCache', () => {
  it('stores answers gzipped by key, returns them, and treats a missing key as a miss', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'summit-graph-nlp-cache-'));
    const cache = new NlpCache(dir);
    const key = 'ab'.repeat(32);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, JSON_FOR_TEXT);
    expect(await cache.get(key)).toEqual(JSON_FOR_TEXT);
    expect(await readdir(join(dir, 'ab'))).toEqual([`${key}.json.gz`]);
  });

  it('refuses keys that are not sha256 digests (they become file names)', async () => {
    const cache = new NlpCache(await mkdtemp(join(tmpdir(), 'summit-graph-nlp-cache-')));
    await expect(cache.get('../../etc/passwd')).rejects.toThrow(/sha256/);
  });
});
