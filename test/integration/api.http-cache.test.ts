/**
 * HTTP caching: strong quoted ETags and 304s on GET queries, Cache-Control by what is cacheable,
 * Vary, the same bytes on response-cache hit and miss; GraphiQL as a small page and versioned,
 * compressed, long-cached assets.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../../src/graphql/app.js';
import { openTestDb, type TestDb } from '../support/neo4j.js';

let t: TestDb;
beforeAll(() => {
  t = openTestDb();
});
afterAll(async () => t?.close());

const QUERY = '{ __typename }';
const getQuery = async (app: App, query = QUERY, headers: Record<string, string> = {}): Promise<Response> =>
  app.fetch(`http://api.test/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json', [CSRF_HEADER]: '1', ...headers } });

describe('GET queries', () => {
  it('carry a strong quoted ETag, public max-age of the response cache TTL, Vary: Accept; a hit has the miss\'s bytes and tag', async () => {
    const app = createApp({ db: t.db, responseCacheTtlMs: 5000 });
    const miss = await getQuery(app);
    expect(miss.status).toBe(200);
    const etag = miss.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(miss.headers.get('cache-control')).toBe('public, max-age=5');
    expect(miss.headers.get('vary')).toBe('Accept');
    const missBody = await miss.text();
    const hit = await getQuery(app);
    expect(hit.headers.get('etag')).toBe(etag);
    expect(await hit.text()).toBe(missBody);
  });

  it('answer If-None-Match with the current tag by 304 without a body; another tag gets the body', async () => {
    const app = createApp({ db: t.db, responseCacheTtlMs: 5000 });
    const etag = (await getQuery(app)).headers.get('etag')!;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await getQuery(app, QUERY, { 'if-none-match': inm });
      expect(again.status, inm).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=5');
    }
    const other = await getQuery(app, QUERY, { 'if-none-match': '"nope"' });
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('with the response cache off: no-cache (revalidate each time), still with an ETag and 304s', async () => {
    const app = createApp({ db: t.db, responseCacheTtlMs: 0 });
    const first = await getQuery(app);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await getQuery(app, QUERY, { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers with errors are not stored, and carry no validators', async () => {
    const app = createApp({ db: t.db, responseCacheTtlMs: 5000 });
    for (const query of ['{ nope }', '{ path(from: "person:nobody", to: "person:none") { length } }']) {
      const res = await getQuery(app, query);
      expect(res.headers.get('cache-control'), query).toBe('no-store');
      expect(res.headers.get('etag'), query).toBeNull();
      expect(res.headers.get('last-modified'), query).toBeNull();
    }
  });

  it('Vary adds Origin when CORS origins are configured', async () => {
    const app = createApp({ db: t.db, responseCacheTtlMs: 5000, corsOrigins: ['https://dash.example.org'] });
    expect((await getQuery(app, QUERY, { origin: 'https://dash.example.org' })).headers.get('vary')).toBe('Accept, Origin');
    expect((await getQuery(app)).headers.get('vary')).toBe('Accept, Origin');
  });
});

describe('other answers', () => {
  it('POSTs, health checks and errors are no-store without an ETag', async () => {
    const app = createApp({ db: t.db, responseCacheTtlMs: 5000 });
    for (let i = 0; i < 2; i++) {
      const post = await app.fetch('http://api.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
      expect(post.status).toBe(200);
      expect(post.headers.get('cache-control')).toBe('no-store');
      expect(post.headers.get('etag')).toBeNull();
    }
    for (const path of ['/healthz', '/readyz', '/nope']) {
      expect((await app.fetch(`http://api.test${path}`)).headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('GraphiQL', () => {
  it('is a small page naming versioned assets, served compressed and cached for a year', async () => {
    const app = createApp({ db: t.db });
    const page = await app.fetch('http://api.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('vary')).toBe('Accept');
    const etag = page.headers.get('etag')!;
    const html = await page.text();
    expect(html.length).toBeLessThan(20_000);
    expect(html).toContain('<title>Summit Graph</title>');
    expect((await app.fetch('http://api.test/graphql', { headers: { accept: 'text/html', 'if-none-match': etag } })).status).toBe(304);

    const names = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]!);
    expect(names.map((n) => n.split('.').pop()).sort()).toEqual(['css', 'ico', 'js']);
    const script = names.find((n) => n.endsWith('.js'))!;
    const plain = await app.fetch(`http://api.test${script}`);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = Buffer.from(await plain.arrayBuffer());
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(text.toString('utf8')).toContain('renderYogaGraphiQL');

    const br = await app.fetch(`http://api.test${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(text.length / 3);
    expect(brotliDecompressSync(brBody).equals(text)).toBe(true);

    const gz = await app.fetch(`http://api.test${script}`, { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(text)).toBe(true);

    const again = await app.fetch(`http://api.test${script}`, { headers: { 'if-none-match': plain.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const unknown = await app.fetch('http://api.test/graphiql/nope.js');
    expect(unknown.status).toBe(404);
  }, 120_000);
});
