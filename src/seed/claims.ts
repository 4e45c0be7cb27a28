import { resolve } from 'node:path';
import { articleKeys, sourceIdOf } from './identity.js';
import type { ParsedSeedFile, SeedIssue } from './validate.js';

/**
 * What a file claims to be the truth for, checked across the files of a load and against the graph:
 * a file is the only source of its article, of its quotes and of its source id, so two files (or a
 * file and what the graph already holds from another file) claiming one of them is an error naming
 * both. Linear in the number of claims (one map per kind, one graph query per kind).
 */

/** What the graph already holds, asked only about the claims of a load (src/seed/load.ts). */
export interface GraphClaims {
  /** Quote ids in the graph: the article each belongs to and the file that article was loaded from. */
  quotes(ids: string[]): Promise<Map<string, { article: string; file: string | null }>>;
  /** Articles in the graph with these URL keys (identity.ts), with the file each was loaded from. */
  articlesByUrlKey(keys: string[]): Promise<Map<string, { article: string; file: string | null }>>;
  /** The sources loaded before from these files (absolute paths), by file. */
  sourcesByFile(files: string[]): Promise<Map<string, string[]>>;
}

type Issue = (f: ParsedSeedFile, path: (string | number)[], message: string) => void;

/** Every claim conflict among `files`, and between them and the graph when `graph` is given. */
export async function checkClaims(files: ParsedSeedFile[], graph?: GraphClaims): Promise<SeedIssue[]> {
  const issues: SeedIssue[] = [];
  const issue: Issue = (f, path, message) => {
    const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    issues.push({ file: f.file, path: text, ...f.locate(path), message });
  };

  const sources = new Map<string, ParsedSeedFile>();
  const quotes = new Map<string, { f: ParsedSeedFile; i: number }>();
  const urls = new Map<string, ParsedSeedFile>();
  for (const f of files) {
    const { doc } = f;
    const source = sourceIdOf(f.file, doc);
    const sourcePath = doc.article ? ['article', 'id'] : doc.id !== undefined ? ['id'] : [];
    const other = sources.get(source);
    if (other !== undefined) {
      issue(
        f,
        sourcePath,
        doc.article
          ? `article ${source} is also the article of ${other.file}: a file is the truth for its article, so keep it in one file`
          : `source id ${source} is also the source of ${other.file}${doc.id === undefined ? ' (by default a file without an article is sourced to ref: + its file name)' : ''}: give each file its own 'id'`,
      );
    } else sources.set(source, f);

    (doc.quotes ?? []).forEach((q, i) => {
      const first = quotes.get(q.id);
      if (first === undefined) quotes.set(q.id, { f, i });
      else if (first.f !== f) issue(f, ['quotes', i, 'id'], `quote ${q.id} is also claimed by ${first.f.file} (quotes[${first.i}]): a quote belongs to one article's file`);
    });

    const a = doc.article;
    if (a?.url) {
      const key = articleKeys({ title: a.title, url: a.url }).urlKey;
      if (key !== undefined) {
        const first = urls.get(key);
        if (first !== undefined && first !== f) issue(f, ['article', 'url'], `the same article URL as ${first.file} (${first.doc.article?.id}): one article, one file`);
        else urls.set(key, f);
      }
    }
  }
  if (graph === undefined) return issues;

  const inGraph = quotes.size > 0 ? await graph.quotes([...quotes.keys()]) : new Map<string, { article: string; file: string | null }>();
  for (const [id, { f, i }] of quotes) {
    const held = inGraph.get(id);
    if (held !== undefined && held.article !== f.doc.article?.id) {
      issue(f, ['quotes', i, 'id'], `quote ${id} is already in the graph, from ${held.article}${held.file ? ` (${held.file})` : ''}: a quote belongs to one article; give this one another id, or retract ${held.article} first`);
    }
  }

  const articlesByUrl = urls.size > 0 ? await graph.articlesByUrlKey([...urls.keys()]) : new Map<string, { article: string; file: string | null }>();
  for (const [key, f] of urls) {
    const held = articlesByUrl.get(key);
    if (held !== undefined && held.article !== f.doc.article?.id) {
      issue(f, ['article', 'url'], `the graph already holds this article (same URL) as ${held.article}${held.file ? ` (${held.file})` : ''}: give this file that id to replace it, or retract ${held.article} first`);
    }
  }

  const byFile = await graph.sourcesByFile(files.map((f) => resolve(f.file)));
  for (const f of files) {
    const source = sourceIdOf(f.file, f.doc);
    const before = (byFile.get(resolve(f.file)) ?? []).filter((s) => s !== source);
    if (before.length > 0) {
      const path = f.doc.article ? ['article', 'id'] : f.doc.id !== undefined ? ['id'] : [];
      issue(
        f,
        path,
        `this file was loaded before as ${before.join(', ')}, which is still in the graph; it now says ${source}, another source. Retract the old one first (npm run retract -- ${before.join(' ')}), or keep the id`,
      );
    }
  }
  return issues;
}
