/**
 * How a diff's replaced words are shown side by side (the HTML export, the comparison panel):
 * struck words, then the words added in their place.
 */

/** A part of a diff, as far as showing it needs. */
interface ShownPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/**
 * Whether part `i` of `parts` is added right where words are struck and stands apart from them
 * by a space: so a line may break between the two, and copied text reads as words, where the
 * struck text begins a word (at the start, after white space or after an opening quotation mark
 * or bracket). Inside a word ("Russian-negotiated" → "Russian-brokered"), right after one ("90
 * percent" → "90%") or in a script that sets no spaces ("至少12人" → "至少15人") a space would
 * show one the text lacks. O(1).
 */
export function standsApart(parts: readonly ShownPart[], i: number): boolean {
  if (parts[i]?.kind !== 'added' || parts[i - 1]?.kind !== 'removed') return false;
  const before = parts[i - 2]?.text;
  return before === undefined || before === '' || WORD_BEGINS_AFTER.test(before);
}

/** The end of a text after which a word begins: white space, or an opening quotation mark or bracket. */
const WORD_BEGINS_AFTER = /[\s\p{Ps}\p{Pi}"'«]$/u;
