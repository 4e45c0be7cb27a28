/**
 * Calendar dates as the seed format and raw articles write them: `YYYY-MM-DD`, a real day of the
 * Gregorian calendar. `Date.parse('2019-02-30')` accepts that day and rolls it over to March 2;
 * this check refuses it, so a date is stored as written or not at all.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when `text` is `YYYY-MM-DD` naming a day that exists (2020-02-29 yes, 2019-02-29 no). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const last = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= last;
}
