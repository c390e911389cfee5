/**
 * File names in the CLI's line-based reports (`stories`, the text report). A name may hold any
 * character but `/` and NUL: a newline or a tab in one would break its line, or its columns,
 * for the reader and for `cut` or `awk` alike.
 */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const BREAKS_A_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ESCAPED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"\\]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * `name` as it is, or, where it holds a control character or a line separator, or starts
 * with a double quote, in double quotes with C escapes (`\n`, `\t`, `\r`, `\"`, `\\`, else
 * `\u` and four hex digits). Plain names, backslashes and all, print as they are. O(length).
 */
export function quotedName(name: string): string {
  if (!BREAKS_A_LINE.test(name) && !name.startsWith('"')) return name;
  const escaped = name.replace(ESCAPED, c => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}
