import { UNSPACED_SCRIPT } from './unspacedScripts';

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
 * struck text is whole words: it begins a word (at the start, after white space or after an
 * opening quotation mark or bracket) and what follows the added text ends one (its end, white
 * space, or punctuation other than a hyphen or an apostrophe). Inside a word
 * ("Russian-negotiated" → "Russian-brokered", "rebel-held" → "opposition-held"), right after
 * one ("90 percent" → "90%") or in a script that sets no spaces ("至少12人" → "最多12人") a space
 * would show one the text lacks. O(1).
 */
export function standsApart(parts: readonly ShownPart[], i: number): boolean {
  if (parts[i]?.kind !== 'added' || parts[i - 1]?.kind !== 'removed') return false;
  if (startsUnspaced(parts[i - 1].text) || startsUnspaced(parts[i].text)) return false;
  const before = parts[i - 2]?.text ?? '';
  const after = parts[i + 1]?.text ?? '';
  return (before === '' || WORD_BEGINS_AFTER.test(before)) && (after === '' || WORD_ENDS_BEFORE.test(after));
}

/** The end of a text after which a word begins: white space, or an opening quotation mark or bracket. */
const WORD_BEGINS_AFTER = /[\s\p{Ps}\p{Pi}"'«]$/u;
/** The start of a text before which a word ends: white space, or punctuation that joins no word (not a hyphen or an apostrophe). */
const WORD_ENDS_BEFORE = /^(?:\s|(?![-‐'’])\p{P})/u;
/** Whether `text` opens with a letter of a script that sets no spaces between its words. */
function startsUnspaced(text: string): boolean {
  const first = text.codePointAt(0);
  return first !== undefined && UNSPACED_SCRIPT.test(String.fromCodePoint(first));
}
