/**
 * The driver's map decoder as we run it (src/db/packstream.ts): createDriver replaces neo4j-driver
 * 6.3's `_unpackMapWithSize` with one that assigns keys plainly, and results must be exactly what
 * the driver's own decoder gives: the same own, enumerable, writable properties in the same order,
 * nothing inherited, and a key named `__proto__` kept as a plain property, never the prototype.
 * test/unit/db-packstream.test.ts compares the two decoders byte for byte; this runs real results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packstreamPatch } from '../../src/db/packstream.js';
import { openTestDb, type TestDb } from '../support/neo4j.js';
import { objectShape as shape } from '../support/shape.js';

let t: TestDb;

beforeAll(() => {
  t = openTestDb();
});

afterAll(async () => {
  await t.close();
});

describe('result maps through the patched decoder', () => {
  it('is installed by createDriver (a driver upgrade that changes the decoder fails here: see src/db/packstream.ts)', () => {
    expect(packstreamPatch()).toBe('applied');
  });

  it('decodes maps with awkward keys as plain objects, with __proto__ as a property, through toPlain too', async () => {
    const value = { b: 1, a: [1, 2, { c: 'x' }], '': 'empty key', 'with space': true, n: null };
    const [row] = await t.db.read('test.maps', { value });
    const r = row as Record<string, any>;

    expect(r.echoed).toEqual(value);

    // Index-like keys come first in any JavaScript object (Neo4j keeps no key order for the rest).
    expect(Object.keys(r.odd).slice(0, 2)).toEqual(['0', '1']);
    expect(Object.keys(r.odd).sort()).toEqual(['0', '1', '__proto__', 'constructor', 'name', 'été']);
    expect(Object.getPrototypeOf(r.odd)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(r.odd, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(r.odd, '__proto__')?.value).toEqual({ polluted: true });
    expect(r.odd.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.odd.constructor).toBe('c');
    expect(r.odd['été']).toBe('summer');

    const inner = r.nested[0].inner;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(inner, '__proto__')?.value).toBe(1);
    expect(inner.x).toEqual([{}, { y: null }]);
    expect(r.empty).toEqual({});

    // Every property plain: own, writable, enumerable, configurable (as defineProperty made them).
    const flags = JSON.stringify(shape(r)).match(/"[^"]*",(true|false),(true|false),(true|false)/g) ?? [];
    expect(flags.length).toBeGreaterThan(20);
    for (const f of flags) expect(f).toMatch(/,true,true,true$/);
  });
});
