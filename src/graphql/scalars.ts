import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * The Date and DateTime scalars. The db layer already turns Neo4j temporal values into strings
 * (Date -> "YYYY-MM-DD", DateTime -> ISO instant), so serializing only checks and normalizes; a
 * driver object reaching here is a bug and fails loudly instead of leaking to a client. Input is
 * validated strictly and rejected with BAD_USER_INPUT.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 instant with an explicit zone (Z or ±hh:mm); fractional seconds optional.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is "YYYY-MM-DD" naming a real day of the Gregorian calendar (2019-02-29 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** BAD_USER_INPUT pointing at the literal (when the value came from the query text). */
const badInput = (message: string, node?: ValueNode): GraphQLError =>
  new GraphQLError(message, { ...(node ? { nodes: node } : {}), extensions: { code: 'BAD_USER_INPUT' } });

function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw badInput(`Date must be a calendar date written YYYY-MM-DD, e.g. 2019-04-25; got ${show(value, node)}`, node);
  }
  return value;
}

function parseDateTime(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(
      `DateTime must be an ISO 8601 date-time with a zone, e.g. 2019-04-25T09:30:00Z; got ${show(value, node)}`,
      node,
    );
  }
  return new Date(value).toISOString();
}

/** The bad value as the client wrote it: the JSON value, or the literal's source text. */
function show(value: unknown, node?: ValueNode): string {
  if (node !== undefined) return node.loc ? node.loc.source.body.slice(node.loc.start, node.loc.end) : node.kind;
  return JSON.stringify(value) ?? String(value);
}

/** A literal's string value; other literal kinds (numbers, enums...) are never valid dates. */
function literal(ast: ValueNode): unknown {
  return ast.kind === Kind.STRING ? ast.value : undefined;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO 8601 calendar date without a time or zone, e.g. `2019-04-25`.',
  serialize(value) {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}: expected a YYYY-MM-DD string`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literal(ast), ast),
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'ISO 8601 instant in UTC, e.g. `2019-04-25T09:30:00.000Z`.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Date(value).toISOString();
    }
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}: expected an ISO 8601 instant`);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literal(ast), ast),
});
