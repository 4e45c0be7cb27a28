import neo4j from 'neo4j-driver';

/**
 * Converts driver values to plain JavaScript, recursively: Integer -> number (or string when beyond
 * 2^53, which ids and counts never reach), Date -> "YYYY-MM-DD", DateTime/LocalDateTime -> ISO string,
 * Node -> its properties plus `labels`, Relationship -> its properties plus `type`.
 *
 * This is the one place driver objects are unwrapped, so nothing above the db layer ever sees them.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    const i = value as ReturnType<typeof neo4j.int>;
    return i.inSafeRange() ? i.toNumber() : i.toString();
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) {
    return new Date(value.toString()).toISOString();
  }
  if (neo4j.isNode(value)) {
    return { ...(toPlain(value.properties) as object), labels: value.labels };
  }
  if (neo4j.isRelationship(value)) {
    return { ...(toPlain(value.properties) as object), type: value.type };
  }
  if (neo4j.isPath(value)) {
    return value.segments.map((s) => ({
      start: toPlain(s.start),
      relationship: toPlain(s.relationship),
      end: toPlain(s.end),
    }));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
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
