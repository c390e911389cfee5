/**
 * Escaping for the HTML and XML exports. Document text is data from elsewhere: every character
 * that could open markup is escaped, and characters XML 1.0 forbids (control characters, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD, so the output always parses; so do DEL, the C1
 * controls and U+FDD0–U+FDEF, which XML allows but HTML reports as parse errors.
 */

// Control characters other than tab, LF and CR (DEL and C1 too); unpaired surrogates; the non-characters of the basic plane.
const NOT_XML =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as element content or a quoted attribute value of HTML or XML. O(n). */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, c => ENTITY[c]);
}
