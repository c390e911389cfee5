/** Hard-wrapping as a greedy wrapper does it, for tests of pages wrapped so. */
import { wrappedLine } from '../../src/core/model/pageVariants';

/**
 * `text` hard-wrapped at `width` as a greedy wrapper does it: each line longer than the width
 * (trailing spaces aside) is broken at the last single space between two words that leaves at
 * most `width` characters before it (the first such space after, where none does). The space
 * becomes the line break (`eol`), so with LF every offset of the text stays valid.
 */
export function hardWrap(text: string, width: number, eol = '\n'): string {
  return text
    .split('\n')
    .map(line => wrappedLine(line, width).join(eol))
    .join(eol);
}

/** For each line of `hardWrap(text, width)`, the line of `text` it was cut from. */
export function originalLines(text: string, width: number): number[] {
  return text.split('\n').flatMap((line, i) => wrappedLine(line, width).map(() => i));
}
