import { badInput } from '../errors.js';
import type { PageArgs } from '../data/params.js';
import type { Page } from '../data/records.js';

/**
 * Opaque cursors and page arguments: the one module that knows what a cursor holds.
 *
 * A cursor is base64url of `o:<offset>`, the position of its item in the list. Offsets are what the
 * lists are built on (ordered queries with SKIP/slices), and every list is ordered by a total order
 * (ties broken by id), so a cursor names the same position on every request while the data does
 * not change. Clients must treat cursors as opaque: the format may change.
 */

/** Largest `first` a list accepts. */
export const MAX_PAGE_SIZE = 100;
const MAX_OFFSET = 10_000_000;
const CURSOR = /^o:(0|[1-9]\d{0,7})$/;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/**
 * The offset a cursor names. Throws BAD_USER_INPUT for anything encodeCursor did not produce
 * (Node's base64 decoder skips invalid characters, so the result is re-encoded and compared).
 */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = CURSOR.exec(text);
  const offset = m ? Number(m[1]) : NaN;
  if (!m || offset > MAX_OFFSET || encodeCursor(offset) !== cursor) {
    throw badInput(`after: ${JSON.stringify(cursor)} is not a cursor this API returned`, { after: cursor });
  }
  return offset;
}

/**
 * Checks `first` (1..MAX_PAGE_SIZE; an explicit null means the SDL default, 20) and `after`, and
 * returns the page they ask for: the items after the cursor's position, or from the start.
 */
export function pageArgs(first: number | null | undefined, after: string | null | undefined): PageArgs {
  const max = MAX_PAGE_SIZE;
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw badInput(`first must be between 1 and ${max}, got ${limit}`, { first: limit });
  }
  const offset = after === null || after === undefined ? 0 : decodeCursor(after) + 1;
  return { offset, limit };
}

export interface Connection<T> {
  edges: { readonly cursor: string; readonly node: T }[];
  pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  totalCount: number;
}

/**
 * An edge whose cursor is encoded when a field asks for it: dashboards list nodes and rarely ask
 * each edge's cursor, and encoding one (a Buffer and a base64url string) for every edge of every
 * list was a fifth of the allocations our own code made on a page of 20 quotes.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
  ) {}

  get cursor(): string {
    return encodeCursor(this.offset);
  }
}

class PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    /** The offset of the page's last item; -1 for an empty page. */
    private readonly lastOffset: number,
  ) {}

  get endCursor(): string | null {
    return this.lastOffset < 0 ? null : encodeCursor(this.lastOffset);
  }
}

/** The Relay-style connection of one page. */
export function toConnection<T>(page: Page<T>): Connection<T> {
  const { items, offset, totalCount } = page;
  const edges = new Array<Edge<T>>(items.length);
  for (let i = 0; i < items.length; i++) edges[i] = new Edge(items[i] as T, offset + i);
  return {
    edges,
    pageInfo: new PageInfo(offset + items.length < totalCount, items.length > 0 ? offset + items.length - 1 : -1),
    totalCount,
  };
}
