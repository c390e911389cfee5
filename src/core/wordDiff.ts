/**
 * Word-level differences between two wordings of one statement, for hovers and the
 * comparison panel. Built on jsdiff's `diffWords` (Myers' O(ND) diff over word tokens).
 */
import { diffWords } from 'diff';
import { withoutInvisibles } from './text';

/** A run of text: in both wordings, only in the other one (`added`), or only in `from` (`removed`). */
export interface DiffPart {
  readonly text: string;
  readonly kind: 'same' | 'added' | 'removed';
}

/** Summary counts of a word diff. */
export interface DiffSummary {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The differences that turn `from` into `other`, ignoring case; concatenating the `same` and
 * `added` parts gives `other` back, the `same` and `removed` parts give `from` (up to case and
 * invisible format characters, `withoutInvisibles`).
 * O((n + m) · d), d the number of differing words.
 */
export function wordDiff(from: string, other: string): DiffPart[] {
  // Invisible format characters (a soft hyphen inside a word) would make a word differ that
  // reads the same: the parts leave them out, which shows the same text.
  return diffWords(withoutInvisibles(from), withoutInvisibles(other), { ignoreCase: true }).map(change => ({
    text: change.value,
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  }));
}

/** The words only in `other` and the words only in `from`, trimmed, in order. */
export function summarizeDiff(parts: readonly DiffPart[]): DiffSummary {
  const pick = (kind: DiffPart['kind']) =>
    parts
      .filter(p => p.kind === kind)
      .map(p => p.text.trim())
      .filter(Boolean);
  return { added: pick('added'), removed: pick('removed') };
}
