/**
 * `npm run documents`: the manifest from a folder of .graphql files, validated against the schema
 * with every problem located; reading a manifest back; the TRUSTED_DOCUMENTS settings.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { collectTrustedOperations, DocumentsError, manifestJson } from '../../src/graphql/documents.js';
import { createSchema } from '../../src/graphql/schema.js';
import { documentHash, readTrustedDocuments } from '../../src/graphql/trusted-documents.js';
import { tempDir } from '../support/tmp.js';

const schema = createSchema();
let dir: string;
let emptyDir: string;

beforeAll(async () => {
  dir = await tempDir('trusted-docs-');
  emptyDir = await tempDir('trusted-docs-empty-');
  await mkdir(join(dir, 'nested'));
  await writeFile(join(dir, 'summits.graphql'), '# the list\nquery SummitList($first: Int!) {\n  summits(first: $first) { edges { node { ...SummitBits } } }\n}\n');
  await writeFile(join(dir, 'nested', 'fragments.gql'), 'fragment SummitBits on Summit { id name }\nfragment Unused on Person { id }\n');
  await writeFile(join(dir, 'stats.graphql'), 'query Stats { stats { articles } }');
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DocumentsError) return err.problems;
    throw err;
  }
  throw new Error('expected a DocumentsError');
}

describe('collectTrustedOperations', () => {
  it('makes one printed document per operation, with the fragments it uses from any file, hashed', () => {
    const ops = collectTrustedOperations(dir, schema, dir);
    expect(ops.map((o) => [o.name, o.file])).toEqual([
      ['Stats', 'stats.graphql'],
      ['SummitList', 'summits.graphql'],
    ]);
    const list = ops[1]!;
    expect(list.document).toContain('fragment SummitBits on Summit');
    expect(list.document).not.toContain('Unused');
    expect(list.document).not.toContain('# the list');
    expect(list.hash).toBe(documentHash(list.document));
  });

  it('locates every problem as file:line:column and builds nothing', async () => {
    const bad = await tempDir('trusted-docs-bad-');
    await writeFile(join(bad, 'a.graphql'), 'query A { stats { articles } }\nquery { stats { articles } }\n');
    await writeFile(join(bad, 'b.graphql'), 'query B {\n  nope\n}\n');
    await writeFile(join(bad, 'c.graphql'), 'query C { stats(');
    await writeFile(join(bad, 'd.graphql'), 'query A { __typename }');
    await writeFile(join(bad, 'e.graphql'), 'type T { x: Int }');
    const problems = problemsOf(() => collectTrustedOperations(bad, schema, bad));
    expect(problems).toEqual(
      expect.arrayContaining([
        'a.graphql:2:1: an operation without a name: name it (clients and logs refer to operations by name)',
        'b.graphql:2:3: Cannot query field "nope" on type "Query". Did you mean "node"?',
        'c.graphql:1:17: Syntax Error: Expected Name, found <EOF>.',
        'd.graphql:1:1: operation A is also defined in a.graphql',
        expect.stringMatching(/^e\.graphql:1:1: a ObjectTypeDefinition is not an operation/),
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(problemsOf(() => collectTrustedOperations(emptyDir, schema))).toEqual([`${emptyDir}: no .graphql or .gql files`]);
  });
});

describe('the manifest', () => {
  it('reads back what npm run documents writes', async () => {
    const file = join(dir, 'out.json');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/documents.ts', dir, '--out', file], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('SummitList');
    const documents = readTrustedDocuments(file);
    expect(await readFile(file, 'utf8')).toBe(manifestJson(collectTrustedOperations(dir, schema)));
    expect([...documents.values()].sort()).toEqual(collectTrustedOperations(dir, schema).map((o) => o.document).sort());
  }, 60_000);

  it('exits 1 with the located problems and writes nothing when a document is invalid', async () => {
    const bad = await tempDir('trusted-docs-cli-');
    await writeFile(join(bad, 'x.graphql'), 'query X {\n  nope\n}\n');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/documents.ts', bad], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('x.graphql:2:3: Cannot query field "nope"');
    await expect(readFile(join(bad, 'trusted-documents.json'))).rejects.toThrow();
  }, 60_000);

  it('refuses a manifest whose keys are not the sha256 of their documents, naming each', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ [documentHash('query A { x }')]: 'query B { y }', nothex: 'query C { z }', [documentHash('q')]: 1 }));
    expect(() => readTrustedDocuments(file)).toThrow(/is not the sha256 of its document[\s\S]*not a hex sha256[\s\S]*not a string/);
    await writeFile(file, '[1]');
    expect(() => readTrustedDocuments(file)).toThrow(/a JSON object of documents/);
    // sha256:-prefixed keys (GraphQL over HTTP's documentId form) are accepted.
    await writeFile(file, JSON.stringify({ [`sha256:${documentHash('query A { x }')}`]: 'query A { x }' }));
    expect([...readTrustedDocuments(file).keys()]).toEqual([documentHash('query A { x }')]);
  });
});

describe('TRUSTED_DOCUMENTS settings', () => {
  it('defaults to allow without a manifest, and checks the mode and that only has a manifest', () => {
    expect(loadConfig({}).trustedDocuments).toEqual({ mode: 'allow', manifest: undefined });
    expect(loadConfig({ TRUSTED_DOCUMENTS: 'only', TRUSTED_DOCUMENTS_MANIFEST: 'm.json' }).trustedDocuments).toEqual({ mode: 'only', manifest: 'm.json' });
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'strict' })).toThrow(/TRUSTED_DOCUMENTS must be one of off, allow, only/);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'only' })).toThrow(/TRUSTED_DOCUMENTS=only needs TRUSTED_DOCUMENTS_MANIFEST/);
  });
});
