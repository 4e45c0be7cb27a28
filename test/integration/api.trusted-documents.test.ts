/**
 * Trusted documents: requests by hash (APQ's extensions.persistedQuery and documentId, over POST and
 * GET) run the manifest's document; `only` refuses everything else with a code; `allow` (the
 * default) still runs any document, GraphiQL included; `off` does not understand hashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../../src/graphql/app.js';
import { documentHash, type TrustedDocumentsMode } from '../../src/graphql/trusted-documents.js';
import { openTestDb, type TestDb } from '../support/neo4j.js';

const TYPENAME = 'query Typename {\n  __typename\n}';
const HASH = documentHash(TYPENAME);
const OTHER = 'query Other {\n  __typename\n}';

let t: TestDb;
beforeAll(() => {
  t = openTestDb();
});
afterAll(async () => t?.close());

const appIn = (mode: TrustedDocumentsMode, responseCacheTtlMs = 0): App =>
  createApp({ db: t.db, responseCacheTtlMs, trustedDocuments: { mode, documents: new Map([[HASH, TYPENAME]]) } });

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(app: App, body: unknown, accept = 'application/graphql-response+json'): Promise<{ status: number; body: Body }> {
  const res = await app.fetch('http://api.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Body };
}

async function get(app: App, params: Record<string, string>): Promise<{ status: number; body: Body }> {
  const res = await app.fetch(`http://api.test/graphql?${new URLSearchParams(params)}`, { headers: { accept: 'application/graphql-response+json', [CSRF_HEADER]: '1' } });
  return { status: res.status, body: (await res.json()) as Body };
}

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codeOf = (body: Body) => body.errors?.map((e) => e.extensions?.code);

describe.each(['allow', 'only'] as const)('TRUSTED_DOCUMENTS=%s', (mode) => {
  it('runs a document by hash: APQ extension or documentId, POST or GET', async () => {
    const app = appIn(mode);
    const expected = { status: 200, body: { data: { __typename: 'Query' } } };
    expect(await post(app, { extensions: apq(HASH) })).toMatchObject(expected);
    expect(await post(app, { documentId: `sha256:${HASH}` })).toMatchObject(expected);
    expect(await post(app, { documentId: HASH, operationName: 'Typename' })).toMatchObject(expected);
    expect(await get(app, { extensions: JSON.stringify(apq(HASH)) })).toMatchObject(expected);
    expect(await get(app, { documentId: `sha256:${HASH}` })).toMatchObject(expected);
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const app = appIn(mode);
    const unknown = documentHash(OTHER);
    for (const res of [await post(app, { extensions: apq(unknown) }), await post(app, { documentId: unknown }), await get(app, { documentId: unknown })]) {
      expect(res.status).toBe(400);
      expect(codeOf(res.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(res.body.data ?? null).toBeNull();
    }
    // GraphQL over HTTP: 200 to a client that accepts only application/json.
    expect((await post(app, { documentId: unknown }, 'application/json')).status).toBe(200);
  });

  it('gives the same answer by APQ hash and by documentId with the response cache on', async () => {
    const app = appIn(mode, 60_000);
    const byHash = await post(app, { extensions: apq(HASH) });
    expect(byHash.body.data).toEqual({ __typename: 'Query' });
    expect(await post(app, { documentId: HASH })).toEqual(byHash);
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  it('refuses a document sent as text, even a registered one, and a request that names none, with PERSISTED_QUERY_ONLY', async () => {
    const app = appIn('only');
    for (const res of [await post(app, { query: OTHER }), await post(app, { query: TYPENAME }), await post(app, {}), await get(app, { query: OTHER })]) {
      expect(res.status).toBe(400);
      expect(codeOf(res.body)).toEqual(['PERSISTED_QUERY_ONLY']);
    }
  });
});

describe('TRUSTED_DOCUMENTS=allow (the default)', () => {
  it('runs any document as text, serves GraphiQL, and answers a request without a document as yoga does', async () => {
    const app = createApp({ db: t.db });
    expect(await post(app, { query: OTHER })).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    const page = await app.fetch('http://api.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const empty = await post(app, {});
    expect(empty.status).toBe(400);
    expect(codeOf(empty.body)).toEqual(['BAD_REQUEST']);
    expect(empty.body.errors![0]!.message).toBe('Must provide query string.');
  });
});

describe('TRUSTED_DOCUMENTS=off', () => {
  it('does not understand hashes: a request by hash has no document, and documentId is an unknown parameter', async () => {
    const app = appIn('off');
    expect(codeOf((await post(app, { extensions: apq(HASH) })).body)).toEqual(['BAD_REQUEST']);
    expect(codeOf((await post(app, { documentId: HASH })).body)).toEqual(['BAD_REQUEST']);
    expect(await post(app, { query: OTHER })).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
