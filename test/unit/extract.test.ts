import { beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/extract/build-gazetteer.js';
import { extractArticle, resolveDate } from '../../src/extract/extract.js';
import type { Gazetteer } from '../../src/extract/gazetteer.js';
import { InputError, parseArticle } from '../../src/ingest/input.js';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await buildGazetteer();
});

function extract(text: string, published = '2019-04-25') {
  return extractArticle({ id: 'article:test', text, title: text.split('\n')[0] ?? '', published }, gaz).doc;
}

describe('extraction rules', () => {
  it('attributes quotes across sentences and paragraphs, curly and straight, and skips paraphrase', () => {
    const doc = extract(
      [
        'Jane Roe, a senior fellow at the Brookings Institution, said the talks mattered.',
        '',
        '“It was a start. Nothing more,” she said. "But a start," she added.',
        '',
        'He said the deal was dead, according to people present.',
        '',
        'John Poe, of the Hudson Institute, disagreed.',
        '',
        '"Nobody expected more than a photo opportunity."',
      ].join('\n'),
    );
    const quotes = (doc.quotes ?? []).map((q) => [q.speaker, q.text]);
    expect(quotes).toEqual([
      ['person:jane-roe', 'It was a start. Nothing more'],
      ['person:jane-roe', 'But a start'],
      ['person:john-poe', 'Nobody expected more than a photo opportunity.'],
    ]);
    const affiliations = (doc.relations ?? []).filter((r) => r.type === 'AFFILIATED_WITH').map((r) => [r.from, r.to, r.title]);
    expect(affiliations).toContainEqual(['person:jane-roe', 'org:brookings-institution', 'senior fellow']);
    expect(affiliations).toContainEqual(['person:john-poe', 'org:hudson-institute', undefined]);
  });

  it('resolves surnames and titles within the article and to the office holder of the day', () => {
    const doc = extract('President Moon met Kim Jong Un. Putin later spoke to Kim by phone. Kim Yo Jong, the sister of Kim Jong Un, said nothing.', '2019-04-25');
    const people = (doc.entities ?? []).filter((e) => e.kind === 'PERSON').map((e) => e.id).sort();
    expect(people).toEqual(['person:kim-jong-un', 'person:kim-yo-jong', 'person:moon-jae-in', 'person:vladimir-putin']);
  });

  it('normalizes countries by name, abbreviation, demonym and capital-for-government to ISO codes', () => {
    const doc = extract('The U.S. and the DPRK disagreed. North Korean officials left, and Pyongyang pulled out; Moscow said little. A visit to Paris was planned.');
    const iso = (doc.entities ?? []).filter((e) => e.kind === 'COUNTRY').map((e) => e.isoCode).sort();
    expect(iso).toEqual(['PRK', 'RUS', 'USA']);
  });

  it('resolves relative dates against the publication date', () => {
    expect(resolveDate('The leaders met on Thursday.', '2019-04-26')).toBe('2019-04-25');
    expect(resolveDate('They met on Friday.', '2019-04-26')).toBe('2019-04-26');
    expect(resolveDate('talks on April 25', '2019-05-01')).toBe('2019-04-25');
  });

  it('leaves an unknown single surname unresolved instead of guessing', () => {
    const doc = extract('Lee said the summit was a success.', '2005-01-01');
    expect((doc.entities ?? []).filter((e) => e.kind === 'PERSON')).toEqual([]);
  });
});

describe('article input', () => {
  it('reads front matter, or takes the first line as the title', () => {
    const a = parseArticle('a.md', '---\ntitle: T\npublished: 2019-04-26\noutlet: Reuters\n---\nBody text.\n');
    expect(a).toMatchObject({ title: 'T', published: '2019-04-26', outlet: 'Reuters', text: 'Body text.\n' });
    const b = parseArticle('b.txt', '\nFirst line title\n\nBody.');
    expect(b.title).toBe('First line title');
    expect(b.id).toMatch(/^article:[0-9a-f]{16}$/);
  });

  it('takes the id from the identity (URL, else title + outlet + date), never from the file name or the text', () => {
    // Finding 1 of issue 22: a corpus-style file name no longer hands out the seed article's id.
    expect(parseArticle('000_15fc837faf60e174.txt', 'x\ny').id).not.toBe('article:15fc837faf60e174');
    expect(parseArticle('a.txt', 'Title\nBody.').id).toBe(parseArticle('other-name.md', 'Title\nBody, edited.').id);
    const fm = (extra: string): string => parseArticle('a.md', `---\ntitle: T\n${extra}---\nBody.\n`).id;
    expect(fm('url: https://www.example.com/story/?utm_source=x#top\n')).toBe(fm('url: http://example.com/story\noutlet: Other\n'));
    expect(fm('outlet: Reuters\npublished: 2019-04-26\n')).not.toBe(fm('outlet: Reuters\npublished: 2019-04-27\n'));
    expect(fm('outlet: Reuters\n')).not.toBe(fm('outlet: AP\n'));
  });

  it('rejects broken front matter with a message naming the file', () => {
    expect(() => parseArticle('bad.md', '---\ntitle: [x\n---\nbody')).toThrow(InputError);
    expect(() => parseArticle('bad.md', '---\ncolour: red\n---\nbody')).toThrow(/bad\.md: broken front matter: unknown field\(s\) colour/);
  });
});
