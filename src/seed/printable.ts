/**
 * Text from input files (file names, names, values) printed safely in messages: a file name with a
 * newline cannot print a fake `file:1:1:` line, and an escape sequence in a name cannot move the
 * terminal's cursor or change its colours.
 */

/** C0 and C1 controls, DEL, line/paragraph separators, bidirectional overrides and isolates. */
const UNPRINTABLE_CLASS = String.raw`[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE_CLASS);
const EVERY_UNPRINTABLE = new RegExp(UNPRINTABLE_CLASS, 'g');

/**
 * `text` with every control character, bidirectional override and lone surrogate written as a
 * `\u{...}` escape. Printable text is returned unchanged.
 */
export function printable(text: string): string {
  if (!HAS_UNPRINTABLE.test(text)) return text;
  return text.replace(EVERY_UNPRINTABLE, (ch) => `\\u{${(ch.codePointAt(0) as number).toString(16)}}`);
}

/** A value shown in a message: JSON, at most `max` characters (then `...`), printable. Never throws. */
export function shown(value: unknown, max = 80): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value.length > max ? value.slice(0, max) : value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? '[...]' : typeof value === 'object' && value !== null ? '{...}' : String(value);
  }
  if (typeof value === 'string' && value.length > max) text = `${text.slice(0, -1)}..." (${value.length} characters)`;
  else if (text.length > max + 2) text = `${text.slice(0, max)}...`;
  return printable(text);
}
