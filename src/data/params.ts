import neo4j, { type Integer } from 'neo4j-driver';

/**
 * Query parameters that must reach Neo4j as integers. The driver sends every JavaScript number as a
 * float, and SKIP, LIMIT, list slices and `date({year})` refuse floats, so counts and offsets are
 * wrapped here, in the one place the data layer builds integer parameters.
 */
export function int(n: number): Integer {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a whole number, got ${n}`);
  return neo4j.int(n);
}

/**
 * A list item's sort key as its query computes it (cypher/*: booleans, whole numbers and strings,
 * ending with the id), whose ascending order is the list's order; cursors carry it
 * (src/graphql/cursor.ts).
 */
export type SortKey = readonly (boolean | number | string)[];

/**
 * Which page of a list: up to `limit` items after the key `after` (null: from the start) and before
 * `before` (null: to the end), the first ones or, `backward`, the last ones. Already validated.
 */
export interface PageArgs {
  readonly limit: number;
  readonly after: SortKey | null;
  readonly before: SortKey | null;
  readonly backward: boolean;
}

/**
 * `$after`, `$before`, `$backward` and `$limit` for a paged query. The query returns, in `items`
 * and `keys`, up to `$limit + 1` items in the direction it reads (ascending from `$after`, or with
 * `$backward` descending from `$before`), so that the one too many tells whether more follow.
 * Whole numbers in a key go as integers: a float would compare equal, but keep them exact.
 */
export function pageParams(page: PageArgs): { after: unknown[] | null; before: unknown[] | null; backward: boolean; limit: Integer } {
  const param = (key: SortKey | null): unknown[] | null => (key === null ? null : key.map((v) => (typeof v === 'number' ? int(v) : v)));
  return { after: param(page.after), before: param(page.before), backward: page.backward, limit: int(page.limit) };
}

/** The parameters of one query merged from `parts` (a later part wins a name they share). */
export function merged(...parts: readonly object[]): Record<string, unknown> {
  return Object.assign({}, ...parts) as Record<string, unknown>;
}
