/**
 * The Cypher registry (src/db/cypher.ts): every query file is found, and each is sent without the
 * comment lines written for readers, headed by its name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, CypherRegistry, forTheWire } from '../../src/db/cypher.js';
import { QUERY_NAMES } from '../../src/db/query-names.js';

describe('forTheWire', () => {
  it('keeps the code lines without their indentation, drops comment and blank lines, and names the query first', () => {
    const file = [
      '// Summits each person ATTENDED.',
      '   // an indented comment',
      'UNWIND $ids AS id',
      '',
      "MATCH (p:Person {id: id}) WHERE p.url <> 'http://example.org' // a note after code stays   ",
      '  RETURN id',
      '',
    ].join('\n');
    expect(forTheWire('people.x', file)).toBe(
      ['// people.x', 'UNWIND $ids AS id', "MATCH (p:Person {id: id}) WHERE p.url <> 'http://example.org' // a note after code stays", 'RETURN id'].join('\n'),
    );
  });

  it('is undefined for a file of comments only', () => {
    expect(forTheWire('x', '// nothing\n\n  // here\n')).toBeUndefined();
  });
});

describe('CypherRegistry', () => {
  const registry = new CypherRegistry();

  it('holds every named query, each with the same code lines as its file, trimmed', () => {
    for (const name of QUERY_NAMES) {
      const text = registry.get(name);
      const [head, ...code] = text.split('\n');
      expect(head).toBe(`// ${name}`);
      const file = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
      const fileCode = file.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('//'));
      expect(code, name).toEqual(fileCode);
      expect(code.some((l) => l.trimStart().startsWith('//')), name).toBe(false);
    }
  });

  it('sends the API\'s read queries in one write of the driver (1400 bytes) with room for parameters', () => {
    // Not a rule of the language: a measured cost (see forTheWire). The seed loader's writes and the
    // timeline are long, and rare. 1200 leaves 200 bytes for the RUN message's parameters and
    // metadata: about twice what the longest, quotes.list, sends (seven short parameters, ~100 bytes).
    const long = QUERY_NAMES.filter((n) => !n.startsWith('seed.') && !n.startsWith('schema.') && n !== 'graph.timeline' && Buffer.byteLength(registry.get(n)) > 1200);
    expect(long).toEqual([]);
  });

  it('has no string literal spanning lines, which trimming the lines would change', () => {
    for (const name of QUERY_NAMES) {
      const code = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('//'));
      for (const line of code) {
        const quotes = (line.replace(/\/\/.*$/, '').match(/['"`]/g) ?? []).length;
        expect(quotes % 2, `${name}: ${line}`).toBe(0);
      }
    }
  });

  it('splits the schema setup into its statements', () => {
    const statements = registry.statements('schema.setup');
    expect(statements.length).toBeGreaterThan(3);
    for (const s of statements) {
      expect(s).not.toMatch(/;\s*$/);
      expect(s).not.toMatch(/^\s*\/\//m);
    }
  });
});
