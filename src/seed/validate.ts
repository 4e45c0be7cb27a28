import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { DomainError } from '../errors.js';
import { EvidenceIndex } from './evidence.js';
import { InputFileError, readInputFile, readInputFileSync } from './files.js';
import { checkClaims, type GraphClaims } from './claims.js';
import { checkValues, MAX_NESTING, nestingTooDeep } from './limits.js';
import { printable, shown } from './printable.js';
import { checkReferenceFacts, type ReferenceFactsLookup } from './reference-checks.js';
import {
  KINDS,
  RELATIONS,
  kindOfId,
  type EntityKind,
  type SeedDocument,
  type SeedEntity,
  type SeedEvidence,
  type SeedRelation,
} from './model.js';

/** One problem in one seed file, located as precisely as the file allows. */
export interface SeedIssue {
  file: string;
  /** Field path, e.g. `entities[3].isoCode`; empty for the whole file. */
  path: string;
  /** 1-based line and column, when the problem sits at a place in the file. */
  line?: number;
  column?: number;
  message: string;
}

/**
 * Formats an issue the way compilers do: `file:line:col: path: message`, on one line whatever the
 * file name or message holds (control characters are printed as escapes, see printable.ts).
 */
export function formatIssue(i: SeedIssue): string {
  const file = printable(i.file);
  const where = i.line !== undefined ? `${file}:${i.line}:${i.column ?? 1}` : file;
  return `${where}: ${i.path === '' ? '' : `${printable(i.path)}: `}${printable(i.message)}`;
}

/** Thrown when any file of a load is invalid; carries every issue found, in file order. */
export class SeedValidationError extends DomainError {
  constructor(readonly issues: SeedIssue[]) {
    super('INVALID_SEED', `Invalid seed (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'SeedValidationError';
  }
}

/** A seed file that parsed and matched the JSON Schema. */
export interface ParsedSeedFile {
  file: string;
  doc: SeedDocument;
  /** The article text when `article.textFile` is given and readable. */
  evidence?: EvidenceIndex;
  /** Locates a field path in the source; see issueAt. */
  locate: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

/** Maximum size of one seed file, counted on the bytes read; larger ones are rejected before parsing. */
export const MAX_SEED_FILE_BYTES = 20 * 1024 * 1024;

/** Maximum size of an article text (`article.textFile`): the raw articles' limit. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** Schema problems reported per file; a file with more gets one line saying how many more. */
const MAX_ISSUES_PER_FILE = 50;

/** The fewest characters (whitespace folded) and words a quote's text needs to be evidence. */
export const MIN_QUOTE_CHARS = 8;
export const MIN_QUOTE_WORDS = 2;

/** Control characters a YAML or JSON file may not hold raw (tab, LF and CR are allowed). */
const FILE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What YAML may expand aliases to, relative to the document (the `yaml` package's own measure). */
const MAX_ALIAS_COUNT = 1000;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(new URL('./seed.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

/** `entities[3].isoCode` from ['entities', 3, 'isoCode']. */
export function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Reads and parses one file (YAML or JSON: JSON is parsed as YAML 1.2, which it is a subset of, so
 * both get line numbers) and checks it against the JSON Schema. Returns the parsed file, or the
 * issues that make it unusable.
 */
export async function parseSeedFile(file: string): Promise<{ parsed?: ParsedSeedFile; issues: SeedIssue[] }> {
  const issues: SeedIssue[] = [];
  const format = file.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML';
  let content: string;
  try {
    const bytes = await readInputFile(file, MAX_SEED_FILE_BYTES);
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    const message = err instanceof InputFileError ? err.reason : err instanceof TypeError ? 'file is not valid UTF-8 text' : `cannot read file: ${(err as Error).message}`;
    return { issues: [{ file, path: '', message }] };
  }
  // YAML and JSON text holds no control characters but tab and line breaks (YAML 1.2's printable
  // set), not even in comments: a NUL or an escape byte means the file is binary or damaged.
  const control = FILE_CONTROL.exec(content);
  if (control) {
    const before = content.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - before.lastIndexOf('\n');
    const code = (control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    return { issues: [{ file, path: '', line, column, message: `not ${format} text: contains the control character U+${code} (write it as an escape inside a quoted string if it is meant)` }] };
  }
  const deep = nestingTooDeep(content);
  if (deep) {
    return { issues: [{ file, path: '', line: deep.line, column: 1, message: `malformed ${format}: nested more than ${MAX_NESTING} levels deep` }] };
  }

  const lineCounter = new LineCounter();
  let yamlDoc: Document;
  try {
    yamlDoc = parseDocument(content, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    return { issues: [{ file, path: '', message: `malformed ${format}: ${(err as Error).message.split('\n')[0]}` }] };
  }
  for (const e of yamlDoc.errors.slice(0, MAX_ISSUES_PER_FILE)) {
    const pos = lineCounter.linePos(e.pos[0]);
    issues.push({ file, path: '', line: pos.line, column: pos.col, message: `malformed ${format}: ${e.message.split('\n')[0]}` });
  }
  if (issues.length > 0) return { issues };

  const locate = locatorFor(yamlDoc, lineCounter);
  const keyPosition = (path: (string | number)[], key: string): { line: number; column: number } | undefined => {
    const parent = yamlDoc.getIn(path, true) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
    const pair = parent?.items?.find((it) => it.key?.value === key);
    if (pair?.key?.range) {
      const pos = lineCounter.linePos(pair.key.range[0]);
      return { line: pos.line, column: pos.col };
    }
    return locate(path);
  };

  let data: unknown;
  try {
    data = yamlDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // An unresolved alias, or aliases that expand far beyond the document (an "alias bomb").
    const message = (err as Error).message;
    const why = /excessive alias count/i.test(message)
      ? `its aliases expand to far more values than the file holds (more than ${MAX_ALIAS_COUNT} times): refused as a resource exhaustion attack`
      : message.split('\n')[0];
    return { issues: [{ file, path: '', message: `malformed ${format}: ${why}` }] };
  }
  if (data === null || data === undefined) {
    return { issues: [{ file, path: '', message: 'file is empty' }] };
  }
  const values = checkValues(data);
  for (const p of values.problems) issues.push({ file, path: pathText(p.path), ...locate(p.path), message: p.message });
  // A recursive or oversized structure must not reach the schema; a bad string need not stop it.
  if (values.fatal) return { issues };

  if (!validateSchema(data)) {
    const errors = dedupeAjvErrors(validateSchema.errors ?? []);
    for (const err of errors.slice(0, MAX_ISSUES_PER_FILE)) {
      const path = instancePath(err.instancePath);
      let message = err.message ?? 'invalid';
      let at = locate(path);
      let shownPath = path;
      if (err.keyword === 'required') {
        const missing = (err.params as { missingProperty: string }).missingProperty;
        message = `missing required field '${missing}'`;
        shownPath = [...path, missing];
      } else if (err.keyword === 'additionalProperties') {
        const extra = (err.params as { additionalProperty: string }).additionalProperty;
        message = `unknown field '${extra}'`;
        at = keyPosition(path, extra);
        shownPath = [...path, extra];
      } else if (err.keyword === 'enum') {
        const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
        message = `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; got ${shown(valueAt(data, path))}`;
      } else if (err.keyword === 'const') {
        message = `must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}; got ${shown(valueAt(data, path))}`;
      } else if (err.keyword === 'type' || err.keyword === 'pattern' || err.keyword === 'format' || err.keyword === 'maxLength' || err.keyword === 'minLength') {
        if (err.keyword === 'format' && (err.params as { format?: string }).format === 'date') message = 'must be a calendar date YYYY-MM-DD that exists';
        message = `${message}; got ${shown(valueAt(data, path))}`;
      } else if (err.keyword === 'maxItems') {
        const value = valueAt(data, path);
        message = `${message}; got ${Array.isArray(value) ? value.length : '?'}`;
      }
      issues.push({ file, path: pathText(shownPath), ...at, message });
    }
    if (errors.length > MAX_ISSUES_PER_FILE) issues.push({ file, path: '', message: `... and ${errors.length - MAX_ISSUES_PER_FILE} more problems in this file` });
    return { issues };
  }

  if (issues.length > 0) return { issues };
  const doc = data as SeedDocument;
  if (doc.id !== undefined && doc.article !== undefined) {
    return { issues: [{ file, path: 'id', ...keyPosition([], 'id'), message: `a file with an article is sourced to its article id (${doc.article.id}); 'id' is for files without one` }] };
  }
  // The syntax tree is many times the file's size; a load holds every parsed file until it has
  // checked them all, so the parsed file keeps a locator that parses the file again only if a
  // cross-file check reports a problem in it.
  const parsed: ParsedSeedFile = { file, doc, locate: reparsingLocator(file) };
  const textFile = doc.article?.textFile;
  if (textFile !== undefined) {
    const textPath = resolve(dirname(file), textFile);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await readInputFile(textPath, MAX_TEXT_FILE_BYTES));
      if (text.includes('\u0000')) throw new InputFileError(textPath, 'is binary (contains NUL bytes), not an article text');
      parsed.evidence = new EvidenceIndex(text);
    } catch (err) {
      const why = err instanceof TypeError ? 'is not valid UTF-8 text' : err instanceof InputFileError ? `cannot be used: ${err.reason}` : `cannot be read (${(err as Error).message})`;
      issues.push({ file, path: 'article.textFile', ...locate(['article', 'textFile']), message: `article text ${textPath} ${why}` });
      return { issues };
    }
  }
  return { parsed, issues };
}

type Locator = ParsedSeedFile['locate'];

/** Line and column of the deepest node of `path` that exists in the document. */
function locatorFor(yamlDoc: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = yamlDoc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

/** A locator that reads and parses `file` again on first use (the file was valid moments ago). */
function reparsingLocator(file: string): Locator {
  let locate: Locator | undefined;
  return (path) => {
    if (locate === undefined) {
      try {
        const lineCounter = new LineCounter();
        const text = readInputFileSync(file, MAX_SEED_FILE_BYTES).toString('utf8');
        locate = locatorFor(parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }), lineCounter);
      } catch {
        return undefined;
      }
    }
    return locate(path);
  };
}

function instancePath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const p of path) cur = (cur as Record<string | number, unknown> | undefined)?.[p];
  return cur;
}

/** Ajv reports a `type` error on ["string","null"] unions and friends more than once; keep one per place and keyword. */
function dedupeAjvErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Entity ids already in the graph, with their kinds; asked only for references no file defines. */
export type ExistingLookup = (ids: string[]) => Promise<Map<string, EntityKind>>;

interface Reference {
  file: ParsedSeedFile;
  path: (string | number)[];
  id: string;
  kinds: readonly EntityKind[];
}

/**
 * Checks the meaning of a set of parsed files together: ids match their kinds, ids are unique in a
 * file, every reference resolves (to a file of this load or, through `lookupExisting`, to the graph)
 * and to the right kind, relations join the kinds their type allows, and every piece of evidence and
 * every quote occurs in its article. Returns every issue found; an empty list means the set is
 * safe to write.
 */
export async function checkSeedSet(files: ParsedSeedFile[], lookupExisting?: ExistingLookup, lookupFacts?: ReferenceFactsLookup, graph?: GraphClaims): Promise<SeedIssue[]> {
  const issues: SeedIssue[] = await checkClaims(files, graph);
  const defined = new Map<string, EntityKind>();
  const refs: Reference[] = [];
  const issue = (f: ParsedSeedFile, path: (string | number)[], message: string): void => {
    issues.push({ file: f.file, path: pathText(path), ...f.locate(path), message });
  };

  for (const f of files) {
    const { doc } = f;
    const seen = new Map<string, number>();
    (doc.entities ?? []).forEach((e, i) => {
      const at = ['entities', i];
      checkEntity(e, (sub, msg) => issue(f, [...at, ...sub], msg));
      const first = seen.get(e.id);
      if (first !== undefined) issue(f, [...at, 'id'], `duplicate id ${e.id} (first defined at entities[${first}])`);
      else seen.set(e.id, i);
      defined.set(e.id, e.kind);
      if (e.evidence !== undefined) checkEvidence(f, [...at, 'evidence'], e.evidence, issue);
    });

    const relKeys = new Map<string, number>();
    (doc.relations ?? []).forEach((r, i) => {
      const at = ['relations', i];
      const spec = RELATIONS[r.type];
      refs.push({ file: f, path: [...at, 'from'], id: r.from, kinds: spec.from });
      refs.push({ file: f, path: [...at, 'to'], id: r.to, kinds: spec.to });
      if (typeof r.place === 'string') refs.push({ file: f, path: [...at, 'place'], id: r.place, kinds: ['PLACE'] });
      if (typeof r.summit === 'string') refs.push({ file: f, path: [...at, 'summit'], id: r.summit, kinds: ['SUMMIT'] });
      for (const field of Object.keys(r)) {
        if (!['type', 'from', 'to', 'evidence', 'method', 'confidence', ...spec.fields].includes(field)) {
          issue(f, [...at, field], `field '${field}' does not apply to ${r.type} (allowed: ${spec.fields.join(', ') || 'none'})`);
        }
      }
      if (r.from === r.to) issue(f, [...at, 'to'], `a ${r.type} relation cannot join ${r.from} to itself`);
      const key = `${r.type}|${r.from}|${r.to}|${relationKey(r)}`;
      const first = relKeys.get(key);
      if (first !== undefined) issue(f, at, `duplicate relation ${r.from} -[${r.type}]-> ${r.to} (first at relations[${first}])`);
      else relKeys.set(key, i);
      if (r.evidence !== undefined) checkEvidence(f, [...at, 'evidence'], r.evidence, issue);
      if (typeof r.since === 'string' && typeof r.until === 'string' && r.until < r.since) {
        issue(f, [...at, 'until'], `until ${r.until} is before since ${r.since}`);
      }
      if (typeof r.joined === 'number' && typeof r.left === 'number' && r.left < r.joined) {
        issue(f, [...at, 'left'], `left ${r.left} is before joined ${r.joined}`);
      }
    });

    const quoteIds = new Map<string, number>();
    (doc.quotes ?? []).forEach((q, i) => {
      const at = ['quotes', i];
      refs.push({ file: f, path: [...at, 'speaker'], id: q.speaker, kinds: ['PERSON'] });
      (q.about ?? []).forEach((id, j) => refs.push({ file: f, path: [...at, 'about', j], id, kinds: Object.keys(KINDS) as EntityKind[] }));
      const first = quoteIds.get(q.id);
      if (first !== undefined) issue(f, [...at, 'id'], `duplicate id ${q.id} (first defined at quotes[${first}])`);
      else quoteIds.set(q.id, i);
      checkUnique(q.about ?? [], (j, k) => issue(f, [...at, 'about', j], `repeats about[${k}] ${shown(q.about?.[k])}`));
      const folded = q.text.replace(/\s+/g, ' ').trim();
      if (doc.article === undefined) issue(f, at, 'a quote needs the file to have an article');
      else if (folded.length < MIN_QUOTE_CHARS || folded.split(' ').length < MIN_QUOTE_WORDS) {
        issue(f, [...at, 'text'], `too short to be evidence of a quote (at least ${MIN_QUOTE_WORDS} words and ${MIN_QUOTE_CHARS} characters); got ${shown(q.text)}`);
      } else {
        checkEvidence(f, [...at, 'text'], q.text, issue);
        if (q.evidence !== undefined) checkEvidence(f, [...at, 'evidence'], q.evidence, issue);
      }
    });

    const a = doc.article;
    if (a !== undefined) {
      if (a.outlet !== undefined) refs.push({ file: f, path: ['article', 'outlet'], id: a.outlet, kinds: ['ORGANIZATION'] });
      (a.authors ?? []).forEach((id, j) => refs.push({ file: f, path: ['article', 'authors', j], id, kinds: ['PERSON'] }));
    }
  }

  const unresolved = [...new Set(refs.map((r) => r.id).filter((id) => !defined.has(id)))];
  const existing = unresolved.length > 0 && lookupExisting ? await lookupExisting(unresolved) : new Map<string, EntityKind>();
  for (const r of refs) {
    const kind = defined.get(r.id) ?? existing.get(r.id);
    if (kind === undefined) {
      issue(r.file, r.path, `dangling reference: ${r.id} is not defined in any file of this load, nor in the graph`);
    } else if (!r.kinds.includes(kind)) {
      issue(r.file, r.path, `${r.id} is a ${kind}; this field takes ${r.kinds.join(' or ')}`);
    }
  }
  // The reference dataset's facts (terms in office, venues in the host country): reference-checks.ts.
  if (issues.length === 0) issues.push(...(await checkReferenceFacts(files, lookupFacts)));
  return issues;
}

/**
 * What tells apart several relationships of one type between the same two entities: for offices
 * (LEADS, AFFILIATED_WITH) the title and start date, so a second term is a second relationship;
 * '' for every other type, which holds at most one relationship per pair.
 */
export function relationKey(r: SeedRelation): string {
  if (r.type === 'LEADS' || r.type === 'AFFILIATED_WITH') return `${String(r.title ?? '')}|${String(r.since ?? '')}`;
  // Two leaders meet many times (a state visit, then the sidelines of a G20): each dated meeting is its own.
  if (r.type === 'MET') return String(r.date ?? '');
  return '';
}

function checkEntity(e: SeedEntity, report: (path: (string | number)[], message: string) => void): void {
  const spec = KINDS[e.kind];
  const idKind = kindOfId(e.id);
  if (idKind !== e.kind) {
    report(['id'], `id ${e.id} does not fit kind ${e.kind}: ${e.kind} ids start with '${spec.prefix}:'`);
  }
  for (const [otherKind, other] of Object.entries(KINDS)) {
    if (otherKind === e.kind) continue;
    for (const field of other.fields) {
      if (field in e && !spec.fields.includes(field)) {
        report([field], `field '${field}' applies to ${otherKind}, not ${e.kind}`);
      }
    }
  }
  if (e.kind === 'COUNTRY') {
    const code = e.id.slice('country:'.length);
    if (e.isoCode === undefined) report([], `a COUNTRY needs isoCode (the ISO 3166-1 alpha-3 code, here ${code})`);
    else if (e.isoCode !== code) report(['isoCode'], `isoCode ${String(e.isoCode)} differs from the id's code ${code}`);
  }
  if (typeof e.startYear === 'number' && typeof e.endYear === 'number' && e.endYear < e.startYear) {
    report(['endYear'], `endYear ${e.endYear} is before startYear ${e.startYear}`);
  }
  if (typeof e.date === 'string' && typeof e.endDate === 'string' && e.endDate < e.date) {
    report(['endDate'], `endDate ${e.endDate} is before date ${e.date}`);
  }
  if ((e.aliases ?? []).includes(e.name)) report(['aliases'], `aliases repeat the name ${shown(e.name)}`);
  checkUnique(e.aliases ?? [], (i, first) => report(['aliases', i], `repeats aliases[${first}] ${shown(e.aliases?.[first])}`));
  checkUnique(e.labels ?? [], (i, first) => report(['labels', i], `repeats labels[${first}] ${shown(e.labels?.[first])}`));
}

/** Calls `report(i, first)` for every item equal to an earlier one: one pass, a Set (never pairwise). */
function checkUnique(items: readonly string[], report: (index: number, first: number) => void): void {
  const firstAt = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstAt.get(item);
    if (first === undefined) firstAt.set(item, i);
    else report(i, first);
  });
}

function checkEvidence(
  f: ParsedSeedFile,
  path: (string | number)[],
  snippet: SeedEvidence,
  issue: (f: ParsedSeedFile, path: (string | number)[], message: string) => void,
): void {
  if (f.evidence === undefined) {
    issue(f, path, f.doc.article === undefined ? 'evidence needs the file to have an article' : 'evidence needs article.textFile (the article text)');
    return;
  }
  if (f.evidence.locate(snippet) === undefined) {
    const text = typeof snippet === 'string' ? snippet : snippet.text;
    issue(f, path, `text not found in the article${typeof snippet === 'string' ? '' : ` at or after offset ${snippet.at}`}: ${shown(text)}`);
  }
}
