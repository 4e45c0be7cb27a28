import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import type { Plugin } from 'graphql-yoga';

/** One file the explorer serves, read once at startup. */
export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Strong validator: the SHA-256 of the body, so equal bytes always get the same tag. */
  etag: string;
}

/** The explorer's files: the page, and the versioned files it loads. */
export interface ExplorerAssets {
  /** `/explore`: the page; revalidated on every load (`no-cache`), so a new version is seen at once. */
  page: Asset;
  /**
   * The versioned prefix, `/explore/v/<hash>/`: the hash covers every file below it, so a changed
   * file gets a new URL and the old one can be cached for a year without ever going stale.
   */
  prefix: string;
  /** Files under `prefix`, by their name there (e.g. `main.js`, `vendor/cytoscape.esm.min.mjs`). */
  files: ReadonlyMap<string, Asset>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page and its modules (plain ES modules, served as they are: no build step). */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
/** The export writers the command line uses (pure TypeScript modules without Node-only imports). */
const EXPORT_DIR = fileURLToPath(new URL('../export/', import.meta.url));

/**
 * src/export/*.ts as browser modules, `export/<name>.js`: each file's types stripped by esbuild (the
 * one the project already runs TypeScript with, through tsx), one file for one file, so their
 * relative imports (`./graph.js`) resolve beside them. The explorer exports with the same writers
 * as `npm run export`, not a copy of them.
 */
function exportModules(): Map<string, Uint8Array> {
  const modules = new Map<string, Uint8Array>();
  for (const name of readdirSync(EXPORT_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const { code } = transformSync(readFileSync(join(EXPORT_DIR, name), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: name });
    modules.set(`export/${name.replace(/\.ts$/, '.js')}`, new TextEncoder().encode(code));
  }
  return modules;
}

function asset(bytes: Uint8Array, name: string): Asset {
  // A copy on an ArrayBuffer of its own: what a fetch Response body takes.
  const body = new Uint8Array(bytes);
  const contentType = TYPES[extname(name)];
  if (contentType === undefined) throw new Error(`The explorer has no content type for ${name}`);
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

/**
 * Reads the explorer's files: `src/explore/public/`, Cytoscape's ES module from its npm package
 * (a runtime dependency, so the page works without any network but this server's) and the export
 * writers of src/export/ (exportModules). The page's
 * `{{PREFIX}}` placeholders become the versioned prefix.
 */
export function loadExplorerAssets(): ExplorerAssets {
  const require = createRequire(import.meta.url);
  // The package's main file lies in dist/ beside its ES module (its exports map hides package.json).
  const cytoscapeDist = dirname(require.resolve('cytoscape'));
  const sources = new Map<string, Uint8Array>();
  for (const name of readdirSync(PUBLIC_DIR).sort()) {
    if (name !== 'index.html') sources.set(name, readFileSync(join(PUBLIC_DIR, name)));
  }
  sources.set('vendor/cytoscape.esm.min.mjs', readFileSync(join(cytoscapeDist, 'cytoscape.esm.min.mjs')));
  for (const [name, body] of exportModules()) sources.set(name, body);

  const version = createHash('sha256');
  for (const [name, body] of sources) version.update(name).update('\0').update(body).update('\0');
  const prefix = `/explore/v/${version.digest('base64url').slice(0, 16)}/`;
  const files = new Map([...sources].map(([name, body]) => [name, asset(body, name)] as const));
  const html = readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8').replaceAll('{{PREFIX}}', prefix);
  return { page: asset(new TextEncoder().encode(html), 'index.html'), prefix, files };
}

/** Versioned files never change under their URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page's URL stays the same across versions: caches must ask (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

function respond(request: Request, a: Asset, cacheControl: string, fetchAPI: { Response: typeof Response }): Response {
  const headers = {
    'content-type': a.contentType,
    etag: a.etag,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  };
  const match = request.headers.get('if-none-match');
  if (match !== null && match.split(',').some((tag) => tag.trim() === a.etag || tag.trim() === '*')) {
    return new fetchAPI.Response(null, { status: 304, headers });
  }
  return new fetchAPI.Response(request.method === 'HEAD' ? null : a.body, { status: 200, headers: { ...headers, 'content-length': String(a.body.byteLength) } });
}

/**
 * The explorer (`GET /explore`, and its files under `/explore/v/<version>/`), answered in yoga's
 * request path like /healthz: one path through the server. GET and HEAD only; an unknown file,
 * or a file of another version, is a 404 (the page always names the current version).
 */
export function useExplorer(assets: ExplorerAssets = loadExplorerAssets()): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const path = url.pathname;
      if (path !== '/explore' && path !== '/explore/' && !path.startsWith('/explore/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (path === '/explore' || path === '/explore/') {
        endResponse(respond(request, assets.page, REVALIDATE, fetchAPI));
        return;
      }
      const file = path.startsWith(assets.prefix) ? assets.files.get(path.slice(assets.prefix.length)) : undefined;
      if (file === undefined) {
        endResponse(fetchAPI.Response.json({ errors: [{ message: `No explorer file at ${path}`, extensions: { code: 'NOT_FOUND' } }] }, { status: 404 }));
        return;
      }
      endResponse(respond(request, file, IMMUTABLE, fetchAPI));
    },
  };
}
