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
      const text = readFileSync(join(dir, `${name}.cypher`), 'utf8').trim();
      if (text === '') throw new Error(`cypher/${name}.cypher is empty`);
      this.texts.set(name, text);
    }
  }

  /** The text of one query. */
  get(name: QueryName): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new Error(`Unknown Cypher query ${JSON.stringify(name)}`);
    return text;
  }

  /**
   * The statements of a multi-statement file (schema setup), split on `;` at the end of a line.
   * Comment lines (`//`) are dropped.
   */
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
