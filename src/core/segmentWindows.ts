/**
 * `Intl.Segmenter` over long texts in linear time. Iterating V8's segments grows with the square
 * of the string's length (a line of 150,000 Han characters took half a minute to split into
 * words), so a long text is read in windows: each window's segments are kept up to the last one
 * that ends well before the window's end (where the segmenter saw enough of what follows), and
 * the next window starts there. Sentence and word boundaries depend on a few characters around
 * them, far fewer than the margin kept.
 */

/** Characters a window holds; a text this long or shorter is segmented in one go. */
export const SEGMENT_WINDOW = 8_192;
/** How far before a window's end its last kept segment must end. */
const WINDOW_MARGIN = 256;

/**
 * The segments of `text` as `segmenter.segment(text)` gives them (`index` into `text`, `input`
 * the whole text), read in windows of `SEGMENT_WINDOW` characters where the text is longer; a
 * window in which no segment ends well before its end is read again twice as long. O(n).
 */
export function* windowedSegments(text: string, segmenter: Intl.Segmenter): Generator<Intl.SegmentData> {
  if (text.length <= SEGMENT_WINDOW) {
    yield* segmenter.segment(text);
    return;
  }
  let from = 0;
  while (from < text.length) {
    let size = SEGMENT_WINDOW;
    for (;;) {
      const to = Math.min(text.length, from + size);
      const found: Intl.SegmentData[] = [];
      for (const seg of segmenter.segment(text.slice(from, to))) {
        found.push(
          seg.isWordLike === undefined
            ? { segment: seg.segment, index: from + seg.index, input: text }
            : { segment: seg.segment, index: from + seg.index, input: text, isWordLike: seg.isWordLike },
        );
      }
      if (to === text.length) {
        yield* found;
        return;
      }
      // Keep the segments that end well before the window's end; the rest is read again.
      let keep = found.length;
      while (keep > 0 && found[keep - 1].index + found[keep - 1].segment.length > to - WINDOW_MARGIN) keep--;
      if (keep === 0) {
        size *= 2;
        continue;
      }
      yield* found.slice(0, keep);
      from = found[keep - 1].index + found[keep - 1].segment.length;
      break;
    }
  }
}
