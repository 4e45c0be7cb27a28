/**
 * Rules the request path's source must keep, which no type checker or linter here enforces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
/** The code every GraphQL request runs: the schema's resolvers, the data layer, the db helpers it calls. */
const REQUEST_PATH = ['src/graphql', 'src/data', 'src/db/db.ts', 'src/db/convert.ts', 'src/db/packstream.ts', 'src/db/cypher.ts'];

/**
 * No object literal that starts with a spread and goes on: `{ ...a, b }` or `{ ...a, ...b }`.
 *
 * On Node 20 (V8 11.3) the objects such a literal makes survive the young generation's
 * collections, and everything they point to with them: a loop making `{ ...o, extra: 1 }` promoted
 * 15 MB per 32 MB scavenged and paused 14.8 ms a scavenge, against nothing promoted and 1.5 ms for
 * `{ extra: 1, ...o }`, `{ ...o }` or `Object.assign({}, o, { extra: 1 })` (scratch measurements,
 * README.md, Performance). Our server, whose round-trip extensions were `{ ...result, extensions }`
 * (the whole answer) and whose quotes' speakers were `{ ...speaker, preloaded }`, promoted about 7 KB
 * a request and paused 10-13 ms a scavenge under load; the bare server on the same data, 2-3 ms.
 * Use Object.assign (or `merged` in src/data/params.ts for query parameters), or write the fields
 * out; a literal may end with spreads (`{ ids, ...options }`).
 */
const NO_SPREAD_FIRST = /\{\s*\.\.\.[^,{}]+,/g;

function sources(path: string): string[] {
  if (path.endsWith('.ts')) return [path];
  return readdirSync(join(ROOT, path), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() || e.name.endsWith('.ts') ? sources(join(path, e.name)) : [],
  );
}

/** Code without its comments (which quote the pattern). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('source rules', () => {
  it('finds the pattern it forbids', () => {
    const found = ['{ ...result, extensions }', '{\n  ...filter,\n  ...page }', '{ ...a }', '{ ids, ...a, ...b }'].filter((t) => t.match(NO_SPREAD_FIRST));
    expect(found).toEqual(['{ ...result, extensions }', '{\n  ...filter,\n  ...page }']);
  });

  it('has no object literal starting with a spread on the request path (NO_SPREAD_FIRST)', () => {
    const files = REQUEST_PATH.flatMap(sources);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((file) =>
      (code(readFileSync(join(ROOT, file), 'utf8')).match(NO_SPREAD_FIRST) ?? []).map((m) => `${relative(ROOT, join(ROOT, file))}: ${m}`),
    );
    expect(offenders).toEqual([]);
  });
});
