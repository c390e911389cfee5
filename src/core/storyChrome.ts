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
 * stories that makes a form recurring. Output: the forms of sentences (compared forms) whose
 * sources fall into `limit` or more stories, each with its home: the one story whose sources
 * read it as article text when only one does, else the story with most sources that do, at
 * least two (ties: the story whose first source comes first in canonical order), or -1 where
 * it is no story's text. Every sentence of a source counts, on article lines or not: a teaser
 * that one page reads as article text and others as chrome recurs on all of them. O(T) for T
 * sentences of all sources, memory O(F) for F distinct forms.
 */
export function crossStoryForms(index: StoryIndex, storyOf: Int32Array, storySizes: readonly number[], limit: number): Map<string, number> {
  const out = new Map<string, number>();
  if (storySizes.length < limit) return out;
  const storyRanks = new Int32Array(storySizes.length).fill(0x7fffffff);
  storyOf.forEach((story, s) => (storyRanks[story] = Math.min(storyRanks[story], index.rank[s])));
  // Sources story by story, so that a form's stories are counted by the last one it was met in:
  // per form, that story and the count, as one number (story · (n + 1) + count).
  const n = storyOf.length;
  const byStory = Array.from(storyOf.keys()).sort((x, y) => storyOf[x] - storyOf[y] || x - y);
  const met = new Map<string, number>();
  for (const s of byStory) {
    const story = storyOf[s];
    for (const { form } of index.sources[s].sentences) {
      const known = met.get(form);
      if (known === undefined) met.set(form, story * (n + 1) + 1);
      else if (Math.floor(known / (n + 1)) !== story) met.set(form, story * (n + 1) + (known % (n + 1)) + 1);
    }
  }
  // Per recurring form, per story, the sources that read it as article text. One that no page
  // alone reads so stays in with no home: comparing a story's versions may make it article text.
  const storiesOfForm = new Map<string, Map<number, number>>();
  for (const [form, known] of met) if (known % (n + 1) >= limit) storiesOfForm.set(form, new Map());
  index.sourceAllForms.forEach((forms, s) => {
    for (const f of forms) {
      const counts = storiesOfForm.get(index.formTexts[f]);
      if (counts) counts.set(storyOf[s], (counts.get(storyOf[s]) ?? 0) + 1);
    }
  });
  for (const [form, counts] of storiesOfForm) {
    // The one story that reads it as article text is its home, even through one page (a
    // page's own headline teased on the pages of others); among several, the one with most
    // pages that do, at least two (one page each of several stories is chrome read as prose).
    let home = -1;
    let most = counts.size === 1 ? 0 : 1;
    for (const [story, count] of counts) {
      if (count > most || (count === most && home >= 0 && storyRanks[story] < storyRanks[home])) {
        home = story;
        most = count;
      }
    }
    out.set(form, home);
  }
  return out;
}
