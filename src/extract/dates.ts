/**
 * Dates in news text, resolved against the article's publication date: "April 25, 2019", "June 8-9",
 * "on Friday" (the last Friday on or before the date, or the next one when the sentence speaks of
 * the future: "set for Friday", "will meet on Tuesday"), "today", "yesterday", "tomorrow".
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';

export function isoDate(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

/** The latest date on or before `published` that falls on `weekday` (or the next one after it, for the future). */
export function weekdayNear(weekday: string, published: string, future: boolean): string {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const d = new Date(`${published}T00:00:00Z`);
  const day = d.getUTCDay();
  if (future) d.setUTCDate(d.getUTCDate() + (((target - day + 7) % 7) || 7));
  else d.setUTCDate(d.getUTCDate() - ((day - target + 7) % 7));
  return d.toISOString().slice(0, 10);
}

export interface DateFound {
  /** First day, YYYY-MM-DD. */
  date: string;
  /** Last day of a range ("June 8-9"), when the text gives one. */
  endDate?: string;
  /** Offset of the date expression in the text it was found in. */
  index: number;
  kind: 'full' | 'weekday' | 'relative';
}

/**
 * Every date a piece of text states, in order. `future` says that the text speaks of the future (a
 * weekday then means the next one). Without a publication date only full dates are found.
 */
export function datesIn(text: string, published: string | undefined, future = false): DateFound[] {
  const out: DateFound[] = [];
  const full = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g');
  for (const m of text.matchAll(full)) {
    const year = m[4] ? Number(m[4]) : published ? Number(published.slice(0, 4)) : undefined;
    const mo = monthIndex(m[1] as string);
    const day = Number(m[2]);
    if (!year || mo < 1 || day < 1 || day > 31) continue;
    let date = isoDate(year, mo, day);
    // A month later than the publication month without a year is last year's ("December" in January).
    if (!m[4] && published && date > addDays(published, 180)) date = isoDate(year - 1, mo, day);
    const end = m[3] ? isoDate(Number(date.slice(0, 4)), mo, Number(m[3])) : undefined;
    out.push({ date, ...(end && end > date ? { endDate: end } : {}), index: m.index, kind: 'full' });
  }
  // "1 January", "27 May 2018" (day first).
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?\\b`, 'g');
  for (const m of text.matchAll(dayFirst)) {
    const year = m[3] ? Number(m[3]) : published ? Number(published.slice(0, 4)) : undefined;
    const mo = monthIndex(m[2] as string);
    if (!year || mo < 1) continue;
    out.push({ date: isoDate(year, mo, Number(m[1])), index: m.index, kind: 'full' });
  }
  if (published) {
    for (const m of text.matchAll(/\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g)) {
      // "last Friday" is always past; "next Friday" always future.
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      const fut = /\bnext\s+$/i.test(before) ? true : /\blast\s+$/i.test(before) ? false : future;
      out.push({ date: weekdayNear(m[1] as string, published, fut), index: m.index, kind: 'weekday' });
    }
    for (const m of text.matchAll(/\b(today|tonight|this morning|this afternoon|this evening|yesterday|tomorrow)\b/gi)) {
      const w = (m[1] as string).toLowerCase();
      out.push({ date: addDays(published, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0), index: m.index, kind: 'relative' });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A date stated in a sentence: "April 25, 2019", "on June 12", or a weekday before `published`. */
export function resolveDate(text: string, published: string | undefined): string | undefined {
  const found = datesIn(text, published);
  const on = found.find((d) => d.kind === 'weekday' && /\b(?:on|since|from|late on|early on|last)\s+$/.test(text.slice(Math.max(0, d.index - 9), d.index)));
  return (on ?? found.find((d) => d.kind !== 'relative') ?? found[0])?.date;
}

/** ISO date of the first "Month D, YYYY" in the text (a dateline or photo caption), if any. */
export function findFirstDate(text: string): string | undefined {
  const m = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`).exec(text);
  if (!m) return undefined;
  return isoDate(Number(m[3]), monthIndex(m[1] as string), Number(m[2]));
}
