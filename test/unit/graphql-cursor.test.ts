/** Keyset cursors and page arguments: opaque, round-tripping, and strict about anything they did not make. */
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

const QUOTE_KEY = [false, -20240102, 'article:x', 3, 'quote:x:3'] as const;

describe('cursors', () => {
  it('round-trip sort keys and do not show them', () => {
    for (const key of [QUOTE_KEY, ['putin, vladimir', 'person:putin'], [true, 0, 'summit:undated']]) {
      const cursor = encodeCursor('quote', key);
      expect(cursor).not.toContain('quote:x');
      expect(decodeCursor(cursor, 'quote')).toEqual(key);
    }
  });

  it('are URL-safe', () => {
    expect(encodeCursor('quote', QUOTE_KEY)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuse a cursor of another list's kind", () => {
    expect(codeOf(() => decodeCursor(encodeCursor('summit', [false, -20240102, 'summit:a']), 'quote'))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['empty', ''],
    ['garbage', 'zzz'],
    ['a plain number', '5'],
    ['an old offset cursor', Buffer.from('o:5').toString('base64url')],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a key without an id', Buffer.from(JSON.stringify(['quote', false, 1])).toString('base64url')],
    ['a key holding an object', Buffer.from(JSON.stringify(['quote', {}, 'quote:x'])).toString('base64url')],
    ['a key holding a fraction', Buffer.from(JSON.stringify(['quote', 1.5, 'quote:x'])).toString('base64url')],
    ['a key too long', Buffer.from(JSON.stringify(['quote', ...new Array(12).fill(1), 'quote:x'])).toString('base64url')],
    ['spacing added to the JSON', Buffer.from(JSON.stringify(['quote', ...QUOTE_KEY], null, 1)).toString('base64url')],
    ['padding added', `${encodeCursor('quote', QUOTE_KEY)}==`],
    ['a character appended', `${encodeCursor('quote', QUOTE_KEY)}!`],
  ])('rejects %s with BAD_USER_INPUT', (_label, cursor) => {
    expect(codeOf(() => decodeCursor(cursor, 'quote'))).toBe('BAD_USER_INPUT');
  });
});

describe('pageArgs', () => {
  const cursor = encodeCursor('quote', QUOTE_KEY);

  it('pages forward from the start, or after a cursor', () => {
    expect(pageArgs('quote', { first: 20 })).toEqual({ limit: 20, after: null, before: null, backward: false });
    expect(pageArgs('quote', { first: 5, after: cursor })).toEqual({ limit: 5, after: QUOTE_KEY, before: null, backward: false });
  });

  it('pages backward with last, or with before alone (first, the SDL default, as its size)', () => {
    expect(pageArgs('quote', { first: 20, last: 3 })).toEqual({ limit: 3, after: null, before: null, backward: true });
    expect(pageArgs('quote', { first: 20, last: 3, before: cursor })).toEqual({ limit: 3, after: null, before: QUOTE_KEY, backward: true });
    expect(pageArgs('quote', { first: 7, before: cursor })).toEqual({ limit: 7, after: null, before: QUOTE_KEY, backward: true });
  });

  it('treats an explicit null first as the default 20', () => {
    expect(pageArgs('quote', { first: null }).limit).toBe(20);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('rejects first = %s and last = %s with BAD_USER_INPUT', (n) => {
    expect(codeOf(() => pageArgs('quote', { first: n }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageArgs('quote', { last: n }))).toBe('BAD_USER_INPUT');
  });

  it('names the argument whose cursor is bad', () => {
    expect(() => pageArgs('quote', { before: 'zzz' })).toThrow(/before/);
  });
});

describe('toConnection', () => {
  it('gives each edge the cursor of its key and the page its start and end', () => {
    const keys = [
      ['a', 'person:a'],
      ['b', 'person:b'],
    ];
    const conn = toConnection<string>('person')({ items: ['A', 'B'], keys, totalCount: 5, hasNextPage: true, hasPreviousPage: false });
    expect(conn.edges.map(({ cursor, node }) => [decodeCursor(cursor, 'person'), node])).toEqual([
      [keys[0], 'A'],
      [keys[1], 'B'],
    ]);
    expect(decodeCursor(conn.pageInfo.startCursor as string, 'person')).toEqual(keys[0]);
    expect(decodeCursor(conn.pageInfo.endCursor as string, 'person')).toEqual(keys[1]);
    expect([conn.pageInfo.hasNextPage, conn.pageInfo.hasPreviousPage, conn.totalCount]).toEqual([true, false, 5]);
  });

  it('has no cursors on an empty page', () => {
    const conn = toConnection<string>('person')({ items: [], keys: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
    expect([conn.pageInfo.startCursor, conn.pageInfo.endCursor]).toEqual([null, null]);
  });
});
