import { badInput } from '../errors.js';

/**
 * Argument checks shared by resolvers. Each throws BAD_USER_INPUT naming the argument and the bad
 * value, so a client can fix the request from the message alone.
 */

/** Ids look like `kind:slug` (person:kim-jong-un, country:PRK, article:15fc837faf60e174). */
const ID = /^[a-z]+:\S+$/;
const MAX_ID_LENGTH = 200;

/** Checks an id argument's form (not its existence). */
export function checkId(name: string, value: string): string {
  if (value.length > MAX_ID_LENGTH || !ID.test(value)) {
    throw badInput(`${name} must be an id like person:kim-jong-un, got ${JSON.stringify(value)}`, { [name]: value });
  }
  return value;
}

/** checkId for an optional argument; null and undefined become null. */
export function checkOptionalId(name: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : checkId(name, value);
}

/** Checks a whole number in [min, max]; a missing value takes `fallback` (the SDL default). */
export function intInRange(name: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badInput(`${name} must be between ${min} and ${max}, got ${n}`, { [name]: n });
  }
  return n;
}

/** A confidence between 0 and 1; anything else is rejected. */
export function confidence(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw badInput(`${name} must be between 0 and 1, got ${value}`, { [name]: value });
  return value;
}

/** Trims free text; blank becomes null. Longer than `max` characters is rejected. */
export function optionalText(name: string, value: string | null | undefined, max = 200): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > max) throw badInput(`${name} must be at most ${max} characters`, { [name]: value.slice(0, 50) });
  return text === '' ? null : text;
}
