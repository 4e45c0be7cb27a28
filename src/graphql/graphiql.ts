import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import type { Plugin } from 'graphql-yoga';

/**
 * GraphiQL as a small page and versioned assets. @graphql-yoga/render-graphiql's page inlines its
 * whole bundle (script, style, editor workers, favicon: 9 MB) into the HTML at /graphql, served
 * again on every visit. Here the page is a couple of kB that names its assets by content hash
 * (`/graphiql/<hash>.js|.css|.ico`); those are the library's own files, served compressed (brotli
 * or gzip, by Accept-Encoding, compressed once on first demand) with `Cache-Control: public,
 * max-age=31536000, immutable`: a new version has a new name, so a browser fetches them once.
 */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/';

const YEAR = 'public, max-age=31536000, immutable';

interface Asset {
  name: string;
  type: string;
  body: Buffer;
  etag: string;
  /** Compressed once, on first demand. */
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

const hashOf = (body: Buffer | string): string => createHash('sha256').update(body).digest('base64url').slice(0, 20);

function asset(ext: string, type: string, body: Buffer): Asset {
  const hash = hashOf(body);
  return { name: `${hash}.${ext}`, type, body, etag: `"${hash}"` };
}

/** The assets of one app (no module state: each createApp builds its own, lazily compressed). */
export interface GraphiQLAssets {
  script: Asset;
  style: Asset;
  icon: Asset;
  byName: ReadonlyMap<string, Asset>;
}

export function graphiqlAssets(): GraphiQLAssets {
  // What render-graphiql's page runs inline, in the same order, as one classic script: the editor
  // workers from blobs, then the bundle, which defines the global YogaGraphiQL.
  const script = asset(
    'js',
    'application/javascript; charset=utf-8',
    Buffer.from(
      `function prepareBlob(workerContent) {
  const blob = new Blob([workerContent], { type: 'application/javascript' });
  return URL.createObjectURL(blob);
}
const workers = {
  editorWorkerService: prepareBlob(${JSON.stringify(editorWorkerService)}),
  json: prepareBlob(${JSON.stringify(jsonWorker)}),
  graphql: prepareBlob(${JSON.stringify(graphqlWorker)}),
};
self['MonacoEnvironment'] = {
  globalAPI: false,
  getWorkerUrl: function (moduleId, label) {
    return workers[label];
  },
};
${js};
`,
      'utf8',
    ),
  );
  const style = asset('css', 'text/css; charset=utf-8', Buffer.from(css, 'utf8'));
  const [, iconType = 'image/x-icon', iconData = ''] = /^data:([^;]+);base64,(.*)$/s.exec(favicon) ?? [];
  const icon = asset('ico', iconType, Buffer.from(iconData, 'base64'));
  return { script, style, icon, byName: new Map([script, style, icon].map((a) => [a.name, a])) };
}

/** JSON for inside a <script>: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** yoga's `renderGraphiQL`: the page, naming the assets; the options as render-graphiql passes them. */
export function graphiqlPage(assets: GraphiQLAssets, options: { title?: string } & Record<string, unknown>): string {
  const at = (a: Asset): string => `${GRAPHIQL_ASSETS_PATH}${a.name}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${at(assets.icon)}" />
    <link rel="stylesheet" href="${at(assets.style)}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script src="${at(assets.script)}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(window.document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** The encoding to answer with: brotli, else gzip, when Accept-Encoding allows it (q=0 refuses). */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  if (acceptEncoding === null) return undefined;
  const allowed = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    allowed.add(coding);
  }
  if (allowed.has('br')) return 'br';
  if (allowed.has('gzip')) return 'gzip';
  return undefined;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function compressed(a: Asset, encoding: 'br' | 'gzip'): Promise<Buffer> {
  // Brotli quality 5: within a few percent of quality 11's size on this bundle, in a fraction of the time.
  if (encoding === 'br') return (a.br ??= brotli(a.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: a.body.length } }));
  return (a.gzip ??= gz(a.body, { level: 6 }));
}

/** True when If-None-Match names `etag` (weak comparison, as RFC 9110 says for If-None-Match) or is `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** Serves GET/HEAD `/graphiql/<name>` for the app's assets; any other name falls through to the 404. */
export function useGraphiQLAssets(assets: () => GraphiQLAssets): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH) || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
      const found = assets().byName.get(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
      if (found === undefined) return undefined;
      const headers: Record<string, string> = { 'cache-control': YEAR, etag: found.etag, vary: 'Accept-Encoding' };
      if (matchesIfNoneMatch(request.headers.get('if-none-match'), found.etag)) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return undefined;
      }
      const encoding = pickEncoding(request.headers.get('accept-encoding'));
      return (encoding === undefined ? Promise.resolve(found.body) : compressed(found, encoding)).then((body) => {
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
            status: 200,
            headers: { ...headers, 'content-type': found.type, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}) },
          }),
        );
      });
    },
  };
}
