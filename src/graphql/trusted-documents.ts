import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { apiError } from './error-codes.js';

/**
 * Trusted documents (persisted operations): a dashboard registers its operations in a manifest
 * (`npm run documents`, or graphql-codegen's persisted-documents.json) and sends a hash instead of
 * the text. `off`: requests by hash are not understood; `allow` (the default): requests by hash run
 * the manifest's document and any other document runs too (GraphiQL works); `only`: nothing but the
 * manifest's documents runs, sent by hash.
 */
export const TRUSTED_DOCUMENTS_MODES = ['off', 'allow', 'only'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

/** The manifest: document text by the hex sha256 of that text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  documents: TrustedDocuments;
}

/** The hex sha256 of a document's text: its id in the manifest and in requests. */
export const documentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const HASH = /^[0-9a-f]{64}$/;

/**
 * Reads a manifest: a JSON object of document texts by their hex sha256 (the format `npm run
 * documents` writes and graphql-codegen's client preset writes as persisted-documents.json). Throws
 * an Error naming the file and every bad entry: a key that is not a hash, a value that is not a
 * string, a key that is not the hash of its text.
 */
export function readTrustedDocuments(file: string): TrustedDocuments {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read the trusted-documents manifest: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new Error(`${file}: a trusted-documents manifest is a JSON object of documents by their sha256 (npm run documents writes one)`);
  }
  const problems: string[] = [];
  const documents = new Map<string, string>();
  for (const [key, text] of Object.entries(json)) {
    const hash = key.replace(/^sha256:/, '');
    if (!HASH.test(hash)) problems.push(`${JSON.stringify(key)}: not a hex sha256`);
    else if (typeof text !== 'string') problems.push(`${key}: the document is not a string`);
    else if (documentHash(text) !== hash) problems.push(`${key}: is not the sha256 of its document (${documentHash(text)})`);
    else documents.set(hash, text);
  }
  if (problems.length > 0) throw new Error(`${file}: invalid trusted-documents manifest:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return documents;
}

/** The parameter GraphQL over HTTP's persisted-documents draft names the document by, beside APQ's extension. */
export const DOCUMENT_ID_PARAM = 'documentId';

/**
 * The hash a request names its document by: `extensions.persistedQuery.sha256Hash` (Apollo's APQ
 * form, version 1) or `documentId` (`sha256:<hex>` or the bare hex; in the JSON body of a POST, in
 * the query string of a GET). Null when it names none.
 */
function requestedHash(params: (GraphQLParams & { documentId?: unknown }) | null | undefined, request: Request): string | null {
  if (params === null || typeof params !== 'object') return null;
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') return persisted.sha256Hash;
  const id = typeof params.documentId === 'string' ? params.documentId : request.method === 'GET' ? new URL(request.url).searchParams.get(DOCUMENT_ID_PARAM) : null;
  return id === null || id === '' ? null : id.replace(/^sha256:/, '');
}

/**
 * The plugins for `mode`, through @graphql-yoga/plugin-persisted-operations; none when `off`. Listed
 * before the response cache: it puts the document's text in the request's params, which the cache
 * keys on, so a request by hash and one by text share their entries. Refusals are coded
 * (PERSISTED_QUERY_NOT_FOUND, PERSISTED_QUERY_ONLY) with a validation failure's status.
 */
export function useTrustedDocuments({ mode, documents }: TrustedDocumentsOptions): Plugin[] {
  if (mode === 'off') return [];
  // A validation failure's status: 200 to application/json clients, 400 to graphql-response+json ones.
  const refusal = { extensions: { http: { status: 400, spec: true } } };
  const plugin = usePersistedOperations({
    allowArbitraryOperations: mode === 'allow',
    extractPersistedOperationId: (params, request) => requestedHash(params, request),
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    customErrors: {
      notFound: () => apiError('PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this hash: register the operation (npm run documents) and deploy the manifest.', refusal),
      persistedQueryOnly: () =>
        apiError('PERSISTED_QUERY_ONLY', 'This server runs trusted documents only: send the hash of a registered document (extensions.persistedQuery.sha256Hash or documentId), not its text.', refusal),
      keyNotFound: () =>
        apiError('PERSISTED_QUERY_ONLY', 'This server runs trusted documents only: send the hash of a registered document (extensions.persistedQuery.sha256Hash or documentId).', refusal),
    },
  }) as Plugin;
  if (mode === 'only') return [plugin];
  // `allow`: a request that names no hash is yoga's business as if the plugin were not there (the
  // plugin would refuse one without a query itself, before yoga's own checks of the parameters).
  const { onParams } = plugin;
  return [
    {
      ...plugin,
      onParams(payload) {
        if (requestedHash(payload.params, payload.request) === null) return undefined;
        return onParams?.(payload);
      },
    },
  ];
}
