/**
 * docs/errors.md against the code: every code the API's responses can carry (API_ERROR_CODES, the
 * list apiError takes its codes from) has a row with each of its HTTP statuses, every DomainError
 * code (ERROR_CODES) is documented, and the doc names no code the code cannot produce.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { API_ERROR_CODES } from '../../src/graphql/error-codes.js';
import { EXPOSED_CODES } from '../../src/graphql/errors.js';

const DOC = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

/** The rows of the table under `## heading`: each row's cells, the header and rule left out. */
function tableUnder(heading: string): string[][] {
  const section = DOC.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (section === undefined) throw new Error(`docs/errors.md has no "## ${heading}" section`);
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.slice(1, -1).split(' | ').map((c) => c.trim()));
  return rows.slice(2);
}

const codeOf = (cell: string): string | undefined => /^`([A-Z][A-Z0-9_]*)`$/.exec(cell)?.[1];

/** The statuses a cell names: "200*" is 200 for application/json clients and 400 for graphql-response+json ones. */
function statusesOf(cell: string): number[] {
  const statuses = [...cell.matchAll(/\b(\d{3})\b/g)].map((m) => Number(m[1]));
  return cell.includes('200*') ? [...statuses, 400] : statuses;
}

describe('docs/errors.md', () => {
  const graphqlRows = tableUnder('GraphQL responses');
  const documented = new Map<string, Set<number>>();
  for (const [code, status] of graphqlRows) {
    const c = codeOf(code ?? '');
    expect(c, `a row without a code: ${code}`).toBeDefined();
    const set = documented.get(c!) ?? new Set<number>();
    for (const s of statusesOf(status ?? '')) set.add(s);
    documented.set(c!, set);
  }

  it('lists every code a GraphQL response can carry, and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(API_ERROR_CODES).sort());
  });

  it('gives each code every HTTP status it comes with, and no other', () => {
    for (const [code, statuses] of Object.entries(API_ERROR_CODES)) {
      expect([...(documented.get(code) ?? [])].sort(), code).toEqual([...new Set<number>(statuses)].sort());
    }
  });

  it('lists every domain error code: the exposed ones as GraphQL codes, all of them for the command line', () => {
    for (const code of EXPOSED_CODES) expect(Object.keys(API_ERROR_CODES), code).toContain(code);
    const cli = tableUnder('Command line')
      .map(([code]) => codeOf(code ?? ''))
      .filter((c): c is string => c !== undefined);
    for (const code of cli) expect(ERROR_CODES as readonly string[], `docs/errors.md names ${code}, which no DomainError has`).toContain(code);
    for (const code of ERROR_CODES) {
      expect(cli.includes(code) || documented.has(code), `${code} is not in docs/errors.md`).toBe(true);
    }
  });
});
