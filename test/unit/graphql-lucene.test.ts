/** Search input to Lucene: words cut like the standard tokenizer, nothing of the input's syntax kept. */
import { describe, expect, it } from 'vitest';
import { escapeLucene, MAX_WORDS, prefixQuery, searchWords } from '../../src/data/lucene.js';

describe('searchWords', () => {
  it('lower-cases and splits on anything that is not part of a word', () => {
    expect(searchWords('Kim Jong-Un')).toEqual(['kim', 'jong', 'un']);
    expect(searchWords('  Stallard-Blanchette, Katie ')).toEqual(['stallard', 'blanchette', 'katie']);
  });

  it('keeps inner dots and apostrophes like the standard tokenizer does', () => {
    expect(searchWords('U.S. ambassador')).toEqual(['u.s', 'ambassador']);
    expect(searchWords("North Korea's leader")).toEqual(['north', "korea's", 'leader']);
    expect(searchWords('that’s it')).toEqual(['that’s', 'it']);
  });

  it('keeps letters of every script and digits', () => {
    expect(searchWords('김정은 2019')).toEqual(['김정은', '2019']);
  });

  it('leaves nothing of Lucene syntax', () => {
    const words = searchWords('name:(kim OR "putin") AND -x~2 ^3 [a TO b] {c} \\ / * ? && || !');
    expect(words.join(' ')).not.toMatch(/[+\-&|!(){}[\]^"~*?:\\/]/);
    expect(words).toContain('and');
  });

  it('returns [] when there is no word', () => {
    expect(searchWords('  +-*  ')).toEqual([]);
    expect(searchWords('')).toEqual([]);
  });

  it('uses at most MAX_WORDS words', () => {
    expect(searchWords('a '.repeat(50))).toHaveLength(MAX_WORDS);
  });
});

describe('escapeLucene', () => {
  it('escapes every special character', () => {
    expect(escapeLucene('a+b-c&d|e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&d\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
});

describe('prefixQuery', () => {
  it('requires every word, as a whole word (boosted) or a prefix', () => {
    expect(prefixQuery(['kim', 'jong'])).toBe('+(kim^2 OR kim*) +(jong^2 OR jong*)');
  });

  it('refuses an empty word list', () => {
    expect(() => prefixQuery([])).toThrow(/at least one word/);
  });
});
