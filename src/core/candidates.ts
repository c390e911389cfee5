/**
 * Similarity join with prefix filtering (the AllPairs family): every pair of records from
 * different sources whose Dice similarity reaches the threshold, found without comparing
 * every record with every other.
 *
 * Each bigram occurrence becomes a token ("th" the second time is another token than "th"
 * the first time), which turns the multiset Dice into a set Dice. Tokens are ordered rarest
 * first. A pair with Dice ≥ t shares at least ⌈t·a/(2−t)⌉ tokens, so the two records' first
 * `a − ⌈t·a/(2−t)⌉ + 1` tokens must meet: indexing only those prefixes loses no pair.
 */
import { BigramProfile, profileSimilarity } from './similarity';

/** A record to join: its source and its bigram profile. */
export interface JoinRecord {
  readonly source: number;
  readonly profile: BigramProfile;
}

/** A pair found by the join; `a < b` are record indices. */
export interface JoinPair {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

/**
 * All pairs of records from different sources with similarity ≥ `threshold` (0 < t ≤ 1),
 * ordered by `a`, then `b`. Records with fewer than one bigram take no part.
 * Cost: O(total tokens · log) to build plus the verified candidates, each O(a + b).
 */
export function similarityJoin(records: readonly JoinRecord[], threshold: number): JoinPair[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const tokenLists = records.map(r => occurrenceTokens(r.profile.bigrams));
  const frequency = new Map<number, number>();
  for (const tokens of tokenLists) for (const t of tokens) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  // Rank tokens rarest first; ties by code, so the order is a pure function of the input.
  const ranked = [...frequency.keys()].sort((x, y) => frequency.get(x)! - frequency.get(y)! || x - y);
  const rank = new Map<number, number>();
  ranked.forEach((t, i) => rank.set(t, i));

  const ratio = threshold / (2 - threshold);
  const prefixes: Int32Array[] = tokenLists.map(tokens => {
    const ordered = Int32Array.from(tokens, t => rank.get(t)!).sort();
    const size = ordered.length;
    if (size === 0) return ordered;
    const minOverlap = Math.max(1, Math.ceil(ratio * size - 1e-9));
    return ordered.subarray(0, size - minOverlap + 1);
  });

  const postings = new Map<number, number[]>();
  for (let r = 0; r < records.length; r++) {
    for (const t of prefixes[r]) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(r);
    }
  }

  const pairs: JoinPair[] = [];
  const seen = new Int32Array(records.length).fill(-1);
  for (let r = 0; r < records.length; r++) {
    const size = records[r].profile.bigrams.length;
    if (size === 0) continue;
    const candidates: number[] = [];
    for (const t of prefixes[r]) {
      for (const other of postings.get(t)!) {
        if (other <= r || seen[other] === r || records[other].source === records[r].source) continue;
        seen[other] = r;
        const otherSize = records[other].profile.bigrams.length;
        if (otherSize < ratio * size - 1e-9 || size < ratio * otherSize - 1e-9) continue;
        candidates.push(other);
      }
    }
    candidates.sort((x, y) => x - y);
    for (const other of candidates) {
      const similarity = profileSimilarity(records[r].profile, records[other].profile);
      if (similarity >= threshold) pairs.push({ a: r, b: other, similarity });
    }
  }
  return pairs;
}

/** Gives the k-th occurrence of a bigram its own token: code + k · 2^32. */
function occurrenceTokens(sortedBigrams: Float64Array): number[] {
  const tokens: number[] = new Array(sortedBigrams.length);
  let occurrence = 0;
  for (let i = 0; i < sortedBigrams.length; i++) {
    occurrence = i > 0 && sortedBigrams[i] === sortedBigrams[i - 1] ? occurrence + 1 : 0;
    tokens[i] = sortedBigrams[i] + occurrence * 4294967296;
  }
  return tokens;
}

/**
 * The same pairs by comparing every record with every other: the oracle the join is tested
 * against. O(n²) comparisons.
 */
export function bruteForceJoin(records: readonly JoinRecord[], threshold: number): JoinPair[] {
  const pairs: JoinPair[] = [];
  for (let a = 0; a < records.length; a++) {
    if (records[a].profile.bigrams.length === 0) continue;
    for (let b = a + 1; b < records.length; b++) {
      if (records[a].source === records[b].source || records[b].profile.bigrams.length === 0) continue;
      const similarity = profileSimilarity(records[a].profile, records[b].profile);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}
