import { badInput } from '../errors.js';
import type { PageArgs, SortKey } from '../data/params.js';
import type { Page } from '../data/records.js';

/**
 * Opaque keyset cursors and page arguments: the one module that knows what a cursor holds.
 *
 * A cursor is base64url of a JSON array: the list's key kind (`quote`, `article`, `summit`,
 * `person`) and the item's sort key as its query computed it (cypher/*: a list of booleans,
 * numbers and strings whose ascending order is the list's order, ending with the item's id). A page
 * after a cursor holds the items whose key is greater, a page before it those whose key is
 * smaller, so a load between two requests (new items before or after, items removed) never makes
 * a page repeat or skip an item that was there on both requests. Clients must treat cursors as
 * opaque: the format may change (it was an offset before).
 */

/** Largest `first` or `last` a list accepts. */
export const MAX_PAGE_SIZE = 100;
/** The kinds of sort key: a cursor of one list kind is refused by the others. */
export type KeyKind = 'quote' | 'article' | 'summit' | 'person';
const KINDS: ReadonlySet<string> = new Set<KeyKind>(['quote', 'article', 'summit', 'person']);
/** Longest key (the quote key has 7 parts) and longest string in one. */
const MAX_PARTS = 8;
const MAX_TEXT = 1000;

export function encodeCursor(kind: KeyKind, key: SortKey): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

function notACursor(arg: string, cursor: string): Error {
  return badInput(`${arg}: ${JSON.stringify(cursor)} is not a cursor of this list that this API returned`, { [arg]: cursor });
}

/**
 * The sort key a cursor of `kind` holds. Throws BAD_USER_INPUT for anything encodeCursor did not
 * produce for that kind (Node's base64 decoder skips invalid characters, so the result is
 * re-encoded and compared).
 */
export function decodeCursor(cursor: string, kind: KeyKind, arg = 'after'): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notACursor(arg, cursor);
  }
  if (!Array.isArray(parsed) || parsed.length < 2 || parsed.length > MAX_PARTS + 1 || parsed[0] !== kind || !KINDS.has(kind)) {
    throw notACursor(arg, cursor);
  }
  const key = parsed.slice(1) as unknown[];
  const valid = key.every(
    (v) => typeof v === 'boolean' || (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length <= MAX_TEXT),
  );
  if (!valid || typeof key[key.length - 1] !== 'string' || encodeCursor(kind, key as SortKey) !== cursor) throw notACursor(arg, cursor);
  return key as SortKey;
}

/** The paging arguments of a connection field (schema: `first`, `after`, `last`, `before`). */
export interface PageInput {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function checkSize(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badInput(`${name} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`, { [name]: value });
  }
  return value;
}

/**
 * Checks the page arguments of a list of `kind` and returns the page they ask for. `first` (1..100;
 * null means the SDL default, 20) counts forward from `after` (or the start); `last` counts back
 * from `before` (or the end), and so does `before` alone. With both `after` and `before`, only the
 * items between them are paged.
 */
export function pageArgs(kind: KeyKind, { first, after, last, before }: PageInput): PageArgs {
  const afterKey = after === null || after === undefined ? null : decodeCursor(after, kind, 'after');
  const beforeKey = before === null || before === undefined ? null : decodeCursor(before, kind, 'before');
  const backward = (last !== null && last !== undefined) || (beforeKey !== null && afterKey === null);
  const limit = backward && last !== null && last !== undefined ? checkSize('last', last) : checkSize('first', first ?? 20);
  return { limit, after: afterKey, before: beforeKey, backward };
}

export interface Connection<T> {
  edges: { readonly cursor: string; readonly node: T }[];
  pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
  totalCount: number;
}

/**
 * An edge whose cursor is encoded when a field asks for it: dashboards list nodes and rarely ask
 * each edge's cursor, and encoding one (JSON, a Buffer and a base64url string) for every edge of
 * every list was a fifth of the allocations our own code made on a page of 20 quotes.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly kind: KeyKind,
    private readonly key: SortKey,
  ) {}

  get cursor(): string {
    return encodeCursor(this.kind, this.key);
  }
}

class PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly kind: KeyKind,
    private readonly first: SortKey | undefined,
    private readonly last: SortKey | undefined,
  ) {}

  get startCursor(): string | null {
    return this.first === undefined ? null : encodeCursor(this.kind, this.first);
  }

  get endCursor(): string | null {
    return this.last === undefined ? null : encodeCursor(this.kind, this.last);
  }
}

/** The Relay-style connection of one page of a list of `kind`. */
export function toConnection<T>(kind: KeyKind): (page: Page<T>) => Connection<T> {
  return ({ items, keys, hasNextPage, hasPreviousPage, totalCount }) => {
    const edges = new Array<Edge<T>>(items.length);
    for (let i = 0; i < items.length; i++) edges[i] = new Edge(items[i] as T, kind, keys[i] as SortKey);
    return { edges, pageInfo: new PageInfo(hasNextPage, hasPreviousPage, kind, keys[0], keys[keys.length - 1]), totalCount };
  };
}
