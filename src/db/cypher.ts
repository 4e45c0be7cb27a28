import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELATIONS } from '../seed/model.js';
import { QUERY_FILES, QUERY_TEMPLATES, type QueryName, type QueryTemplate } from './query-names.js';

/** Where the product's Cypher files live: `<repo>/cypher`. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** A folder of named Cypher files: the product's (cypher/), or the bench's and the tests' own. */
export interface CypherSource {
  dir: string;
  /** Every file of the folder, without `.cypher`; the registry checks the list both ways. */
  files: readonly string[];
  /** Put before each file's name to make its query's name (`bench.` for bench/cypher/path.cypher). */
  prefix?: string;
  /** Files that are templates (see QUERY_TEMPLATES). */
  templates?: Readonly<Record<string, QueryTemplate>>;
}

/** The product's queries: cypher/, with QUERY_FILES and QUERY_TEMPLATES. */
export const PRODUCT_QUERIES: CypherSource = { dir: CYPHER_DIR, files: QUERY_FILES, templates: QUERY_TEMPLATES };

/**
 * What every query may use as `{{NAME}}`, filled in when the registry loads. The list of
 * relationship types between entities is written once, in the model (RELATIONS), and every
 * traversal that must follow exactly those (paths, neighbourhoods) names it this way.
 */
export const CYPHER_CONSTANTS: Readonly<Record<string, string>> = {
  ENTITY_RELATIONSHIPS: Object.keys(RELATIONS).join('|'),
};

/**
 * Named Cypher queries, read once from their folders.
 *
 * Guarantees at construction: each source's files and its list match both ways (a query the code
 * asks for but nobody wrote, or a file nobody uses any more, fails at startup instead of at the first
 * request that happens to need it); every `{{NAME}}` is filled, from a template's values or from
 * CYPHER_CONSTANTS, and one left unknown fails; no two sources give the same name.
 */
export class CypherRegistry<in N extends string = QueryName> {
  private readonly texts = new Map<string, string>();

  constructor(sources: readonly CypherSource[] = [PRODUCT_QUERIES]) {
    for (const source of sources) this.load(source);
  }

  private load({ dir, files, prefix = '', templates = {} }: CypherSource): void {
    const onDisk = readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => basename(f, '.cypher'));
    const listed = new Set(files);
    const orphans = onDisk.filter((f) => !listed.has(f));
    const missing = files.filter((f) => !onDisk.includes(f));
    if (orphans.length > 0 || missing.length > 0) {
      const parts: string[] = [];
      if (missing.length > 0) parts.push(`missing files for: ${missing.join(', ')}`);
      if (orphans.length > 0) parts.push(`files no code names (add them to the list or delete them): ${orphans.join(', ')}`);
      throw new Error(`${dir} does not match its list of queries: ${parts.join('; ')}`);
    }
    for (const file of files) {
      const text = forTheWire(`${prefix}${file}`, readFileSync(join(dir, `${file}.cypher`), 'utf8'));
      if (text === undefined) throw new Error(`${join(dir, file)}.cypher is empty`);
      const template = templates[file];
      if (template === undefined) {
        this.add(`${prefix}${file}`, fill(text, {}, file));
        continue;
      }
      if (!text.includes(`{{${template.placeholder}}}`)) throw new Error(`${file}.cypher is a template without {{${template.placeholder}}}`);
      for (const value of template.values) {
        const name = `${prefix}${file}-${value}`;
        this.add(name, fill(text.replace(`// ${prefix}${file}\n`, `// ${name}\n`), { [template.placeholder]: String(value) }, file));
      }
    }
  }

  private add(name: string, text: string): void {
    if (this.texts.has(name)) throw new Error(`two Cypher files give the query ${name}`);
    this.texts.set(name, text);
  }

  /** Every query's name (strings, so that a registry of more names still serves as one of fewer). */
  names(): string[] {
    return [...this.texts.keys()];
  }

  /** The text of one query, as sent to Neo4j (see forTheWire). */
  get(name: N): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new Error(`Unknown Cypher query ${JSON.stringify(name)}`);
    return text;
  }

  /** The statements of a multi-statement file (schema setup), split on `;` at the end of a line. */
  statements(name: N): string[] {
    return this.get(name)
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}

/** `text` with each `{{NAME}}` replaced by `values`, else CYPHER_CONSTANTS; an unknown name fails. */
function fill(text: string, values: Readonly<Record<string, string>>, file: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => {
    const value = values[name] ?? CYPHER_CONSTANTS[name];
    if (value === undefined) throw new Error(`${file}.cypher uses {{${name}}}, which is neither a template value nor a constant`);
    return value;
  });
}

/**
 * A query file as sent to Neo4j: a first line naming it (`// people.lists`, so that Neo4j's query
 * log and SHOW TRANSACTIONS say which file a query came from), then its lines without the comment
 * lines, blank lines and indentation, which are for readers. Undefined when nothing is left.
 *
 * The comments are often half the file, and every query's text travels with every run: the driver
 * writes a message in 1400-byte pieces, one socket write each, so a query with its comments could
 * cost two writes per request. Only whole comment lines go; a `//` after code stays, as does every
 * line of code, trimmed (no query has a string literal spanning lines, which trimming would change;
 * a unit test checks).
 */
export function forTheWire(name: string, file: string): string | undefined {
  const code = file
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'));
  return code.length === 0 ? undefined : [`// ${name}`, ...code].join('\n');
}
