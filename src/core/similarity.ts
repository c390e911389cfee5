/**
 * Sentence similarity: the Dice coefficient over character bigrams, exactly as
 * string-similarity's `compareTwoStrings` computes it (white space removed, bigrams of UTF-16
 * code units counted as a multiset), but on precomputed integer profiles so that one
 * comparison is a merge of two sorted arrays instead of building maps of strings.
 */

/** A sentence's bigram multiset, as sorted numeric codes (`hi << 16 | lo`). */
export interface BigramProfile {
  /** The compared form with white space removed. */
  readonly squashed: string;
  /** Sorted bigram codes; a bigram occurring k times appears k times. */
  readonly bigrams: Uint32Array;
}

/** Builds the profile of an already normalised string. O(n log n) in its length. */
export function bigramProfile(normalized: string): BigramProfile {
  const squashed = normalized.replace(/\s+/g, '');
  const n = Math.max(0, squashed.length - 1);
  const bigrams = new Uint32Array(n);
  for (let i = 0; i < n; i++) bigrams[i] = squashed.charCodeAt(i) * 65536 + squashed.charCodeAt(i + 1);
  bigrams.sort();
  return { squashed, bigrams };
}

/**
 * The profile of two profiled strings read as one, `bigramProfile(first + second)` for their
 * squashed forms: both bigram lists merged, plus the bigram across the junction. O(a + b).
 */
export function concatProfiles(first: BigramProfile, second: BigramProfile): BigramProfile {
  if (!first.squashed) return second;
  if (!second.squashed) return first;
  const a = first.bigrams;
  const b = second.bigrams;
  const junction = first.squashed.charCodeAt(first.squashed.length - 1) * 65536 + second.squashed.charCodeAt(0);
  const out = new Uint32Array(a.length + b.length + 1);
  let i = 0;
  let j = 0;
  let k = 0;
  let pending = true;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (pending && junction <= next) {
      out[k++] = junction;
      pending = false;
    }
    out[k++] = next;
  }
  if (pending) out[k] = junction;
  return { squashed: first.squashed + second.squashed, bigrams: out };
}

/** Size of the multiset intersection of two sorted code arrays. O(a + b). */
export function sharedBigrams(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return shared;
}

/**
 * Similarity in [0, 1]; equal to `compareTwoStrings(a, b)` for the strings the profiles were
 * made from. O(a + b).
 */
export function profileSimilarity(a: BigramProfile, b: BigramProfile): number {
  if (a.squashed === b.squashed) return 1;
  if (a.squashed.length < 2 || b.squashed.length < 2) return 0;
  return (2 * sharedBigrams(a.bigrams, b.bigrams)) / (a.bigrams.length + b.bigrams.length);
}
