import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/db/convert.js';

const { Date: Neo4jDate, Node, Relationship, DateTime } = neo4j.types;

describe('toPlain', () => {
  it('passes strings, numbers and booleans through, and turns undefined into null', () => {
    expect(toPlain('Kim')).toBe('Kim');
    expect(toPlain(2.5)).toBe(2.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });

  it('turns Integers into numbers, or strings beyond 2^53', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('formats dates as YYYY-MM-DD, padded, as the driver does', () => {
    for (const [y, m, d] of [
      [2019, 4, 25],
      [1, 1, 1],
      [999, 12, 31],
      [9999, 10, 9],
    ] as const) {
      const date = new Neo4jDate(neo4j.int(y), neo4j.int(m), neo4j.int(d));
      expect(toPlain(date)).toBe(date.toString());
    }
    expect(toPlain(new Neo4jDate(2019, 4, 25))).toBe('2019-04-25');
    // Outside 0000-9999 the driver's expanded form.
    expect(toPlain(new Neo4jDate(neo4j.int(-44), neo4j.int(3), neo4j.int(15)))).toBe(new Neo4jDate(neo4j.int(-44), neo4j.int(3), neo4j.int(15)).toString());
    expect(toPlain(new Neo4jDate(neo4j.int(12000), neo4j.int(1), neo4j.int(2)))).toBe(new Neo4jDate(neo4j.int(12000), neo4j.int(1), neo4j.int(2)).toString());
  });

  it('turns date-times into ISO instants', () => {
    expect(toPlain(new DateTime(2019, 4, 25, 13, 30, 0, 0, 0))).toBe('2019-04-25T13:30:00.000Z');
  });

  it('turns nodes into their properties plus labels, and relationships into properties plus type, recursively', () => {
    const node = new Node(neo4j.int(1), ['Entity', 'Summit'], { id: 'summit:x', date: new Neo4jDate(2019, 4, 25), aliases: ['X'], n: neo4j.int(3) }, '4:x:1');
    expect(toPlain(node)).toEqual({ id: 'summit:x', date: '2019-04-25', aliases: ['X'], n: 3, labels: ['Entity', 'Summit'] });
    const rel = new Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'ATTENDED', { sources: ['article:a'] }, '5:x:2', '4:x:1', '4:x:3');
    expect(toPlain(rel)).toEqual({ sources: ['article:a'], type: 'ATTENDED' });
    expect(toPlain({ items: [node], total: neo4j.int(1) })).toEqual({ items: [toPlain(node)], total: 1 });
  });

  it('keeps a key named __proto__ as a plain property instead of replacing the prototype', () => {
    const map = Object.defineProperty({ a: neo4j.int(1) }, '__proto__', { value: { polluted: neo4j.int(2) }, enumerable: true });
    const out = toPlain(map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['a', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: 2 });
    expect(out.polluted).toBeUndefined();
  });
});
