/**
 * src/db/packstream.ts against the decoder it replaces. Values are packed into Bolt bytes with the
 * driver's own Packer, then unpacked twice from the same bytes: with neo4j-driver 6.3's
 * `_unpackMapWithSize` (copied below as the reference) and with ours. The objects must agree in
 * every own property, its descriptor and its position, and in their prototype.
 */
import { describe, expect, it } from 'vitest';
import { driverPackstream, installPackstreamPatch, unpackMapWithSize, type Packstream, type UnpackerPrototype } from '../../src/db/packstream.js';
import { objectShape as shape } from '../support/shape.js';

/** neo4j-driver 6.3.0's decoder (packstream-v1.js), as shipped. */
function reference(this: UnpackerPrototype, size: number, buffer: unknown, hydrate: unknown): Record<string, unknown> {
  const value = {};
  for (let i = 0; i < size; i++) {
    const key = this.unpack(buffer, hydrate) as string;
    const unpacked = this.unpack(buffer, hydrate);
    Object.defineProperty(value, key, { value: unpacked, writable: true, enumerable: true, configurable: true });
  }
  return value;
}

const packstream = driverPackstream() as Packstream;

/** Packs `value` with the driver's Packer and unpacks it with the given map decoder. */
function roundTrip(value: unknown, decoder: UnpackerPrototype['_unpackMapWithSize']): unknown {
  const channel = packstream.alloc(1 << 16);
  new packstream.Packer(channel).packable(value)();
  channel.reset();
  const unpacker = new packstream.Unpacker(true);
  unpacker._unpackMapWithSize = decoder;
  return unpacker.unpack(channel, (x: unknown) => x);
}

/** A deterministic pseudo-random generator (mulberry32), so that failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['id', 'name', 'date', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '1', '10', '-1', '1.5', '', ' ', 'été', '名前', 'a'.repeat(300)];

/** A random JSON-like value: maps of the keys above (some repeated), lists, strings, numbers. */
function randomValue(next: () => number, depth: number): unknown {
  const kind = depth > 3 ? Math.floor(next() * 4) : Math.floor(next() * 6);
  if (kind === 0) return null;
  if (kind === 1) return next() < 0.5;
  if (kind === 2) return Math.floor(next() * 1000) - 500;
  if (kind === 3) return KEYS[Math.floor(next() * KEYS.length)];
  if (kind === 4) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const map: Record<string, unknown> = {};
  const size = Math.floor(next() * 6);
  for (let i = 0; i < size; i++) {
    Object.defineProperty(map, KEYS[Math.floor(next() * KEYS.length)] as string, {
      value: randomValue(next, depth + 1),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return map;
}

describe('the faster map decoder', () => {
  it('is installed on the driver this project depends on (after an upgrade that changes it: re-check it)', () => {
    expect(installPackstreamPatch()).toBe('applied');
    expect(packstream.Unpacker.prototype._unpackMapWithSize).toBe(unpackMapWithSize);
  });

  it('decodes awkward keys as the driver does, __proto__ as a plain property', () => {
    const value = Object.defineProperty({ b: 1, 1: 'one', constructor: 'c', '': 'empty', 0: 'zero' }, '__proto__', {
      value: { polluted: true },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const ours = roundTrip(value, unpackMapWithSize) as Record<string, unknown>;
    expect(shape(ours)).toEqual(shape(roundTrip(value, reference)));
    expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(ours, '__proto__')?.value).toEqual({ polluted: true });
    expect((ours as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(ours)).toEqual(['0', '1', 'b', 'constructor', '', '__proto__']);
  });

  it('agrees with the driver on 2,000 random nested values, property by property', () => {
    const next = random(20261128);
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(next, 0);
      const ours = shape(roundTrip(value, unpackMapWithSize));
      const theirs = shape(roundTrip(value, reference));
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect(ours, `value ${i}`).toEqual(theirs);
    }
  });

  it('gives whole result rows as the driver does: a page of light projections', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, name: `Summit ${i}`, date: `2019-04-${String((i % 28) + 1).padStart(2, '0')}` }));
    expect(shape(roundTrip(rows, unpackMapWithSize))).toEqual(shape(roundTrip(rows, reference)));
    expect(roundTrip(rows, unpackMapWithSize)).toEqual(rows);
  });
});
