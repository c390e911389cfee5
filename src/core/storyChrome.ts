/**
 * Text that recurs across stories: a site's newsletter line, a menu read as prose, a teaser of
 * another story. It is evidence of chrome, never of article text.
 */
import type { StoryIndex } from './storyIndex';

/**
 * Input: the index, a story number per source (a first pass), and the number of stories that
 * makes a shingle recurring. Output: per shingle, 1 where its sources fall into `limit` or more
 * stories and no one of them holds half of its sources (a story's own text may span several
 * first-pass stories where that pass left a large story in pieces). O(S) for S postings.
 */
export function chromeShingles(index: StoryIndex, storyOf: Int32Array, limit: number): Uint8Array {
  const { postings, postingStart, shingleCount } = index;
  const chrome = new Uint8Array(shingleCount);
  const seen = new Int32Array(index.sources.length).fill(-1);
  const count = new Int32Array(index.sources.length);
  for (let x = 0; x < shingleCount; x++) {
    const start = postingStart[x];
    const end = postingStart[x + 1];
    if (end - start < limit) continue;
    let stories = 0;
    let most = 0;
    for (let i = start; i < end; i++) {
      const story = storyOf[postings[i]];
      if (seen[story] !== x) {
        seen[story] = x;
        count[story] = 0;
        stories++;
      }
      most = Math.max(most, ++count[story]);
    }
    if (stories >= limit && most * 2 < end - start) chrome[x] = 1;
  }
  return chrome;
}

/**
 * Input: the index, the final story of each source, the stories' sizes, and the number of
 * stories that makes a form recurring. Output: the article forms (compared forms) whose
 * sources fall into `limit` or more stories, each with its home: the story at least half of
 * whose sources (and at least two) carry it, the one with most of them if several do (ties:
 * the story whose first source comes first in canonical order), or -1 where it is no story's
 * text. O(F_s) for F_s distinct forms of all sources.
 */
export function crossStoryForms(index: StoryIndex, storyOf: Int32Array, storySizes: readonly number[], limit: number): Map<string, number> {
  const storyRanks = new Int32Array(storySizes.length).fill(0x7fffffff);
  storyOf.forEach((story, s) => (storyRanks[story] = Math.min(storyRanks[story], index.rank[s])));
  const storiesOfForm = new Map<number, Map<number, number>>();
  index.sourceAllForms.forEach((forms, s) => {
    for (const f of forms) {
      let counts = storiesOfForm.get(f);
      if (!counts) storiesOfForm.set(f, (counts = new Map()));
      counts.set(storyOf[s], (counts.get(storyOf[s]) ?? 0) + 1);
    }
  });
  const out = new Map<string, number>();
  for (const [f, counts] of storiesOfForm) {
    if (counts.size < limit) continue;
    let home = -1;
    let most = 1;
    for (const [story, count] of counts) {
      if (count * 2 < storySizes[story]) continue;
      if (count > most || (count === most && home >= 0 && storyRanks[story] < storyRanks[home])) {
        home = story;
        most = count;
      }
    }
    out.set(index.formTexts[f], home);
  }
  return out;
}
