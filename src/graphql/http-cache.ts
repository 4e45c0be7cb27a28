import { createHash } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { matchesIfNoneMatch } from './graphiql.js';

export interface HttpCachingOptions {
  /** The GraphQL endpoint (the page GraphiQL is served at too). */
  endpoint: string;
  /** How long a client or a shared cache may reuse a GET answer: the response cache's TTL, in s. 0: revalidate every time. */
  maxAgeSeconds: number;
  /** Whether answers depend on the Origin header (CORS origins are configured). */
  varyOrigin: boolean;
}

/** A strong entity tag for a body: a hash of its bytes, quoted (RFC 9110). */
export const entityTag = (body: string): string => `"${createHash('sha1').update(body, 'utf8').digest('base64url')}"`;

/**
 * HTTP caching of GraphQL answers, for browsers, CDNs and proxies in front of the API:
 *
 * - a GET query answered 200 without errors is cacheable: `Cache-Control: public, max-age=<the
 *   response cache's TTL>` (`no-cache`, revalidate every time, when the cache is off) and a strong
 *   ETag, the hash of the body; `If-None-Match` with that tag gets 304 without a body. The body of a
 *   response-cache hit is the miss's, byte for byte, so the tag is the same whichever answered;
 * - everything else (POSTs, answers with errors, other statuses, /healthz and /readyz): `no-store`,
 *   and no validators (the response cache's own, unquoted ETag is removed);
 * - `Vary: Accept` on GraphQL answers (the media type follows Accept, and GraphiQL's page shares the
 *   URL), and `Origin` when CORS origins are configured (the CORS headers follow it).
 *
 * GraphiQL's page (HTML at the endpoint) gets its own ETag and `no-cache`: it is small, and its
 * assets are versioned and cached for a year (src/graphql/graphiql.ts).
 */
export function useHttpCaching({ endpoint, maxAgeSeconds, varyOrigin }: HttpCachingOptions): Plugin {
  const clean = new WeakSet<Request>();
  const cacheable = maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'no-cache';
  const vary = varyOrigin ? 'Accept, Origin' : 'Accept';
  return {
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || isAsyncIterable(result)) return;
      if ((result as ExecutionResult).errors === undefined) clean.add(request);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const headers = response.headers;
      const isGet = request.method === 'GET' || request.method === 'HEAD';
      const html = (headers.get('content-type') ?? '').startsWith('text/html');
      const eligible = isGet && response.status === 200 && (clean.has(request) || html) && new URL(request.url).pathname === endpoint;
      if (!eligible) {
        // A 304, or an answer that set its own caching (GraphiQL's assets).
        if (response.status === 304 || headers.has('cache-control')) return undefined;
        headers.set('cache-control', 'no-store');
        headers.delete('etag');
        headers.delete('last-modified');
        if (headers.has('content-type') && !headers.has('vary')) headers.set('vary', vary);
        return undefined;
      }
      return response.text().then((body) => {
        const etag = entityTag(body);
        const out = new fetchAPI.Headers(headers);
        out.set('etag', etag);
        out.set('cache-control', html ? 'no-cache' : cacheable);
        out.set('vary', vary);
        if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
          const notModified = new fetchAPI.Headers();
          for (const name of ['etag', 'cache-control', 'vary', 'last-modified']) {
            const value = out.get(name);
            if (value !== null) notModified.set(name, value);
          }
          setResponse(new fetchAPI.Response(null, { status: 304, headers: notModified }));
        } else {
          setResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers: out }));
        }
      });
    },
  };
}
