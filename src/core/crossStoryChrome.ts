/**
 * Chrome from the corpus: text that recurs across stories (a site's sign-up line on pages of
 * many stories, a story's headline teased on the pages of others) is chrome wherever it is not
 * its own story's text, however prose-like it reads on one page.
 */
import type { LineVerdict } from './boilerplate';
import type { PreparedSource } from './types';
import { paragraphOf } from './hardWrap';
import { unnumbered } from './text';

export const CROSS_STORY_REASON = 'repeated across stories';

/**
 * Input: a prepared source, its line verdicts so far, the story it belongs to, and the forms
 * that recur across stories (keyed `unnumbered`), each with its home story (or -1: no story's
 * text). Output: the verdicts with every content line whose sentences all recur across
 * stories, away from their home, turned to boilerplate; the given array itself when nothing
 * changes. O(S) for S prepared sentences.
 */
export function markCrossStoryChrome(
  p: PreparedSource,
  verdicts: readonly LineVerdict[],
  story: number,
  recurring: ReadonlyMap<string, number>,
): readonly LineVerdict[] {
  // Per content line: whether all its sentences so far recur away from their home.
  const chromeLine = new Map<number, boolean>();
  for (const s of p.sentences) {
    if (verdicts[s.line].kind !== 'content') continue;
    const home = recurring.get(unnumbered(s.form));
    const away = home !== undefined && home !== story;
    chromeLine.set(s.line, (chromeLine.get(s.line) ?? true) && away);
  }
  let out = verdicts;
  for (const [line, chrome] of chromeLine) {
    if (!chrome) continue;
    if (out === verdicts) out = [...verdicts];
    // A sentence's line is its hard-wrapped paragraph's first, and the paragraph turns whole.
    const last = (p.paragraphs && paragraphOf(p.paragraphs, line)?.last) ?? line;
    for (let l = line; l <= last; l++) (out as LineVerdict[])[l] = { kind: 'boilerplate', reason: CROSS_STORY_REASON };
  }
  return out;
}
