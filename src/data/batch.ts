import DataLoader from 'dataloader';
import type { Row } from '../db/db.js';
import type { PageArgs } from './params.js';
import { listOf, pageFrom, type Page } from './records.js';

/**
 * Builds loaders over batched queries. Every loader here keeps DataLoader's contract: the batch
 * function returns one result per key, in key order; a key the query returned no row for gets the
 * `missing` value (null for single values, [] or an empty page for lists), never a shorter array.
 */

/**
 * Puts `rows` (each with an `id` column) in the order of `keys`, converting each row with `value`.
 * Keys without a row get `missing()`; rows for keys not asked for are ignored.
 */
export function inKeyOrder<V>(
  keys: readonly string[],
  rows: readonly Row[],
  value: (row: Row) => V,
  missing: () => V,
): V[] {
  const byId = new Map<string, Row>();
  for (const row of rows) byId.set(String(row.id), row);
  return keys.map((key) => {
    const row = byId.get(key);
    return row === undefined ? missing() : value(row);
  });
}

/**
 * A loader for a field without arguments: all ids requested in one tick go to `run` as one list,
 * which must run exactly one query (`UNWIND $ids AS id ... RETURN id, ...`).
 */
export function idLoader<V>(
  run: (ids: string[]) => Promise<Row[]>,
  value: (row: Row) => V,
  missing: () => V,
  name: string,
): DataLoader<string, V> {
  return new DataLoader<string, V>(
    async (keys) => inKeyOrder(keys, await run([...keys]), value, missing),
    { name },
  );
}

/** A key of a field with arguments: the parent's id plus the field's (already validated) arguments. */
export interface ArgsKey<A> {
  readonly id: string;
  readonly args: A;
}

/**
 * A loader for a field with arguments (paging, filters). Keys asking with the same arguments share
 * one query; each distinct set of arguments in a tick runs its own query, in parallel. In a GraphQL
 * request every item of a list asks a field with the same arguments, so this is still one query per
 * field per depth, however many items the list holds.
 *
 * `args` must be plain JSON built by our own code (stable key order): it is the cache key.
 */
export function argsLoader<A, V>(
  run: (ids: string[], args: A) => Promise<Row[]>,
  value: (row: Row, args: A) => V,
  missing: (args: A) => V,
  name: string,
): DataLoader<ArgsKey<A>, V, string> {
  return new DataLoader<ArgsKey<A>, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const key of keys) {
        const group = JSON.stringify(key.args);
        const g = groups.get(group) ?? { args: key.args, ids: [] };
        g.ids.push(key.id);
        groups.set(group, g);
      }
      const results = new Map<string, Map<string, Row>>();
      await Promise.all(
        [...groups].map(async ([group, g]) => {
          const rows = await run(g.ids, g.args);
          results.set(group, new Map(rows.map((r) => [String(r.id), r])));
        }),
      );
      return keys.map((key) => {
        const row = results.get(JSON.stringify(key.args))?.get(key.id);
        return row === undefined ? missing(key.args) : value(row, key.args);
      });
    },
    { name, cacheKeyFn: (key) => `${key.id}\u0000${JSON.stringify(key.args)}` },
  );
}

/**
 * An argsLoader for a paged list field: each row carries `items` (projections turned into records
 * by `adopt`, which also primes their loaders) and `total`; a parent with no row gets an empty page.
 */
export function pageLoader<A, T>(
  run: (ids: string[], args: A) => Promise<Row[]>,
  pageOf: (args: A) => PageArgs,
  adopt: (item: unknown) => T,
  name: string,
): DataLoader<ArgsKey<A>, Page<T>, string> {
  return argsLoader(
    run,
    (row, args) => pageFrom(row, pageOf(args), adopt),
    (args) => pageFrom(undefined, pageOf(args), adopt),
    name,
  );
}
