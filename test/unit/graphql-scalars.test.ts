/** The Date and DateTime scalars: strict input, no driver objects on output. */
import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, isIsoDate } from '../../src/graphql/scalars.js';

function badInputMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (err as GraphQLError).message;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('Date', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2019-04-25')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('2019-4-25')).toBe(false);
    expect(isIsoDate('2019-04-25T00:00:00Z')).toBe(false);
    expect(isIsoDate('2019-04-31')).toBe(false);
    expect(isIsoDate('2019-00-10')).toBe(false);
    expect(isIsoDate('2019-04-00')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('２０１９-04-25')).toBe(false);
    // Years before 100 are real years too (Neo4j's DATE holds them); Date.UTC would read 50 as 1950.
    expect(isIsoDate('0050-01-01')).toBe(true);
    expect(isIsoDate('0000-02-29')).toBe(true);
  });

  it('agrees with the calendar of the JavaScript Date on every day, month and leap rule of 1596-2404', () => {
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    let checked = 0;
    for (let y = 1596; y <= 2404; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          if (isIsoDate(text) !== real) throw new Error(`${text}: isIsoDate ${!real}, calendar ${real}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(809 * 14 * 33);
  });

  it('parses variables and literals, rejecting anything else with BAD_USER_INPUT', () => {
    expect(DateScalar.parseValue('2019-04-25')).toBe('2019-04-25');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2019-04-25' })).toBe('2019-04-25');
    expect(badInputMessage(() => DateScalar.parseValue('25/04/2019'))).toContain('YYYY-MM-DD');
    badInputMessage(() => DateScalar.parseValue(20190425));
    badInputMessage(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '2019' }));
  });

  it('serializes "YYYY-MM-DD" strings and refuses anything else loudly', () => {
    expect(DateScalar.serialize('2019-04-25')).toBe('2019-04-25');
    expect(() => DateScalar.serialize({ year: 2019, month: 4, day: 25 })).toThrow(/Date cannot represent/);
    expect(() => DateScalar.serialize('2019-02-30')).toThrow(/Date cannot represent/);
  });
});

describe('DateTime', () => {
  it('normalizes any zoned ISO instant to UTC', () => {
    expect(DateTimeScalar.parseValue('2019-04-25T12:00:00+09:00')).toBe('2019-04-25T03:00:00.000Z');
    expect(DateTimeScalar.serialize('2019-04-25T03:00:00Z')).toBe('2019-04-25T03:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2019, 3, 25)))).toBe('2019-04-25T00:00:00.000Z');
  });

  it('rejects instants without a zone and non-dates', () => {
    badInputMessage(() => DateTimeScalar.parseValue('2019-04-25T12:00:00'));
    badInputMessage(() => DateTimeScalar.parseValue('yesterday'));
    expect(() => DateTimeScalar.serialize(42)).toThrow(/DateTime cannot represent/);
  });
});
