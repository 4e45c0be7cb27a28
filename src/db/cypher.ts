import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUERY_NAMES, type QueryName } from './query-names.js';

/** Where the named Cypher files live: `<repo>/cypher`. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/**
 * Every Cypher query of the project, read once from `cypher/<name>.cypher`.
 *
 * Guarantees at construction: each name in QUERY_NAMES has a file, and each file is named in
 * QUERY_NAMES. A query the code asks for but nobody wrote, or a file nobody uses any more, fails at
 * startup instead of at the first request that happens to need it.
 */
export class CypherRegistry {
  private readonly texts = new Map<QueryName, string>();

  constructor(dir: string = CYPHER_DIR) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
    const known = new Set<string>(QUERY_NAMES);
    const orphans = files.map((f) => basename(f, '.cypher')).filter((n) => !known.has(n));
    const onDisk = new Set(files.map((f) => basename(f, '.cypher')));
    const missing = QUERY_NAMES.filter((n) => !onDisk.has(n));
    if (orphans.length > 0 || missing.length > 0) {
      const parts: string[] = [];
      if (missing.length > 0) parts.push(`missing files for: ${missing.join(', ')}`);
      if (orphans.length > 0) parts.push(`files no code names (add to src/db/query-names.ts or delete): ${orphans.join(', ')}`);
      throw new Error(`cypher/ does not match src/db/query-names.ts: ${parts.join('; ')} (in ${dir})`);
    }
    for (const name of QUERY_NAMES) {
      const text = forTheWire(name, readFileSync(join(dir, `${name}.cypher`), 'utf8'));
      if (text === undefined) throw new Error(`cypher/${name}.cypher is empty`);
      this.texts.set(name, text);
    }
  }

  /** The text of one query, as sent to Neo4j (see forTheWire). */
  get(name: QueryName): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new Error(`Unknown Cypher query ${JSON.stringify(name)}`);
    return text;
  }

  /** The statements of a multi-statement file (schema setup), split on `;` at the end of a line. */
  statements(name: QueryName): string[] {
    return this.get(name)
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}

/**
 * A query file as sent to Neo4j: a first line naming it (`// people.lists`, so that Neo4j's query
 * log and SHOW TRANSACTIONS say which file a query came from), then its lines without the comment
 * lines, blank lines and indentation, which are for readers. Undefined when nothing is left.
 *
 * The comments are often half the file, and every query's text travels with every run: the driver
 * writes a message in 1400-byte pieces, one socket write each, so a query with its comments could
 * cost two writes per request. Only
 * whole comment lines go; a `//` after code stays, as does every line of code, trimmed (no query
 * has a string literal spanning lines, which trimming would change; a unit test checks).
 */
export function forTheWire(name: string, file: string): string | undefined {
  const code = file
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'));
  return code.length === 0 ? undefined : [`// ${name}`, ...code].join('\n');
}
