/**
 * Content terms: the words of a compared form that say what it is about, as numbers in one
 * vocabulary. The grouping stage weighs them by how rare they are.
 */
import type { StopwordProfile } from './stopwords';
import { words } from './text';

const HAS_DIGIT = /\d/;

/**
 * Input: a compared form, its language's function words, and the vocabulary (stem → term id,
 * grown here). Output: the form's term ids, function words dropped, crudely stemmed,
 * ascending, without repeats. O(n log n) in the form's length.
 */
export function contentTerms(form: string, stopwords: StopwordProfile, vocabulary: Map<string, number>): number[] {
  const ids = new Set<number>();
  for (const w of words(form)) {
    const digits = HAS_DIGIT.test(w);
    if (stopwords.words.has(w) || (w.length < 2 && !digits)) continue;
    // A fixed-length prefix makes one stem of inflections ("stormed", "storming") in most alphabetic languages.
    const stem = digits ? w : firstCodePoints(w, 6);
    let id = vocabulary.get(stem);
    if (id === undefined) vocabulary.set(stem, (id = vocabulary.size));
    ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The first `n` code points of `w` (a surrogate pair counts as one). */
function firstCodePoints(w: string, n: number): string {
  let end = 0;
  for (let k = 0; k < n && end < w.length; k++) {
    const c = w.charCodeAt(end);
    const next = end + 1 < w.length ? w.charCodeAt(end + 1) : 0;
    end += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return end >= w.length ? w : w.slice(0, end);
}
