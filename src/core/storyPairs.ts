/**
 * Which sources the story stage compares, and the stories the comparisons make: candidate
 * pairs from the shingle index (never all pairs), scored, and joined into connected components.
 */
import type { EvidenceSettings, PairEvidence, PassFacts } from './storyEvidence';
import type { StoryIndex } from './storyIndex';

export interface PairSettings extends EvidenceSettings {
  /** Sources each source of a posting list is paired with (fewer in long lists). */
  readonly window: number;
}

/**
 * Input: the index, the pass's facts (`passFacts`: the shingles set aside as chrome, what
 * counts as evidence), the thresholds, and the number of found sentences that joins two
 * sources whatever their share. Output: per source, a number for its
 * story (the smallest source of its component).
 *
 * Candidates: sources are taken in canonical order; each is paired, in every posting list of
 * its shingles outside `chrome`, with the next sources after it there: `window` of them, and
 * fewer in lists longer than `window` (about window² pairs per list, so a shingle a thousand
 * sources carry costs each a pair or two). Neighbours already in the same story are passed
 * over. A candidate is scored only when the two share, over those lists, as many shingles as
 * the found sentences it needs would show. A pair already joined is not scored, and the
 * result is a partition, so it does not depend on the order the pairs are met in.
 * O(S·window) for S shingle occurrences, plus O(a + b) per scored pair.
 */
export function storyComponents(
  index: StoryIndex,
  pass: PassFacts,
  settings: PairSettings,
  enoughSentences: number,
  evidence: PairEvidence,
): Int32Array {
  const n = index.sources.length;
  const sets = new DisjointSets(n);
  // Identical texts are one story when they have any article sentence to go by.
  const byText = new Map<string, number>();
  for (let s = 0; s < n; s++) {
    if (!index.sourceForms[s].length) continue;
    const other = byText.get(index.sources[s].text);
    if (other === undefined) byText.set(index.sources[s].text, s);
    else sets.union(other, s);
  }
  const chrome = pass.chrome;
  const sentencesNeeded = (a: number, b: number) =>
    Math.max(settings.minSharedSentences, Math.ceil(settings.minSharedShare * Math.min(pass.of[a], pass.of[b])));
  const { postings, postingStart, order, rank } = index;
  const window = settings.window;
  // Per source, how many shingles it shares with the one being paired, over the lists seen.
  const common = new Int32Array(n);
  const touched: number[] = [];
  // Whether a neighbour is in the story of the source being paired, found once per source:
  // unions wait until its lists are walked, so the answer holds for the whole walk.
  const checkedFor = new Int32Array(n).fill(-1);
  const inOwnStory = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const a = order[r];
    const own = sets.find(a);
    const shingles = index.sourceShingles[a];
    const placesOfA = index.postingPlace[a];
    for (let k = 0; k < shingles.length; k++) {
      const x = shingles[k];
      if (chrome[x]) continue;
      const end = postingStart[x + 1];
      const at = placesOfA[k];
      if (at + 1 >= end) continue;
      const reach = Math.max(1, Math.min(window, Math.floor((window * window) / (end - postingStart[x]))));
      let paired = 0;
      const last = Math.min(end - 1, at + window);
      for (let j = at + 1; j <= last && paired < reach; j++) {
        const b = postings[j];
        if (checkedFor[b] !== r) {
          checkedFor[b] = r;
          inOwnStory[b] = sets.find(b) === own ? 1 : 0;
        }
        if (inOwnStory[b]) continue;
        paired++;
        if (common[b]++ === 0) touched.push(b);
      }
    }
    touched.sort((x, y) => rank[x] - rank[y]);
    for (const b of touched) {
      // A found sentence shows `foundShingles` of its shingles (fewer only in very short ones).
      if (
        common[b] >= sentencesNeeded(a, b) * settings.foundShingles &&
        sets.find(a) !== sets.find(b) &&
        evidence.oneStory(a, b, pass, settings, enoughSentences)
      )
        sets.union(a, b);
      common[b] = 0;
    }
    touched.length = 0;
  }
  const out = new Int32Array(n);
  for (let s = 0; s < n; s++) out[s] = sets.find(s);
  return out;
}

/** Union-find with path halving; a set's root is its smallest member. */
class DisjointSets {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let s = 0; s < n; s++) this.parent[s] = s;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
