/**
 * Limits a seed file's text and values are held to before the YAML parser, the JSON Schema or Neo4j
 * see them, each check linear in the input:
 * - `nestingTooDeep` scans the raw text: the YAML parser recurses once per nesting level, and a
 *   file of a million `[` takes it seconds and a gigabyte (four million exhaust the heap);
 * - `checkValues` walks the parsed values once: a recursive alias (a value containing itself), a
 *   nesting or an expanded size beyond any seed file's, lone surrogates (Neo4j's driver would store
 *   U+FFFD instead, silently), and control characters (NUL or a terminal escape in a name).
 * String lengths and list sizes are in the JSON Schema (`maxLength`, `maxItems`), where editors see
 * them too; they keep every id and indexed value far below Neo4j's index key limit (about 8 KB).
 */

/** Deepest flow (`[`, `{`) or block nesting a seed file may have; the format itself needs 4. */
export const MAX_NESTING = 32;
/** Most values (after expanding YAML aliases) one seed file may hold. */
export const MAX_VALUES = 2_000_000;
/** Problems reported per file by checkValues before it stops looking. */
const MAX_STRING_PROBLEMS = 20;

/**
 * The line (1-based) where `text` first nests deeper than `max` levels, counting flow brackets
 * outside quoted scalars and comments, and block nesting by indentation and `- ` runs; undefined
 * when it never does. Conservative on purpose: brackets inside a block scalar count too.
 */
export function nestingTooDeep(text: string, max = MAX_NESTING): { line: number; depth: number } | undefined {
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  let dashes = 0;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') {
      line++;
      atLineStart = true;
      indent = 0;
      dashes = 0;
      prev = ch;
      continue;
    }
    if (atLineStart) {
      if (ch === ' ') {
        // Block nesting: two spaces of indentation per level is the least YAML writers use.
        if (++indent / 2 > max) return { line, depth: Math.ceil(indent / 2) };
        prev = ch;
        continue;
      }
      if (ch === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        // `- - - x`: a sequence in a sequence per dash.
        if (++dashes + indent / 2 > max) return { line, depth: dashes + Math.ceil(indent / 2) };
        prev = ch;
        continue;
      }
      atLineStart = false;
    }
    if (ch === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    // A quote opens a quoted scalar only where a scalar starts (after an indicator or a space).
    if ((ch === '"' || ch === "'") && /[\s:,[{?-]/.test(prev)) {
      for (i++; i < text.length; i++) {
        const c = text[i] as string;
        if (c === '\n') line++;
        if (ch === '"' && c === '\\') i++;
        else if (c === ch) {
          if (ch === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
      prev = ch;
      continue;
    }
    if (ch === '[' || ch === '{') {
      if (++depth > max) return { line, depth };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    prev = ch;
  }
  return undefined;
}

/** A problem with one value, at its field path. */
export interface ValueProblem {
  path: (string | number)[];
  message: string;
}

/** Fields holding running text, where tabs and line breaks are allowed. */
const TEXT_FIELDS = new Set(['text', 'description', 'outcome', 'source', 'evidence']);

// C0 controls but tab, newline and carriage return; DEL; C1 controls.
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Every control character, and bidirectional overrides and isolates, which can make a name read as
// another.
const NAME_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hex(ch: string): string {
  return `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Walks `data` once and returns its problems. Stops at the first structural one (a value that
 * contains itself, nesting deeper than MAX_NESTING, more than MAX_VALUES values); the JSON Schema
 * must not see such data. String problems are collected (up to a bound) and do not stop the walk.
 */
export function checkValues(data: unknown): { problems: ValueProblem[]; fatal: boolean } {
  const problems: ValueProblem[] = [];
  let values = 0;
  let fatal = false;
  const onPath = new Set<object>();
  const path: (string | number)[] = [];
  let field = '';

  const visit = (value: unknown): void => {
    if (fatal) return;
    if (++values > MAX_VALUES) {
      problems.push({ path: [], message: `the file holds more than ${MAX_VALUES} values (after expanding YAML aliases); split it` });
      fatal = true;
      return;
    }
    if (typeof value === 'string') {
      if (problems.length >= MAX_STRING_PROBLEMS) return;
      const lone = LONE_SURROGATE.exec(value);
      if (lone) {
        problems.push({ path: [...path], message: `is not valid Unicode: a lone surrogate (${hex(lone[0])}) at character ${lone.index}` });
        return;
      }
      const control = (TEXT_FIELDS.has(field) ? TEXT_CONTROL : NAME_CONTROL).exec(value);
      if (control) {
        const what = TEXT_FIELDS.has(field) ? 'text may hold tabs and line breaks, no other control characters' : 'names, ids and other short fields must be printable text';
        problems.push({ path: [...path], message: `contains the control character ${hex(control[0])} at character ${control.index}; ${what}` });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (onPath.has(value)) {
      problems.push({ path: [...path], message: 'a YAML alias here refers to a value that contains it (a recursive alias)' });
      fatal = true;
      return;
    }
    if (path.length >= MAX_NESTING) {
      problems.push({ path: [...path], message: `values nest more than ${MAX_NESTING} levels deep` });
      fatal = true;
      return;
    }
    onPath.add(value);
    const outer = field;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && !fatal; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        if (fatal) break;
        path.push(key);
        // Inside `evidence: {text, at}` the text is the evidence's.
        field = key === 'text' && outer === 'evidence' ? 'evidence' : key;
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
    field = outer;
    onPath.delete(value);
  };
  visit(data);
  return { problems, fatal };
}
