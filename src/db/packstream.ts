import { createRequire } from 'node:module';
import { setOwn } from './convert.js';

/**
 * A faster map decoder for the driver's Bolt unpacker: the one change we make inside neo4j-driver.
 *
 * neo4j-driver 6.3 decodes every map of a result (every row, every projection `{id, name}`) by
 * calling `Object.defineProperty` once per key, a fix against a map key named `__proto__` replacing
 * the object's prototype (neo4j-javascript-driver#1455). V8 runs that about 7x slower than a plain
 * assignment (1.0 vs 0.15 microseconds for a 3-key map on this machine), and it was the single
 * largest cost of our server on list-heavy requests: 14% of its CPU on a leader's 178 summits and
 * 257 people met (bench/README.md). The replacement assigns keys plainly and keeps
 * `defineProperty` for the one key that needs it, so the result is the same object with the same
 * own, enumerable, writable properties in the same order, and `__proto__` is still a plain property.
 *
 * The patch is applied once per process, to the unpacker the installed neo4j-driver itself loads
 * (resolved from neo4j-driver's own folder, whatever npm hoisted). It is applied only when the
 * original is the function this was written against (its source is checked); after a driver
 * upgrade that changes it, the driver's own decoder stays and `packstreamPatch()` says why, which
 * a unit test turns into a failure to look at.
 */

/** What `installPackstreamPatch` did: 'applied', or why it left the driver as it was. */
export type PackstreamPatchState = 'applied' | `skipped: ${string}`;

export interface UnpackerPrototype {
  unpack(buffer: unknown, hydrate: unknown): unknown;
  _unpackMapWithSize(size: number, buffer: unknown, hydrate: unknown): Record<string, unknown>;
}

/** The body of neo4j-driver 6.3's `_unpackMapWithSize`, whitespace removed: what the patch replaces. */
const EXPECTED_ORIGINAL =
  'function(size,buffer,hydrateStructure){varvalue={};for(vari=0;i<size;i++){varkey=this.unpack(buffer,hydrateStructure);varunpacked=this.unpack(buffer,hydrateStructure);' +
  "//WeusedefinePropertytonotallowmapswithapropertycalled'__proto__'toaltertheobjectsprototype.Object.defineProperty(value,key,{value:unpacked,writable:true,enumerable:true,configurable:true});}returnvalue;}";

/** The replacement: as the driver decodes a map, with each key set by setOwn (src/db/convert.ts). */
export function unpackMapWithSize(this: UnpackerPrototype, size: number, buffer: unknown, hydrate: unknown): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    const key = this.unpack(buffer, hydrate) as string;
    setOwn(value, key, this.unpack(buffer, hydrate));
  }
  return value;
}

let state: PackstreamPatchState | undefined;

/** Installs the faster map decoder (once per process) and says whether it did. */
export function installPackstreamPatch(): PackstreamPatchState {
  state ??= install();
  return state;
}

/** The state of the patch: undefined before `installPackstreamPatch` has run. */
export function packstreamPatch(): PackstreamPatchState | undefined {
  return state;
}

/** Packer and unpacker of packstream v1 (Bolt 5 uses v2, whose classes extend these). */
export interface Packstream {
  Packer: new (channel: unknown) => { packable(value: unknown): () => void };
  Unpacker: { new (disableLosslessIntegers?: boolean): UnpackerPrototype; prototype: UnpackerPrototype };
  /** A channel buffer of `size` bytes to pack into; `reset()` rewinds it for unpacking. */
  alloc(size: number): { reset(): void };
}

/** The packstream of the neo4j-driver-bolt-connection that the installed neo4j-driver loads. */
export function driverPackstream(): Partial<Packstream> {
  const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
  const bolt = fromDriver('neo4j-driver-bolt-connection') as {
    packstream?: { v1?: Partial<Packstream> };
    channel?: { alloc?: Packstream['alloc'] };
  };
  return Object.assign({}, bolt.packstream?.v1, { alloc: bolt.channel?.alloc });
}

function install(): PackstreamPatchState {
  let proto: UnpackerPrototype | undefined;
  try {
    proto = driverPackstream().Unpacker?.prototype;
  } catch (err) {
    return `skipped: neo4j-driver-bolt-connection not loadable (${err instanceof Error ? err.message : String(err)})`;
  }
  if (proto === undefined || typeof proto._unpackMapWithSize !== 'function') return 'skipped: no Unpacker._unpackMapWithSize';
  const source = proto._unpackMapWithSize.toString().replace(/\s+/g, '');
  if (source !== EXPECTED_ORIGINAL) return 'skipped: the driver decodes maps differently from 6.3';
  proto._unpackMapWithSize = unpackMapWithSize;
  return 'applied';
}
