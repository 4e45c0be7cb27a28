import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceIndex, splitSentences } from '../../src/seed/evidence.js';
import { validateSeedPaths } from '../../src/seed/load.js';
import { SeedValidationError, formatIssue, type SeedIssue } from '../../src/seed/validate.js';
import { tempDir } from '../support/tmp.js';

async function tempFiles(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('seed-unit-');
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function issuesOf(files: Record<string, string>): Promise<SeedIssue[]> {
  const dir = await tempFiles(files);
  try {
    await validateSeedPaths([dir]);
  } catch (err) {
    if (err instanceof SeedValidationError) return err.issues;
    throw err;
  }
  return [];
}

const ARTICLE = 'Leaders met in Vladivostok on Thursday.\n\n“It was candid,” said Kim.   The U.S. watched closely.';

describe('seed validation', () => {
  it('accepts a valid set whose references cross files', async () => {
    const issues = await issuesOf({
      'a.yaml': [
        'format: summit-graph/seed@1',
        'article: { id: article:a, title: A, textFile: a.txt }',
        'entities:',
        '  - { id: person:kim, kind: PERSON, name: Kim, evidence: "said Kim" }',
        'relations:',
        '  - { type: LEADS, from: person:kim, to: country:PRK, since: 2011-12-17 }',
        'quotes:',
        '  - { id: quote:a-1, speaker: person:kim, text: "It was candid", about: [country:PRK] }',
      ].join('\n'),
      'a.txt': ARTICLE,
      'ref.json': JSON.stringify({ format: 'summit-graph/seed@1', entities: [{ id: 'country:PRK', kind: 'COUNTRY', name: 'North Korea', isoCode: 'PRK' }] }),
    });
    expect(issues).toEqual([]);
  });

  it('keeps two dated meetings of the same pair apart and reports the same meeting twice', async () => {
    const people = [
      'format: summit-graph/seed@1',
      'entities:',
      '  - { id: person:a, kind: PERSON, name: A }',
      '  - { id: person:b, kind: PERSON, name: B }',
      'relations:',
      '  - { type: MET, from: person:a, to: person:b, date: 2018-06-12 }',
    ];
    expect(await issuesOf({ 'met.yaml': [...people, '  - { type: MET, from: person:a, to: person:b, date: 2019-02-27 }'].join('\n') })).toEqual([]);
    const twice = await issuesOf({ 'met.yaml': [...people, '  - { type: MET, from: person:a, to: person:b, date: 2018-06-12 }'].join('\n') });
    expect(twice.map(formatIssue)).toEqual([expect.stringMatching(/met\.yaml:7:5: relations\[1\]: duplicate relation person:a -\[MET\]-> person:b/)]);
  });

  it('reports a wrong type with file, field path and line', async () => {
    const issues = await issuesOf({
      'bad.yaml': 'format: summit-graph/seed@1\nentities:\n  - id: person:x\n    kind: PERSON\n    name: 42\n',
    });
    expect(issues).toHaveLength(1);
    expect(formatIssue(issues[0]!)).toMatch(/bad\.yaml:5:11: entities\[0\]\.name: must be string; got 42$/);
  });

  it('reports a missing field at the object that lacks it', async () => {
    const issues = await issuesOf({ 'm.yaml': 'format: summit-graph/seed@1\nentities:\n  - id: topic:t\n    kind: TOPIC\n' });
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/m\.yaml:3:5: entities\[0\]\.name: missing required field 'name'$/)]);
  });

  it('reports an unknown field at its key and an unknown kind with the allowed values', async () => {
    const issues = await issuesOf({
      'u.yaml': 'format: summit-graph/seed@1\nentities:\n  - { id: topic:t, kind: TOPIK, name: T, colour: red }\n',
    });
    const text = issues.map(formatIssue).join('\n');
    expect(text).toMatch(/u\.yaml:3:\d+: entities\[0\]\.colour: unknown field 'colour'/);
    expect(text).toMatch(/entities\[0\]\.kind: must be one of "PERSON".*got "TOPIK"/);
  });

  it('reports malformed YAML with its line', async () => {
    const issues = await issuesOf({ 'y.yaml': 'format: summit-graph/seed@1\nentities:\n  - id: [unclosed\n' });
    expect(issues[0]?.message).toMatch(/^malformed YAML/);
    expect(issues[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports malformed JSON with its line', async () => {
    const issues = await issuesOf({ 'j.json': '{\n  "format": "summit-graph/seed@1",\n  "entities": [\n}\n' });
    expect(issues[0]?.message).toMatch(/^malformed JSON/);
    expect(issues[0]?.line).toBe(4);
  });

  it('reports dangling references and references of the wrong kind', async () => {
    const issues = await issuesOf({
      'r.yaml': [
        'format: summit-graph/seed@1',
        'entities:',
        '  - { id: person:a, kind: PERSON, name: A }',
        '  - { id: topic:t, kind: TOPIC, name: T }',
        'relations:',
        '  - { type: ATTENDED, from: person:a, to: summit:nowhere }',
        '  - { type: AFFILIATED_WITH, from: person:a, to: topic:t }',
      ].join('\n'),
    });
    const text = issues.map(formatIssue);
    expect(text).toContainEqual(expect.stringMatching(/r\.yaml:6:\d+: relations\[0\]\.to: dangling reference: summit:nowhere/));
    expect(text).toContainEqual(expect.stringMatching(/relations\[1\]\.to: topic:t is a TOPIC; this field takes ORGANIZATION/));
  });

  it('checks meaning: id prefix, kind-specific fields, ISO code, duplicates, evidence', async () => {
    const issues = await issuesOf({
      's.yaml': [
        'format: summit-graph/seed@1',
        'article: { id: article:s, title: S, textFile: s.txt }',
        'entities:',
        '  - { id: org:kim, kind: PERSON, name: Kim }',
        '  - { id: person:p, kind: PERSON, name: P, isoCode: FRA }',
        '  - { id: country:FRA, kind: COUNTRY, name: France, isoCode: DEU }',
        '  - { id: person:p, kind: PERSON, name: P2, evidence: "not in the text" }',
      ].join('\n'),
      's.txt': ARTICLE,
    });
    const text = issues.map(formatIssue).join('\n');
    expect(text).toMatch(/entities\[0\]\.id: id org:kim does not fit kind PERSON/);
    expect(text).toMatch(/entities\[1\]\.isoCode: field 'isoCode' applies to COUNTRY, not PERSON/);
    expect(text).toMatch(/entities\[2\]\.isoCode: isoCode DEU differs from the id's code FRA/);
    expect(text).toMatch(/entities\[3\]\.id: duplicate id person:p/);
    expect(text).toMatch(/entities\[3\]\.evidence: text not found in the article/);
  });

  it('rejects files that are not UTF-8, empty, or missing', async () => {
    const dir = await tempFiles({ 'empty.yaml': '' });
    await writeFile(join(dir, 'latin1.yaml'), Buffer.from([0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x3a, 0x20, 0xe9, 0x0a]));
    const err = await validateSeedPaths([dir, join(dir, 'nope.yaml')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    const text = (err as SeedValidationError).issues.map(formatIssue).join('\n');
    expect(text).toMatch(/empty\.yaml: file is empty/);
    expect(text).toMatch(/latin1\.yaml: file is not valid UTF-8 text/);
    expect(text).toMatch(/nope\.yaml: no such file or folder/);
  });
});

describe('evidence', () => {
  it('splits sentences without breaking on U.S. and keeps offsets into the text', () => {
    const sentences = splitSentences(ARTICLE);
    expect(sentences.map((s) => s.text)).toEqual([
      'Leaders met in Vladivostok on Thursday.',
      '“It was candid,” said Kim.',
      'The U.S. watched closely.',
    ]);
    for (const s of sentences) expect(ARTICLE.slice(s.start, s.end)).toBe(s.text);
  });

  it('locates a snippet across folded whitespace and names its sentence', () => {
    const index = new EvidenceIndex(ARTICLE);
    const span = index.locate('said   Kim.\n The U.S.');
    expect(span).toBeDefined();
    expect(span!.sentence).toBe(1);
    expect(ARTICLE.slice(span!.start, span!.end)).toBe('said Kim.   The U.S.');
    expect(index.locate('absent words')).toBeUndefined();
  });
});
