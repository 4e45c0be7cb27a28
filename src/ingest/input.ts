import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import type { ArticleInput } from '../extract/extract.js';

/**
 * Reading one raw article for ingestion: `.txt` or `.md`, UTF-8, at most MAX_ARTICLE_BYTES, with
 * optional YAML front matter (title, url, outlet, author, published). Without front matter the first
 * non-empty line is the title. Every problem is an InputError naming the file; the caller skips that
 * file and goes on with the others.
 */

/** 1 MiB: a long news article is 10-50 KB; anything near this is not an article. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
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
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new InputError(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > MAX_ARTICLE_BYTES) throw new InputError(file, `file is ${size} bytes; the limit is ${MAX_ARTICLE_BYTES} (1 MiB)`);
  const bytes = await readFile(file);
  if (bytes.includes(0)) throw new InputError(file, 'binary file (contains NUL bytes), not an article');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, 'not valid UTF-8 text');
  }
  if (raw.trim() === '') throw new InputError(file, 'empty file');
  return parseArticle(file, raw.replace(/^\uFEFF/, ''));
}

/** Parses article text already in memory; see readArticle. */
export function parseArticle(file: string, raw: string): ArticleInput {
  let fm: FrontMatter = {};
  let body = raw;
  if (/^---\r?\n/.test(raw)) {
    try {
      // gray-matter finds the block; the `yaml` package parses it (the same YAML the seed files use).
      const parsed = matter(raw, { engines: { yaml: (s: string) => (parseYaml(s) ?? {}) as object } });
      if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) throw new Error('front matter must be a mapping');
      fm = parsed.data as FrontMatter;
      body = parsed.content.replace(/^\r?\n/, '');
    } catch (err) {
      throw new InputError(file, `broken front matter: ${(err as Error).message.split('\n')[0]}`);
    }
    const unknown = Object.keys(fm).filter((k) => !FRONT_MATTER_FIELDS.has(k));
    if (unknown.length > 0) throw new InputError(file, `broken front matter: unknown field(s) ${unknown.join(', ')} (allowed: ${[...FRONT_MATTER_FIELDS].join(', ')})`);
    for (const k of ['title', 'url', 'outlet', 'author'] as const) {
      if (fm[k] !== undefined && typeof fm[k] !== 'string') throw new InputError(file, `broken front matter: ${k} must be text`);
    }
  }
  if (body.trim() === '') throw new InputError(file, 'empty article body');
  let published: string | undefined;
  if (fm.published !== undefined) {
    const v = fm.published instanceof Date ? fm.published.toISOString().slice(0, 10) : String(fm.published);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InputError(file, `broken front matter: published must be a date YYYY-MM-DD, got ${JSON.stringify(fm.published)}`);
    published = v;
  }
  const title = typeof fm.title === 'string' ? fm.title : (body.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  return {
    id: articleId(file, fm, body),
    text: body,
    title,
    ...(published ? { published } : {}),
    ...(typeof fm.url === 'string' ? { url: fm.url } : {}),
    ...(typeof fm.outlet === 'string' ? { outlet: fm.outlet } : {}),
    ...(typeof fm.author === 'string' ? { author: fm.author } : {}),
  };
}

/**
 * A stable article id: the hash in a corpus file name (`000_15fc837faf60e174.txt`), else the first 16
 * hex digits of SHA-256 over the URL (the same story fetched twice), else over the text.
 */
function articleId(file: string, fm: FrontMatter, body: string): string {
  const m = /^\d+_([0-9a-f]{16})$/.exec(basename(file, extname(file)));
  if (m) return `article:${m[1]}`;
  const basis = typeof fm.url === 'string' ? fm.url : body.replace(/\s+/g, ' ').trim();
  return `article:${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
}
