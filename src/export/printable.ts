/**
 * Text of the versions in the CLI's line-based reports (`stories`, the text report), where it
 * reaches a terminal: a page dump may hold control characters, and an escape sequence among
 * them would retitle the terminal, clear it or move its cursor. File names are quoted apart
 * (`quotedName`).
 */

/** C0 controls but the line feed, DEL, C1 controls, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * `text` with a tab as a space (it would break a listing's columns) and every other control
 * character but the line feed as U+FFFD, as the HTML and TEI exports write them; the length is
 * kept, so text wrapped before stays wrapped. O(length).
 */
export function printable(text: string): string {
  return text.replace(CONTROL, c => (c === '\t' ? ' ' : '\ufffd'));
}
