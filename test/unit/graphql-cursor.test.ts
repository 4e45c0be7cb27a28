/** Cursors and page arguments: opaque, round-tripping, and strict about anything they did not make. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors.js';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageArgs, toConnection } from '../../src/graphql/cursor.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : `not a DomainError: ${String(err)}`;
  }
  return undefined;
}

describe('cursors', () => {
  it('round-trip every offset and are not plain numbers', () => {
    for (const offset of [0, 1, 19, 20, 99, 12345]) {
      const cursor = encodeCursor(offset);
      expect(cursor).not.toContain(String(offset));
      expect(decodeCursor(cursor)).toBe(offset);
    }
  });

  it('are URL-safe', () => {
    expect(encodeCursor(99999)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'zzz'],
    ['a plain number', '5'],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a negative offset', Buffer.from('o:-1').toString('base64url')],
    ['a leading zero', Buffer.from('o:01').toString('base64url')],
    ['a huge offset', Buffer.from('o:99999999').toString('base64url')],
    ['padding added', `${encodeCursor(3)}==`],
    ['a character appended', `${encodeCursor(3)}!`],
  ])('rejects %s with BAD_USER_INPUT', (_label, cursor) => {
    expect(codeOf(() => decodeCursor(cursor))).toBe('BAD_USER_INPUT');
  });
});

describe('pageArgs', () => {
  it('starts at 0 without a cursor and right after the cursor with one', () => {
    expect(pageArgs(20, null)).toEqual({ offset: 0, limit: 20 });
    expect(pageArgs(5, encodeCursor(9))).toEqual({ offset: 10, limit: 5 });
  });

  it('treats an explicit null first as the default 20', () => {
    expect(pageArgs(null, undefined)).toEqual({ offset: 0, limit: 20 });
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('rejects first = %s with BAD_USER_INPUT', (first) => {
    expect(codeOf(() => pageArgs(first, null))).toBe('BAD_USER_INPUT');
  });

  it('accepts first = 1 and first = MAX_PAGE_SIZE', () => {
    expect(pageArgs(1, null).limit).toBe(1);
    expect(pageArgs(MAX_PAGE_SIZE, null).limit).toBe(MAX_PAGE_SIZE);
  });
});

describe('toConnection', () => {
  it('gives each edge the cursor of its position and reports whether more follow', () => {
    const c = toConnection({ items: ['a', 'b'], totalCount: 5, offset: 2 });
    expect(c.edges.map(({ cursor, node }) => ({ cursor, node }))).toEqual([
      { cursor: encodeCursor(2), node: 'a' },
      { cursor: encodeCursor(3), node: 'b' },
    ]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, endCursor: encodeCursor(3) });
    expect(c.totalCount).toBe(5);
  });

  it('ends the list on the last page and has no end cursor on an empty one', () => {
    expect(toConnection({ items: ['e'], totalCount: 5, offset: 4 }).pageInfo.hasNextPage).toBe(false);
    expect(toConnection({ items: [], totalCount: 0, offset: 0 }).pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it('walks a whole list page by page with the cursors it hands out', () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page = pageArgs(3, after);
      const conn = toConnection({ items: all.slice(page.offset, page.offset + page.limit), totalCount: all.length, offset: page.offset });
      seen.push(...conn.edges.map((e) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });
});
