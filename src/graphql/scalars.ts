import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { apiError } from './error-codes.js';

/**
 * The Date and DateTime scalars. The db layer already turns Neo4j temporal values into strings
 * (Date -> "YYYY-MM-DD", DateTime -> ISO instant), so serializing only checks and normalizes; a
 * driver object reaching here is a bug and fails loudly instead of leaking to a client. Input is
 * validated strictly and rejected with BAD_USER_INPUT.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 instant with an explicit zone (Z or ±hh:mm); fractional seconds optional.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * True when `value` is "YYYY-MM-DD" naming a real day of the proleptic Gregorian calendar, as Neo4j's
 * DATE does (2019-02-29 is not; 2000-02-29 and 0050-01-01 are). Every Date the API returns passes
 * through it, so it reads the digits in place instead of allocating a match array and a Date.
 */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits value[from..to) (the caller has checked they are digits). */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

/** BAD_USER_INPUT pointing at the literal (when the value came from the query text). */
const badInput = (message: string, node?: ValueNode): GraphQLError => apiError('BAD_USER_INPUT', message, node ? { nodes: node } : {});

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
  serialize(value) {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}: expected a YYYY-MM-DD string`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literal(ast), ast),
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
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

/**
 * What the schema takes of a scalar: its behaviour only. Its description is the SDL's
 * (schema/scalars.graphql): graphql-tools copies every property of a GraphQLScalarType resolver onto
 * the schema's type, description included, so passing the instance would replace the SDL's text.
 */
export function scalarBehaviour(type: GraphQLScalarType<string, string>): Pick<GraphQLScalarType<string, string>, 'serialize' | 'parseValue' | 'parseLiteral'> {
  return { serialize: type.serialize, parseValue: type.parseValue, parseLiteral: type.parseLiteral };
}
