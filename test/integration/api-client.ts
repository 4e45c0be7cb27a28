/**
 * Calling the API as a client does, without a port: `app.fetch` with a JSON POST. Shared by the
 * api*.test.ts files (this file is not itself a test).
 */
import type { App } from '../../src/graphql/app.js';

export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphQLErrorJson[] | undefined;
  roundTrips: number | undefined;
  /** extensions.cypherSteps: queries that had to wait for another (the depth of the request's queries). */
  steps: number | undefined;
  /** The whole `extensions` of the response (cost, round trips). */
  extensions: Record<string, unknown> | undefined;
}

/** POSTs one operation to /graphql and returns the parsed response. */
// Test data shapes are checked by the assertions, hence the loose default.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gql<T = any>(app: App, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const res = await app.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T | null;
    errors?: GraphQLErrorJson[];
    extensions?: { cypherRoundTrips?: number; cypherSteps?: number; [key: string]: unknown };
  };
  return { status: res.status, data: body.data, errors: body.errors, roundTrips: body.extensions?.cypherRoundTrips, steps: body.extensions?.cypherSteps, extensions: body.extensions };
}

/** Like gql, but fails the test with the server's errors when there are any. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ok<T = any>(app: App, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(app, query, variables);
  if (res.errors !== undefined || res.data === null || res.data === undefined) {
    throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(res.errors)}`);
  }
  return res.data;
}

/** The `extensions.code` of every error, in order. */
export function codes(res: GraphQLResponse<unknown>): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}
