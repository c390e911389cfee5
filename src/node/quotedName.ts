/**
 * File names in the CLI's line-based reports (`stories`, the text report). A name may hold any
 * character but `/` and NUL: a newline or a tab in one would break its line, or its columns,
 * for the reader and for `cut` or `awk` alike.
 */

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the invisible marks
 * that set the direction of the text after them (U+061C, U+200E, U+200F, U+202A to U+202E,
 * U+2066 to U+2069): printed as they are, they reorder the rest of the line on screen, so that
 * a name can pass for another or hide the columns after it.
 */
const UNPRINTABLE = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2066-\\u2069';
const NEEDS_QUOTES = new RegExp(`[${UNPRINTABLE}]`);
/** What a quoted name escapes: those, the double quote and the backslash. */
const ESCAPED = new RegExp(`[${UNPRINTABLE}"\\\\]`, 'g');
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * `name` as it is, or, where it holds a control character, a line separator or a mark of
 * direction, or starts with a double quote, in double quotes with C escapes (`\n`, `\t`,
 * `\r`, `\"`, `\\`, else `\u` and four hex digits). Plain names, backslashes and all, print
 * as they are. O(length).
 */
export function quotedName(name: string): string {
  if (!NEEDS_QUOTES.test(name) && !name.startsWith('"')) return name;
  return `"${name.replace(ESCAPED, escapedCharacter)}"`;
}

/** A character as `quotedName` writes it: a C escape, else `\u` and four hex digits. */
function escapedCharacter(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The characters that break or reorder a line, which `quotedName` escapes (not the quote or the backslash). */
const UNPRINTABLE_ONLY = new RegExp(`[${UNPRINTABLE}]`, 'g');

/**
 * `line` with every control character, line separator and mark of direction in it escaped as
 * `quotedName` escapes them (`\n`, `\t`, `\r`, else `\u` and four hex digits), so that a message
 * naming such a file stays one line on the terminal. O(length).
 */
export function unbrokenLine(line: string): string {
  return line.replace(UNPRINTABLE_ONLY, escapedCharacter);
}
