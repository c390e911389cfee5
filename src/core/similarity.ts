/**
 * Sentence similarity: the Dice coefficient over character bigrams, exactly as
 * string-similarity's `compareTwoStrings` computes it (white space removed, bigrams of UTF-16
 * code units counted as a multiset), but on precomputed integer profiles so that one
 * comparison is a merge of two sorted arrays instead of building maps of strings.
 */
import { CodeTable } from './codeTable';
import { normalizeForComparison } from './text';

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
  return dice(sharedBigrams(a.bigrams, b.bigrams), a.bigrams.length, b.bigrams.length);
}

/**
 * The Dice coefficient of two multisets of `sizeA` and `sizeB` elements that share `shared`:
 * the one formula every similarity of the analysis ends in, however it counted the shared
 * bigrams. O(1).
 */
export function dice(shared: number, sizeA: number, sizeB: number): number {
  return (2 * shared) / (sizeA + sizeB);
}

/**
 * The similarity of many strings to one reference, each equal to
 * `profileSimilarity(bigramProfile(reference), bigramProfile(other))` (strings already
 * normalised). The reference's bigrams are counted once in a hash table; each other string is
 * then read once, with no sorting and no allocation. O(n) per string of length n.
 */
export class SimilarityTo {
  private readonly squashed: string;
  private readonly size: number;
  /** Each distinct bigram of the reference: its number, and per number how often it occurs. */
  private readonly numberOf: CodeTable;
  private readonly counts: Int32Array;
  /** How many of each the string being read has used up, valid where stamped with its turn. */
  private readonly used: Int32Array;
  private readonly usedStamp: Int32Array;
  private stamp = 0;

  constructor(reference: string) {
    const { squashed, bigrams } = bigramProfile(reference);
    this.squashed = squashed;
    this.size = bigrams.length;
    this.numberOf = new CodeTable(bigrams.length);
    this.counts = new Int32Array(bigrams.length);
    this.used = new Int32Array(bigrams.length);
    this.usedStamp = new Int32Array(bigrams.length);
    let distinct = 0;
    for (let i = 0; i < bigrams.length; i++) {
      let k = this.numberOf.get(bigrams[i]);
      if (k < 0) this.numberOf.set(bigrams[i], (k = distinct++));
      this.counts[k]++;
    }
  }

  /** Similarity in [0, 1] of `other` (normalised) to the reference. */
  of(other: string): number {
    const stamp = ++this.stamp;
    let shared = 0;
    let size = 0;
    let previous = -1;
    for (let i = 0; i < other.length; i++) {
      const c = other.charCodeAt(i);
      if (isWhiteSpace(c)) continue;
      if (previous >= 0) {
        size++;
        const k = this.numberOf.get(previous * 65536 + c);
        if (k >= 0) {
          if (this.usedStamp[k] !== stamp) {
            this.usedStamp[k] = stamp;
            this.used[k] = 0;
          }
          if (this.used[k] < this.counts[k]) {
            this.used[k]++;
            shared++;
          }
        }
      }
      previous = c;
    }
    // Fewer than two characters: alike only when equal, as `profileSimilarity` has it.
    if (this.squashed.length < 2 || size === 0) return other.replace(/\s+/g, '') === this.squashed ? 1 : 0;
    return dice(shared, this.size, size);
  }
}

/** Whether a UTF-16 code unit is white space as `\s` in a regular expression has it. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Similarity of two sentences as every link reports it. O(n log n) in their length. */
export function sentenceSimilarity(a: string, b: string): number {
  return profileSimilarity(bigramProfile(normalizeForComparison(a)), bigramProfile(normalizeForComparison(b)));
}
