/**
 * A generated battery of bad inputs (issue 22): seed files and raw articles that must each be
 * refused with a message naming the file, without a hang, a memory runaway or a write. Every case
 * is bad by construction, independently of the validator (a mutation that could leave a valid file,
 * such as a truncation that removes whole entities, is made to remove the required `format` line,
 * which the base file puts last; a byte flip writes a byte no YAML text may hold). Deterministic:
 * the same cases every run (a small seeded generator, no Math.random).
 *
 * Seed cases come in two stages, because the loader checks cross-file meaning (references, claims)
 * only once every file of a load has parsed: `parse` cases fail reading, YAML, limits or the schema;
 * `meaning` cases are well-formed files that fail those cross-file checks.
 */
import { stringify } from 'yaml';

export interface BadCase {
  /** File names (relative to the case folder) and contents; the first is the one the case is about. */
  files: { name: string; content: string | Buffer }[];
  stage: 'parse' | 'meaning';
  /** What the case exercises, for failure messages. */
  what: string;
}

/** The article text every seed case's textFile holds (its evidence and quote occur in it). */
export const BASE_TEXT =
  'Leaders met in Vladivostok on Thursday. “It was a candid and useful meeting,” said Vladimir Putin. Kim Jong Un attended the summit, the first since 2011.\n';
export const BASE_TEXT_FILE = 'base-text.txt';

/** A valid seed file about the Vladivostok summit, for a graph holding seed/; `format` comes last. */
export function baseDoc(n: number): Record<string, unknown> {
  return {
    article: {
      id: `article:bad-${n}`,
      title: `Bad case ${n}`,
      publishedAt: '2019-04-26',
      outlet: 'org:reuters',
      authors: ['person:eugene-whong'],
      textFile: BASE_TEXT_FILE,
    },
    entities: [{ id: `topic:bad-${n}`, kind: 'TOPIC', name: `Bad topic ${n}`, aliases: [`bad ${n}`], evidence: 'useful meeting' }],
    relations: [
      { type: 'ATTENDED', from: 'person:kim-jong-un', to: 'summit:2019-04-25-vladivostok', evidence: 'Kim Jong Un attended the summit' },
      { type: 'DISCUSSED', from: 'summit:2019-04-25-vladivostok', to: `topic:bad-${n}` },
      { type: 'MET', from: 'person:vladimir-putin', to: 'person:kim-jong-un', date: '2019-04-25', place: 'place:vladivostok' },
    ],
    quotes: [{ id: `quote:bad-${n}-1`, speaker: 'person:vladimir-putin', text: 'It was a candid and useful meeting', about: ['summit:2019-04-25-vladivostok'] }],
    format: 'summit-graph/seed@1',
  };
}

const yaml = (doc: unknown): string => stringify(doc, { lineWidth: 0 });

/** xorshift32: the battery's only source of variety. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function setAt(doc: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let cur = doc as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === DELETE) delete cur[last];
  else cur[last] = value;
}
const DELETE = Symbol('delete');

/** Every bad seed-file case (at least 300). */
export function badSeedCases(): BadCase[] {
  const cases: BadCase[] = [];
  let n = 0;
  const one = (what: string, content: string | Buffer, stage: BadCase['stage'] = 'parse', name?: string): void => {
    n++;
    cases.push({ what, stage, files: [{ name: name ?? `case-${String(n).padStart(3, '0')}.yaml`, content }] });
  };
  const mutated = (what: string, edit: (doc: Record<string, unknown>) => void, stage: BadCase['stage'] = 'parse'): void => {
    const doc = baseDoc(n + 1);
    edit(doc);
    one(what, yaml(doc), stage);
  };

  // --- Wrong types at every field --------------------------------------------------------------
  const fields: { path: (string | number)[]; type: 'string' | 'array' | 'object' | 'boolean' }[] = [
    { path: ['format'], type: 'string' },
    { path: ['article'], type: 'object' },
    { path: ['article', 'id'], type: 'string' },
    { path: ['article', 'title'], type: 'string' },
    { path: ['article', 'publishedAt'], type: 'string' },
    { path: ['article', 'outlet'], type: 'string' },
    { path: ['article', 'authors'], type: 'array' },
    { path: ['article', 'authors', 0], type: 'string' },
    { path: ['article', 'textFile'], type: 'string' },
    { path: ['entities'], type: 'array' },
    { path: ['entities', 0], type: 'object' },
    { path: ['entities', 0, 'id'], type: 'string' },
    { path: ['entities', 0, 'kind'], type: 'string' },
    { path: ['entities', 0, 'name'], type: 'string' },
    { path: ['entities', 0, 'aliases'], type: 'array' },
    { path: ['entities', 0, 'aliases', 0], type: 'string' },
    { path: ['relations'], type: 'array' },
    { path: ['relations', 0], type: 'object' },
    { path: ['relations', 0, 'type'], type: 'string' },
    { path: ['relations', 0, 'from'], type: 'string' },
    { path: ['relations', 0, 'to'], type: 'string' },
    { path: ['relations', 2, 'date'], type: 'string' },
    { path: ['relations', 2, 'place'], type: 'string' },
    { path: ['quotes'], type: 'array' },
    { path: ['quotes', 0], type: 'object' },
    { path: ['quotes', 0, 'id'], type: 'string' },
    { path: ['quotes', 0, 'speaker'], type: 'string' },
    { path: ['quotes', 0, 'text'], type: 'string' },
    { path: ['quotes', 0, 'about'], type: 'array' },
    { path: ['quotes', 0, 'about', 0], type: 'string' },
  ];
  const wrong: Record<string, unknown[]> = {
    string: [42, true, { a: 1 }, ['x'], null],
    array: ['x', 42, { a: 1 }, null],
    object: ['x', [1], 42, null],
    boolean: ['yes', 1],
  };
  for (const f of fields) {
    for (const v of wrong[f.type] as unknown[]) mutated(`wrong type at ${f.path.join('.')}: ${JSON.stringify(v)}`, (d) => setAt(d, f.path, v));
  }
  mutated('entities[0].mentioned not a boolean', (d) => setAt(d, ['entities', 0, 'mentioned'], 'yes'));
  mutated('relation joined not an integer', (d) => setAt(d, ['relations', 0], { type: 'MEMBER_OF', from: 'country:PRK', to: 'talks:six-party-talks', joined: 2003.5 }));

  // --- Truncations: `format` is the last line, so every cut loses or breaks it -------------------
  const base = yaml(baseDoc(9000));
  const formatAt = base.lastIndexOf('format:');
  for (let k = 1; k <= 25; k++) one(`truncated at byte ${Math.floor((formatAt * k) / 26)}`, base.slice(0, Math.floor((formatAt * k) / 26)));
  one('truncated inside the format line', base.slice(0, formatAt + 12));

  // --- Byte flips to bytes no YAML text holds ----------------------------------------------------
  const rnd = random(22);
  const bytes = Buffer.from(base, 'utf8');
  const flips = [0xff, 0x00, 0x1b, 0x07, 0xfe, 0x08, 0x7f, 0xc0];
  for (let k = 0; k < 32; k++) {
    const copy = Buffer.from(bytes);
    const at = Math.floor(rnd() * copy.length);
    copy[at] = flips[k % flips.length] as number;
    one(`byte ${at} flipped to 0x${(flips[k % flips.length] as number).toString(16)}`, copy);
  }

  // --- Huge strings -------------------------------------------------------------------------------
  mutated('id of 9 KB', (d) => setAt(d, ['entities', 0, 'id'], `topic:${'a'.repeat(9000)}`));
  mutated('article id of 300 characters', (d) => setAt(d, ['article', 'id'], `article:${'b'.repeat(300)}`));
  mutated('quote id of 1 KB', (d) => setAt(d, ['quotes', 0, 'id'], `quote:${'c'.repeat(1000)}`));
  mutated('name of 10,000 characters', (d) => setAt(d, ['entities', 0, 'name'], 'N'.repeat(10_000)));
  mutated('alias of 1 MB', (d) => setAt(d, ['entities', 0, 'aliases', 0], 'A'.repeat(1024 * 1024)));
  mutated('title of 1 MB', (d) => setAt(d, ['article', 'title'], 'T '.repeat(512 * 1024)));
  mutated('quote text of 100 KB', (d) => setAt(d, ['quotes', 0, 'text'], 'word '.repeat(20_000)));
  mutated('evidence of 100 KB', (d) => setAt(d, ['entities', 0, 'evidence'], 'e'.repeat(100_000)));
  mutated('url of 10 KB', (d) => setAt(d, ['article', 'url'], `https://example.com/${'p'.repeat(10_000)}`));
  mutated('textFile path of 5 KB', (d) => setAt(d, ['article', 'textFile'], 'x/'.repeat(2500)));
  mutated('description of 1 MB', (d) => setAt(d, ['entities', 0, 'description'], 'D'.repeat(1024 * 1024)));
  mutated('method of 1 KB', (d) => setAt(d, ['relations', 0, 'method'], `m${'x'.repeat(1000)}`));
  mutated('101 aliases', (d) => setAt(d, ['entities', 0, 'aliases'], Array.from({ length: 101 }, (_, i) => `alias ${i}`)));
  mutated('51 authors', (d) => setAt(d, ['article', 'authors'], Array.from({ length: 51 }, () => 'person:eugene-whong')));
  mutated('an entity of 60 fields', (d) => setAt(d, ['entities', 0], Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, i]))));

  // --- Deep nesting -------------------------------------------------------------------------------
  for (const depth of [33, 100, 10_000, 1_000_000]) one(`flow nesting ${depth} deep`, `format: summit-graph/seed@1\nentities: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
  one('flow nesting 1,000,000 deep, unclosed', `format: summit-graph/seed@1\nentities: ${'{a: '.repeat(200_000)}\n`);
  for (const depth of [40, 500]) one(`block nesting ${depth} deep`, `format: summit-graph/seed@1\nentities:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')}\n`);
  for (const depth of [40, 5000]) one(`"- " runs ${depth} deep`, `format: summit-graph/seed@1\nentities:\n${'- '.repeat(depth)}x\n`);
  one('JSON nested 10,000 deep', `{"format": "summit-graph/seed@1", "entities": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'parse', `case-${String(n + 1).padStart(3, '0')}.json`);
  one('values nested 20 deep under an entity', `format: summit-graph/seed@1\nentities:\n  - ${'{a: '.repeat(20)}1${'}'.repeat(20)}\n`);

  // --- Aliases ------------------------------------------------------------------------------------
  for (const levels of [6, 7, 9]) {
    const lines = ['format: summit-graph/seed@1', 'x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < levels; i++) lines.push(`x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(', ')}]`);
    one(`billion laughs, ${levels} levels`, `${lines.join('\n')}\n`);
  }
  one('unresolved alias', 'format: summit-graph/seed@1\nentities: *nowhere\n');
  one('recursive alias in a list', 'format: summit-graph/seed@1\nentities: &e [*e]\n');
  one('recursive alias in a mapping', 'format: summit-graph/seed@1\nentities:\n  - &m { id: topic:t, kind: TOPIC, name: T, evidence: *m }\n');
  one('alias list of 50,000 items', `format: summit-graph/seed@1\nentities:\n  - { id: topic:t, kind: TOPIC, name: T, aliases: [${Array.from({ length: 50_000 }, (_, i) => `a${i}`).join(', ')}] }\n`);
  {
    const lines = ['format: summit-graph/seed@1', 'entities:', `  - { id: topic:t0, kind: TOPIC, name: T0, aliases: &all [${Array.from({ length: 2000 }, (_, i) => `b${i}`).join(', ')}] }`];
    for (let i = 1; i < 999; i++) lines.push(`  - { id: topic:t${i}, kind: TOPIC, name: T${i}, aliases: *all }`);
    one('999 entities sharing a 2,000-item anchor', `${lines.join('\n')}\n`);
  }
  one('merge key from a missing anchor', 'format: summit-graph/seed@1\nentities:\n  - { <<: *gone, id: topic:t }\n');
  one('alias used as a key', 'format: summit-graph/seed@1\nk: &k format\n*k : x\n');

  // --- Not UTF-8, binary --------------------------------------------------------------------------
  one('Latin-1 text', Buffer.from(`format: summit-graph/seed@1\nentities:\n  - { id: topic:t, kind: TOPIC, name: Caf\xe9 }\n`, 'latin1'));
  one('UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]));
  one('UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(base, 'utf16le').swap16()]));
  one('a surrogate encoded as UTF-8 (CESU)', Buffer.concat([Buffer.from('format: summit-graph/seed@1\nentities: [{ id: topic:t, kind: TOPIC, name: "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('" }]\n')]));
  one('an overlong encoding', Buffer.concat([Buffer.from('format: summit-graph/seed@1\nx: "'), Buffer.from([0xc0, 0x80]), Buffer.from('"\n')]));
  one('a multibyte character cut at the end', Buffer.concat([Buffer.from(base), Buffer.from([0xe2, 0x80])]));
  for (let k = 0; k < 3; k++) one(`random bytes ${k}`, Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rnd() * 256))));
  one('a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  one('a gzip header', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]));
  one('an ELF header', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0]));
  one('a PDF', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  one('a ZIP header', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));

  // --- Impossible dates ----------------------------------------------------------------------------
  for (const date of ['2019-02-30', '2019-13-01', '2019-00-10', '2019-04-31', '2100-02-29', '2019-2-3', '20190426', '2019-04-26T00:00:00Z']) {
    mutated(`publishedAt ${date}`, (d) => setAt(d, ['article', 'publishedAt'], date));
  }
  for (const date of ['2019-02-29', '2019-06-31', '2019-04-00']) mutated(`MET date ${date}`, (d) => setAt(d, ['relations', 2, 'date'], date));
  for (const date of ['2018-11-31', '1900-02-29']) {
    mutated(`summit date ${date}`, (d) => (d.entities as unknown[]).push({ id: 'summit:2018-11-30-x', kind: 'SUMMIT', name: 'X summit', date }));
  }
  mutated('LEADS since 2011-12-32', (d) => (d.relations as unknown[]).push({ type: 'LEADS', from: 'person:kim-jong-un', to: 'country:PRK', title: 'Leader', since: '2011-12-32' }));
  mutated('LEADS until 2023-09-31', (d) => (d.relations as unknown[]).push({ type: 'LEADS', from: 'person:kim-jong-un', to: 'country:PRK', title: 'Leader', until: '2023-09-31' }));

  // --- Control characters, lone surrogates ---------------------------------------------------------
  const escapes = ['\\0', '\\e', '\\a', '\\x7f', '\\x9b', '\\u202e', '\\b', '\\x1b[2J', '\\v', '\\f'];
  escapes.forEach((e, k) => {
    const value = `"Bad ${e} value"`;
    const where = [
      `entities:\n  - { id: topic:e${k}, kind: TOPIC, name: ${value} }`,
      `entities:\n  - { id: topic:e${k}, kind: TOPIC, name: E, aliases: [${value}] }`,
      `article: { id: article:e${k}, title: ${value} }`,
      `relations:\n  - { type: LEADS, from: person:kim-jong-un, to: country:PRK, title: ${value} }`,
    ][k % 4] as string;
    one(`escape ${e} in ${['a name', 'an alias', 'a title', 'a relation title'][k % 4]}`, `format: summit-graph/seed@1\n${where}\n`);
  });
  for (const where of ['entities[0].name', 'article.title', 'quotes[0].text', 'entities[0].aliases[0]']) {
    one(`lone surrogate in ${where}`, `format: summit-graph/seed@1\nentities:\n  - { id: topic:s, kind: TOPIC, name: "S \\ud800 ${where}" }\n`);
  }
  one('a NUL in a comment', `# a comment\u0000\n${base}`);
  one('an escape in a key', `format: summit-graph/seed@1\n"ent\\eities": []\n`);

  // --- YAML and JSON syntax -----------------------------------------------------------------------
  one('duplicate keys', 'format: summit-graph/seed@1\nentities: []\nentities: []\n');
  one('tab indentation', 'format: summit-graph/seed@1\nentities:\n\t- { id: topic:t, kind: TOPIC, name: T }\n');
  one('unclosed quote', 'format: summit-graph/seed@1\nentities:\n  - { id: "topic:t, kind: TOPIC, name: T }\n');
  one('unclosed bracket', 'format: summit-graph/seed@1\nentities: [\n  { id: topic:t, kind: TOPIC, name: T }\n');
  one('bad indentation', 'format: summit-graph/seed@1\nentities:\n  - id: topic:t\n     kind: TOPIC\n   name: T\n');
  one('two documents', `${base}---\n${base}`);
  one('a list at the top', '- format: summit-graph/seed@1\n');
  one('a scalar at the top', 'summit-graph/seed@1\n');
  one('an empty file', '');
  one('only a comment', '# nothing here\n');
  one('null', 'null\n');
  one('a directive without a document start', '%YAML 1.2\nformat: summit-graph/seed@1\n');
  const json = (what: string, text: string): void => one(what, text, 'parse', `case-${String(n + 1).padStart(3, '0')}.json`);
  json('JSON: unclosed object', '{"format": "summit-graph/seed@1", "entities": [');
  json('JSON: missing comma', '{"format": "summit-graph/seed@1" "entities": []}');
  json('JSON: an array', '[{"format": "summit-graph/seed@1"}]');
  json('JSON: a number', '42');
  json('JSON: truncated', JSON.stringify(baseDoc(n + 1)).slice(0, 200));

  // --- Schema ---------------------------------------------------------------------------------------
  mutated('unknown top-level field', (d) => setAt(d, ['colour'], 'red'));
  mutated('unknown entity field', (d) => setAt(d, ['entities', 0, 'colour'], 'red'));
  mutated('unknown kind', (d) => setAt(d, ['entities', 0, 'kind'], 'TOPIK'));
  mutated('wrong format version', (d) => setAt(d, ['format'], 'summit-graph/seed@2'));
  mutated('format missing', (d) => setAt(d, ['format'], DELETE));
  mutated('an id beside the article', (d) => setAt(d, ['id'], 'ref:both'));
  for (const id of ['topic:with space', 'Topic:x', 'topic:', 'topic:-x', 'x', 'topic:a/b']) mutated(`bad id ${JSON.stringify(id)}`, (d) => setAt(d, ['entities', 0, 'id'], id));
  mutated('confidence -0.5', (d) => setAt(d, ['relations', 0, 'confidence'], -0.5));
  mutated('confidence 2', (d) => setAt(d, ['relations', 0, 'confidence'], 2));
  mutated('a year of 1700', (d) => setAt(d, ['relations', 0], { type: 'MEMBER_OF', from: 'country:PRK', to: 'talks:six-party-talks', joined: 1700 }));
  mutated('an unknown label', (d) => setAt(d, ['entities', 0], { id: 'person:x', kind: 'PERSON', name: 'X', labels: ['King'] }));
  mutated('five labels', (d) => setAt(d, ['entities', 0], { id: 'person:x', kind: 'PERSON', name: 'X', labels: ['Leader', 'Analyst', 'Official', 'Journalist', 'Leader'] }));
  mutated('evidence object without at', (d) => setAt(d, ['entities', 0, 'evidence'], { text: 'useful meeting' }));
  mutated('evidence at -1', (d) => setAt(d, ['entities', 0, 'evidence'], { text: 'useful meeting', at: -1 }));
  mutated('evidence at 10^12', (d) => setAt(d, ['entities', 0, 'evidence'], { text: 'useful meeting', at: 1e12 }));
  mutated('evidence of two letters', (d) => setAt(d, ['entities', 0, 'evidence'], 'Ki'));
  mutated('an empty name', (d) => setAt(d, ['entities', 0, 'name'], '   '));
  mutated('a relation type that does not exist', (d) => setAt(d, ['relations', 0, 'type'], 'LIKES'));
  mutated('a wikidata id that is not one', (d) => setAt(d, ['entities', 0, 'wikidata'], 'Z12'));
  mutated('an outlet that is not an organization id', (d) => setAt(d, ['article', 'outlet'], 'person:eugene-whong'));

  // --- The article text file -------------------------------------------------------------------------
  mutated('textFile missing', (d) => setAt(d, ['article', 'textFile'], 'no-such-text.txt'));
  mutated('textFile is a folder', (d) => setAt(d, ['article', 'textFile'], '.'));
  const textCase = (what: string, text: string | Buffer): void => {
    n++;
    const name = `case-${String(n).padStart(3, '0')}.yaml`;
    const doc = baseDoc(n);
    setAt(doc, ['article', 'textFile'], `${name}.txt`);
    cases.push({ what, stage: 'parse', files: [{ name, content: yaml(doc) }, { name: `${name}.txt`, content: text }] });
  };
  textCase('textFile not UTF-8', Buffer.from('Caf\xe9 society met.\n', 'latin1'));
  textCase('textFile with a NUL', `${BASE_TEXT}\u0000`);
  textCase('textFile over 1 MiB', 'w '.repeat(600 * 1024));

  // --- File names that would break a terminal (and a bad content) ------------------------------------
  for (const name of ['new\nline.yaml', 'esc\u001b[31mred.yaml', 'bell\u0007.yaml', 'rtl\u202eoverride.yaml']) {
    n++;
    cases.push({ what: `file name ${JSON.stringify(name)}`, stage: 'parse', files: [{ name, content: 'format: summit-graph/seed@1\nentities: 3\n' }] });
  }

  // --- Meaning: well-formed files the cross-file checks refuse -------------------------------------
  const meaning = (what: string, edit: (doc: Record<string, unknown>) => void): void => mutated(what, edit, 'meaning');
  for (const [path, id] of [
    [['relations', 0, 'from'], 'person:nobody'],
    [['relations', 0, 'to'], 'summit:1999-01-01-nowhere'],
    [['relations', 2, 'place'], 'place:atlantis'],
    [['quotes', 0, 'speaker'], 'person:nobody'],
    [['quotes', 0, 'about', 0], 'topic:nothing'],
    [['article', 'outlet'], 'org:nobody'],
    [['article', 'authors', 0], 'person:nobody'],
  ] as [(string | number)[], string][]) {
    meaning(`dangling ${path.join('.')}`, (d) => setAt(d, path, id));
  }
  meaning('a MET on the sidelines of a summit that does not exist', (d) => setAt(d, ['relations', 2, 'summit'], 'summit:2000-01-01-nowhere'));
  meaning('ATTENDED from a country', (d) => setAt(d, ['relations', 0, 'from'], 'country:PRK'));
  mutated('a speaker who is a country (the schema: speakers are person: ids)', (d) => setAt(d, ['quotes', 0, 'speaker'], 'country:RUS'));
  meaning('a MET with a person nobody defines', (d) => setAt(d, ['relations', 2, 'to'], 'person:bad-not-a-person'));
  meaning('an outlet nobody defines', (d) => setAt(d, ['article', 'outlet'], 'org:bad-outlet'));
  meaning('a relation from an entity to itself', (d) => setAt(d, ['relations', 2, 'to'], 'person:vladimir-putin'));
  meaning('a duplicate entity id', (d) => (d.entities as unknown[]).push((d.entities as unknown[])[0]));
  meaning('a duplicate quote id', (d) => (d.quotes as unknown[]).push((d.quotes as unknown[])[0]));
  meaning('a duplicate relation', (d) => (d.relations as unknown[]).push((d.relations as unknown[])[0]));
  meaning('an id that does not fit its kind', (d) => setAt(d, ['entities', 0, 'kind'], 'PLACE'));
  meaning('a field of another kind', (d) => setAt(d, ['entities', 0, 'isoCode'], 'PRK'));
  meaning('an isoCode that differs from the id', (d) => setAt(d, ['entities', 0], { id: 'country:XXA', kind: 'COUNTRY', name: 'X', isoCode: 'XXB' }));
  meaning('a field that does not apply to the relation', (d) => setAt(d, ['relations', 0, 'title'], 'Guest'));
  meaning('until before since', (d) => (d.relations as unknown[]).push({ type: 'LEADS', from: 'person:kim-jong-un', to: 'country:PRK', title: 'L', since: '2011-12-17', until: '2010-01-01' }));
  meaning('endDate before date', (d) => (d.entities as unknown[]).push({ id: 'summit:2019-05-01-x', kind: 'SUMMIT', name: 'X', date: '2019-05-01', endDate: '2019-04-01' }));
  meaning('an alias repeating the name', (d) => setAt(d, ['entities', 0, 'aliases'], [`Bad topic ${n + 1}`]));
  meaning('aliases repeated', (d) => setAt(d, ['entities', 0, 'aliases'], ['same', 'same']));
  meaning('evidence not in the article', (d) => setAt(d, ['relations', 0, 'evidence'], 'Kim Jong Un skipped the summit'));
  meaning('a quote not in the article', (d) => setAt(d, ['quotes', 0, 'text'], 'It was a waste of everyone’s time'));
  for (const text of ['x', 'No.', 'Meeting', 'a b']) meaning(`a quote too short: ${JSON.stringify(text)}`, (d) => setAt(d, ['quotes', 0, 'text'], text));
  meaning('a quote id of the seed article (in the graph)', (d) => setAt(d, ['quotes', 0, 'id'], 'quote:15fc837faf60e174-01'));
  meaning('a quote in a file without an article', (d) => {
    setAt(d, ['article'], DELETE);
    setAt(d, ['entities', 0, 'evidence'], DELETE);
    setAt(d, ['relations', 0, 'evidence'], DELETE);
  });
  meaning('an about list repeating itself', (d) => setAt(d, ['quotes', 0, 'about'], ['summit:2019-04-25-vladivostok', 'summit:2019-04-25-vladivostok']));
  // Pairs: two files claiming one article, one quote, one source id.
  const pair = (what: string, a: Record<string, unknown>, b: Record<string, unknown>): void => {
    n++;
    cases.push({ what, stage: 'meaning', files: [{ name: `case-${String(n).padStart(3, '0')}-b.yaml`, content: yaml(b) }, { name: `case-${String(n).padStart(3, '0')}-a.yaml`, content: yaml(a) }] });
  };
  {
    const a = baseDoc(n + 1);
    const b = baseDoc(n + 1);
    setAt(b, ['quotes', 0, 'id'], `quote:bad-${n + 1}-2`);
    setAt(b, ['entities', 0, 'id'], `topic:bad-${n + 1}-b`);
    setAt(b, ['relations', 1, 'to'], `topic:bad-${n + 1}-b`);
    pair('two files claiming one article id', a, b);
  }
  {
    const a = baseDoc(n + 1);
    const b = baseDoc(n + 2);
    setAt(b, ['quotes', 0, 'id'], `quote:bad-${n + 1}-1`);
    pair('two files claiming one quote id', a, b);
  }
  {
    const ref = (name: string): Record<string, unknown> => ({ id: 'ref:same', entities: [{ id: `topic:${name}`, kind: 'TOPIC', name }], format: 'summit-graph/seed@1' });
    pair('two files claiming one ref id', ref('one'), ref('two'));
  }
  {
    const a = baseDoc(n + 1);
    const b = baseDoc(n + 2);
    setAt(a, ['article', 'url'], 'https://www.example.com/same?utm_source=a');
    setAt(b, ['article', 'url'], 'http://example.com/same/');
    pair('two files with the same article URL', a, b);
  }
  return cases;
}

/** A raw article's front matter and body. */
function article(front: string | undefined, body = 'VLADIVOSTOK (Wire) - Leaders met on Thursday.\n'): string {
  return front === undefined ? body : `---\n${front}---\n${body}`;
}

/** Every bad raw-article case (at least 80); `seedText` is the seed article's text (for conflicts). */
export function badRawCases(seedText: string): BadCase[] {
  const cases: BadCase[] = [];
  let n = 0;
  const one = (what: string, content: string | Buffer, ext = '.txt'): void => {
    n++;
    cases.push({ what, stage: 'parse', files: [{ name: `raw-${String(n).padStart(3, '0')}${ext}`, content }] });
  };
  const rnd = random(80);
  one('an empty file', '');
  one('only white space', ' \n\n\t \n');
  one('random bytes with NUL', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i % 7 === 0 ? 0 : Math.floor(rnd() * 256)))));
  one('a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  one('a gzip stream', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]));
  for (const [what, buf] of [
    ['Latin-1', Buffer.from('Caf\xe9 summit held\n', 'latin1')],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Summit held\n', 'utf16le')])],
    ['CESU surrogate', Buffer.from([0x53, 0xed, 0xa0, 0x80, 0x0a])],
    ['overlong', Buffer.from([0x53, 0xc0, 0x80, 0x0a])],
    ['cut multibyte', Buffer.from([0x53, 0x75, 0xe2, 0x80])],
  ] as [string, Buffer][]) {
    one(`not UTF-8: ${what}`, buf);
  }
  for (const c of ['\u001b[2J', '\u0007', '\u007f', '\u0085', '\u0008', '\u001b]0;title\u0007']) one(`a control character ${JSON.stringify(c)} in the text`, article(undefined, `Summit${c} held in Vladivostok.\n`));
  one('over 1 MiB', 'word '.repeat(220 * 1024));
  one('over 1 MiB of one line', 'x'.repeat(1024 * 1024 + 1));
  one('front matter not closed', '---\ntitle: T\nA body that never closes the front matter.\n', '.md');
  one('front matter: bad YAML', article('title: [unclosed\n'), '.md');
  one('front matter: bad indentation', article('title: T\n  url: x\n outlet: y\n'), '.md');
  one('front matter: unknown field', article('title: T\ncolour: red\n'), '.md');
  one('front matter: two unknown fields', article('headline: T\ndate: 2019-04-26\n'), '.md');
  for (const [k, v] of [['title', '42'], ['url', '[x]'], ['outlet', '{a: 1}'], ['author', 'true'], ['title', 'null']] as [string, string][]) one(`front matter: ${k} ${v}`, article(`${k}: ${v}\n`), '.md');
  one('front matter: title too long', article(`title: ${'T'.repeat(1001)}\n`), '.md');
  one('front matter: url too long', article(`title: T\nurl: https://example.com/${'p'.repeat(2000)}\n`), '.md');
  one('front matter: an escape in the title', article('title: "T\\e[31m"\n'), '.md');
  one('front matter: a NUL in the author', article('title: T\nauthor: "A\\0B"\n'), '.md');
  one('front matter: a bidi override in the outlet', article('title: T\noutlet: "Wire \\u202e"\n'), '.md');
  for (const date of ['2019-02-30', '2019-13-01', '2019-04-31', '2100-02-29', '2019-2-3', 'yesterday', '20190426', '2019-00-01']) one(`front matter: published ${date}`, article(`title: T\npublished: ${date}\n`), '.md');
  one('front matter: an alias bomb', article(`a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${Array(10).fill('*a').join(',')}]\nc: &c [${Array(10).fill('*b').join(',')}]\nd: [${Array(10).fill('*c').join(',')}]\ntitle: T\n`), '.md');
  one('front matter: a recursive alias', article('title: &t [*t]\n'), '.md');
  one('front matter: an unresolved alias', article('title: *nope\n'), '.md');
  one('front matter: nested 100,000 deep', article(`title: ${'['.repeat(100_000)}\n`), '.md');
  one('front matter: block nesting 500 deep', article(`title:\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')}\n`), '.md');
  one('front matter: a list', article('- title\n- T\n'), '.md');
  one('front matter: a scalar', article('just a string\n'), '.md');
  one('front matter and no body', '---\ntitle: T\n---\n', '.md');
  one('front matter and a blank body', '---\ntitle: T\n---\n\n   \n', '.md');
  // Byte flips of a good article to bytes no article text holds.
  const good = Buffer.from(article('title: A good article\noutlet: Wire\npublished: 2019-04-26\n', 'VLADIVOSTOK - Russian President Vladimir Putin met North Korean leader Kim Jong Un on Thursday.\n'));
  const flips = [0xff, 0x00, 0x1b, 0x07, 0xfe, 0x7f, 0xc0];
  for (let k = 0; k < 14; k++) {
    const copy = Buffer.from(good);
    const at = 4 + Math.floor(rnd() * (copy.length - 5));
    copy[at] = flips[k % flips.length] as number;
    one(`byte ${at} flipped to 0x${(flips[k % flips.length] as number).toString(16)}`, copy, '.md');
  }
  // Copies of the reviewed seed article, under any name and with front matter that matches it: each
  // is the same article as the reviewed one, so each is a conflict.
  for (let k = 0; k < 12; k++) one(`the reviewed article again, as copy ${k}`, seedText, k % 2 === 0 ? '.txt' : '.md');
  const title = seedText.split('\n').find((l) => l.trim() !== '') as string;
  for (const [k, fm] of [
    `title: "${title}"\n`,
    `title: "${title}"\noutlet: Radio Free Asia\n`,
    `title: "${title}"\npublished: 2019-04-25\n`,
    `title: "${title}"\noutlet: Radio Free Asia\npublished: 2019-04-25\n`,
    `title: "${title.toUpperCase()}"\n`,
    `title: "  ${title}!  "\n`,
  ].entries()) {
    one(`the reviewed article with front matter ${k}`, article(fm, seedText), '.md');
  }
  return cases;
}

/** Files written under a case's name that are not regular files, for both batteries. */
export const SPECIAL = ['fifo', 'dev-zero', 'dev-urandom', 'dev-null', 'self-loop', 'loop-a', 'loop-b', 'broken-link', 'socket'] as const;
