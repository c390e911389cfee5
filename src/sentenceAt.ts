/** The index of the sentence containing `offset`, or -1. O(log n): the search of `sentenceAtOrAfter`. */
export function sentenceAt(sentences: readonly { start: number; end: number }[], offset: number): number {
  const at = sentenceAtOrAfter(sentences, offset);
  return at >= 0 && sentences[at].start <= offset && offset <= sentences[at].end ? at : -1;
}

/**
 * The sentence the reader stands at or before in reading order: the one containing `offset`,
 * else the next one after it (the cursor on a blank line, a menu or a caption stands before the
 * text it leads to), else (past the last, in a footer) the last; -1 only when there are no
 * sentences. O(log n): a binary search for the first sentence that does not end before `offset`
 * (sentences stand in reading order and do not overlap, so only it can hold `offset`).
 */
export function sentenceAtOrAfter(sentences: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, sentences.length - 1);
}
