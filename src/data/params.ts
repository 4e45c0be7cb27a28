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

/** Where a page starts and how long it is; already validated by the caller (offset >= 0, limit >= 1). */
export interface PageArgs {
  readonly offset: number;
  readonly limit: number;
}

/** `$offset` and `$limit` for a paged query. */
export function pageParams(page: PageArgs): { offset: Integer; limit: Integer } {
  return { offset: int(page.offset), limit: int(page.limit) };
}

/** The parameters of one query merged from `parts` (a later part wins a name they share). */
export function merged(...parts: readonly object[]): Record<string, unknown> {
  return Object.assign({}, ...parts) as Record<string, unknown>;
}
