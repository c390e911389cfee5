/** The index of the sentence containing `offset`, or -1. O(log n): binary search over sentence starts. */
export function sentenceAt(sentences: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end < offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
