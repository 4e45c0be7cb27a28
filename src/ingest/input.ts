import { extname } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import type { ArticleInput } from '../extract/extract.js';
import { isCalendarDate } from '../seed/dates.js';
import { InputFileError, readInputFile } from '../seed/files.js';
import { rawArticleId } from '../seed/identity.js';
import { nestingTooDeep } from '../seed/limits.js';
import { printable, shown } from '../seed/printable.js';

/**
 * Reading one raw article for ingestion: a regular `.txt` or `.md` file, UTF-8 text, at most
 * MAX_ARTICLE_BYTES (counted on the bytes read), with optional YAML front matter (title, url, outlet,
 * author, published). Without front matter the first non-empty line is the title. Its id comes from
 * its identity (src/seed/identity.ts: canonical URL, else title + outlet + date), never from the file
 * name or the text. Every problem is an InputError naming the file; the caller skips that file and
 * goes on with the others.
 */

/** 1 MiB: a long news article is 10-50 KB; anything near this is not an article. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${printable(file)}: ${message}`);
    this.name = 'InputError';
  }
}

interface FrontMatter {
  title?: unknown;
  url?: unknown;
  outlet?: unknown;
  author?: unknown;
  published?: unknown;
}

const FRONT_MATTER_FIELDS = new Set(['title', 'url', 'outlet', 'author', 'published']);

export async function readArticle(file: string): Promise<ArticleInput> {
  const ext = extname(file).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(ext)) throw new InputError(file, `not an article file (expected .txt or .md, got ${ext || 'no extension'})`);
  let bytes: Buffer;
  try {
    bytes = await readInputFile(file, MAX_ARTICLE_BYTES);
  } catch (err) {
    throw new InputError(file, err instanceof InputFileError ? err.reason : `cannot read: ${(err as Error).message}`);
  }
  if (bytes.includes(0)) throw new InputError(file, 'binary file (contains NUL bytes), not an article');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, 'not valid UTF-8 text');
  }
  if (raw.trim() === '') throw new InputError(file, 'empty file');
  const control = TEXT_CONTROL.exec(raw);
  if (control) throw new InputError(file, `contains the control character U+${(control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} at character ${control.index}: not article text`);
  return parseArticle(file, raw.replace(/^\uFEFF/, ''));
}

// Control characters no article text holds (tabs, line and page breaks are fine): a terminal escape
// or a stray control byte means the file is not text, or not only text.
const TEXT_CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;
// What a title, outlet or author may not hold (they are printed and indexed): every control character.
const NAME_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Longest title, outlet or author front matter may give (the seed format's limits). */
const MAX_FIELD_CHARS = { title: 1000, url: 2000, outlet: 300, author: 300 } as const;

/** Parses article text already in memory; see readArticle. */
export function parseArticle(file: string, raw: string): ArticleInput {
  let fm: FrontMatter = {};
  let body = raw;
  if (/^---\r?\n/.test(raw)) {
    try {
      // gray-matter finds the block; the `yaml` package parses it (the same YAML the seed files use).
      const parsed = matter(raw, {
        engines: {
          yaml: (s: string) => {
            // The parser recurses per nesting level: refuse a front matter nested absurdly deep first.
            const deep = nestingTooDeep(s);
            if (deep) throw new Error(`nested more than ${deep.depth - 1} levels deep (line ${deep.line})`);
            return (parseYaml(s) ?? {}) as object;
          },
        },
      });
      if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) throw new Error('front matter must be a mapping');
      fm = parsed.data as FrontMatter;
      body = parsed.content.replace(/^\r?\n/, '');
    } catch (err) {
      throw new InputError(file, `broken front matter: ${(err as Error).message.split('\n')[0]}`);
    }
    const unknown = Object.keys(fm).filter((k) => !FRONT_MATTER_FIELDS.has(k));
    if (unknown.length > 0) throw new InputError(file, `broken front matter: unknown field(s) ${unknown.join(', ')} (allowed: ${[...FRONT_MATTER_FIELDS].join(', ')})`);
    for (const k of ['title', 'url', 'outlet', 'author'] as const) {
      const v = fm[k];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw new InputError(file, `broken front matter: ${k} must be text`);
      if (v.length > MAX_FIELD_CHARS[k]) throw new InputError(file, `broken front matter: ${k} is ${v.length} characters; the limit is ${MAX_FIELD_CHARS[k]}`);
      if (NAME_CONTROL.test(v)) throw new InputError(file, `broken front matter: ${k} contains a control character`);
    }
  }
  if (body.trim() === '') throw new InputError(file, 'empty article body');
  let published: string | undefined;
  if (fm.published !== undefined) {
    const v = fm.published instanceof Date ? fm.published.toISOString().slice(0, 10) : String(fm.published);
    if (!isCalendarDate(v)) throw new InputError(file, `broken front matter: published must be a date YYYY-MM-DD that exists, got ${shown(fm.published)}`);
    published = v;
  }
  const title = typeof fm.title === 'string' ? fm.title : (body.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, MAX_FIELD_CHARS.title);
  return {
    id: rawArticleId({
      title,
      ...(typeof fm.url === 'string' ? { url: fm.url } : {}),
      ...(typeof fm.outlet === 'string' ? { outlet: fm.outlet } : {}),
      ...(published ? { published } : {}),
    }),
    text: body,
    title,
    ...(published ? { published } : {}),
    ...(typeof fm.url === 'string' ? { url: fm.url } : {}),
    ...(typeof fm.outlet === 'string' ? { outlet: fm.outlet } : {}),
    ...(typeof fm.author === 'string' ? { author: fm.author } : {}),
  };
}
