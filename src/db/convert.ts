import neo4j from 'neo4j-driver';

/**
 * Converts driver values to plain JavaScript, recursively: Integer -> number (or string when beyond
 * 2^53, which ids and counts never reach), Date -> "YYYY-MM-DD", DateTime/LocalDateTime -> ISO string,
 * Node -> its properties plus `labels`, Relationship -> its properties plus `type`.
 *
 * This is the one place driver objects are unwrapped, so nothing above the db layer ever sees them.
 */
export function toPlain(value: unknown): unknown {
  // Strings, numbers and booleans first: most values are these (this runs on every value of every
  // row, so the order of the checks and the absence of intermediate objects show in the server's CPU).
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i]);
    return out;
  }
  if (neo4j.isInt(value)) {
    const i = value as ReturnType<typeof neo4j.int>;
    return i.inSafeRange() ? i.toNumber() : i.toString();
  }
  if (neo4j.isNode(value)) {
    const out = plainObject(value.properties);
    out.labels = value.labels;
    return out;
  }
  if (neo4j.isDate(value)) return isoDate(value);
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) {
    return new Date(value.toString()).toISOString();
  }
  if (neo4j.isRelationship(value)) {
    const out = plainObject(value.properties);
    out.type = value.type;
    return out;
  }
  if (neo4j.isPath(value)) {
    return value.segments.map((s) => ({
      start: toPlain(s.start),
      relationship: toPlain(s.relationship),
      end: toPlain(s.end),
    }));
  }
  return plainObject(value as Record<string, unknown>);
}

function plainObject(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) setOwn(out, k, toPlain(props[k]));
  return out;
}

/**
 * `target[key] = value` for a key from data: a key named `__proto__` becomes a plain own property
 * (defined), where assigning it would replace the object's prototype. Every other key is assigned,
 * which V8 runs several times faster than `Object.defineProperty`.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "YYYY-MM-DD" from the date's fields as numbers: the driver's own toString formats through its
 * 64-bit Integer arithmetic, a visible share of the CPU of a list of dated summits. Years outside
 * 0000-9999 (ISO 8601's expanded form) are left to the driver.
 */
function isoDate(d: InstanceType<typeof neo4j.types.Date>): string {
  const year = Number(d.year);
  if (year < 0 || year > 9999) return d.toString();
  return `${String(year).padStart(4, '0')}-${pad2(Number(d.month))}-${pad2(Number(d.day))}`;
}

/** "YYYY-MM-DD" -> a Neo4j DATE parameter. The writing direction's one conversion. */
export function toNeo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new TypeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A whole number -> a Neo4j INTEGER parameter (a plain JS number would be stored as FLOAT). */
export function toNeo4jInt(n: number): ReturnType<typeof neo4j.int> {
  if (!Number.isInteger(n)) throw new TypeError(`not a whole number: ${n}`);
  return neo4j.int(n);
}
