import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { SeedDocument } from './model.js';

/**
 * Who states what. Every seed file is a *source*: the facts it states carry its source id, and
 * loading it again replaces everything that source said before (src/seed/replace.ts).
 * - A file with an `article` has the article's id as its source id.
 * - A file without one (reference.yaml, the gazetteers) has its top-level `id` (`ref:<slug>`), by
 *   default `ref:` and its file name without the extension (`seed/gazetteer/leaders.yaml` ->
 *   `ref:leaders`). Two files of a load with the same source id are an error naming both.
 *
 * Articles also have an identity beyond their id, so that the same story reaching us twice is
 * recognised: its canonical URL (normalized), else its title + outlet + date. Raw articles take their
 * id from it (`rawArticleId`); reviewed seed files keep the id a reviewer gave, and their identity
 * keys are stored beside it (`urlKey`, `titleKey`, `outletKey`) for the ingest to match against.
 */

export const REF_PREFIX = 'ref:';

/** `ref:` + the file name without its extension, made to fit the id pattern. */
export function defaultRefId(file: string): string {
  const slug = basename(file, extname(file)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return `${REF_PREFIX}${slug === '' ? 'file' : slug}`;
}

/** A seed file's source id: its article's id, else its `id`, else defaultRefId(file). */
export function sourceIdOf(file: string, doc: SeedDocument): string {
  return doc.article?.id ?? doc.id ?? defaultRefId(file);
}

/** Query parameters that track a reader, never name a different page. */
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|cmpid|ocid|smid|taid|ito|at_medium|at_campaign|ref|ref_src|src)$/i;

/**
 * The canonical form of an article URL: https (http is the same page), host lowercased without
 * `www.`, default port, fragment and tracking parameters dropped, the other parameters sorted, no
 * trailing slash. Undefined when `url` is not an absolute http(s) URL.
 */
export function normalizeUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  const port = u.port === '' || u.port === '80' || u.port === '443' ? '' : `:${u.port}`;
  return `https://${host}${port}${path}${query}`;
}

/** A title compared as readers would: case, accents' composition, punctuation and spacing ignored. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** An outlet name or org id as a slug (`Radio Free Asia`, `org:radio-free-asia` -> `radio-free-asia`). */
export function outletSlug(outlet: string): string {
  return outlet
    .replace(/^org:/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function hash16(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** What identifies an article, as stored on its node (fixed-length hashes: cheap to index). */
export interface ArticleKeys {
  /** Hash of the normalized URL, when the article has a usable one. */
  urlKey?: string;
  /** Hash of the normalized title. */
  titleKey: string;
  /** The outlet as a slug, when known. */
  outletKey?: string;
}

export interface ArticleIdentityInput {
  title: string;
  url?: string | null;
  /** An outlet name (raw articles) or an ORGANIZATION id (seed files). */
  outlet?: string;
  published?: string;
}

export function articleKeys(a: ArticleIdentityInput): ArticleKeys {
  const url = a.url ? normalizeUrl(a.url) : undefined;
  const outlet = a.outlet ? outletSlug(a.outlet) : '';
  return {
    ...(url ? { urlKey: hash16(`url\n${url}`) } : {}),
    titleKey: hash16(`title\n${normalizeTitle(a.title)}`),
    ...(outlet !== '' ? { outletKey: outlet } : {}),
  };
}

/**
 * The id of a raw article: `article:` + 16 hex digits of SHA-256 over its normalized URL, else over
 * its normalized title, outlet and publication date. Never the file name, never the text: a corrected
 * version of the same article keeps its id, and so replaces the old version.
 */
export function rawArticleId(a: ArticleIdentityInput): string {
  const url = a.url ? normalizeUrl(a.url) : undefined;
  const basis = url !== undefined ? `url\n${url}` : `title\n${normalizeTitle(a.title)}\n${a.outlet ? outletSlug(a.outlet) : ''}\n${a.published ?? ''}`;
  return `article:${hash16(basis)}`;
}
