/**
 * Similarity joins the tests check the product's joins against: records from several sources
 * joined through the product's self-join, and the same pairs by comparing every record with
 * every other.
 */
import { selfJoin } from '../../src/core/selfJoin';
import { BigramProfile, profileSimilarity } from '../../src/core/similarity';
import { JoinPair, TokenSpace } from '../../src/core/tokenSpace';

/** A record to join: its source and its bigram profile. */
export interface JoinRecord {
  readonly source: number;
  readonly profile: BigramProfile;
}

/**
 * All pairs of records from different sources with similarity ≥ `threshold` (0 < t ≤ 1),
 * ordered by `a`, then `b` (`a < b`, record indices). Records with no bigram take no part.
 */
export function similarityJoin(records: readonly JoinRecord[], threshold: number): JoinPair[] {
  const space = new TokenSpace(records.map(r => r.profile));
  return selfJoin(space, threshold, (a, b) => records[a].source !== records[b].source);
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
