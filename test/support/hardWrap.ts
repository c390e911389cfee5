/** Hard-wrapping as a greedy wrapper does it, for tests of pages wrapped so. */

/**
 * `text` hard-wrapped at `width` as a greedy wrapper does it: each line longer than the width
 * (trailing spaces aside) is broken at the last single space between two words that leaves at
 * most `width` characters before it (the first such space after, where none does). The space
 * becomes the line break (`eol`), so with LF every offset of the text stays valid.
 */
export function hardWrap(text: string, width: number, eol = '\n'): string {
  return text
    .split('\n')
    .map(line => {
      const pieces: string[] = [];
      while (line.trimEnd().length > width) {
        // A space between two words: the break takes the place of the one space.
        const breakable = (at: number) => line[at - 1] !== ' ' && line[at + 1] !== ' ' && !!line.slice(0, at).trim();
        let at = line.lastIndexOf(' ', width);
        while (at > 0 && !breakable(at)) at = line.lastIndexOf(' ', at - 1);
        if (at <= 0) for (at = line.indexOf(' ', width + 1); at >= 0 && !breakable(at);) at = line.indexOf(' ', at + 1);
        if (at < 0) break;
        pieces.push(line.slice(0, at));
        line = line.slice(at + 1);
      }
      pieces.push(line);
      return pieces.join(eol);
    })
    .join(eol);
}

/** For each line of `hardWrap(text, width)`, the line of `text` it was cut from. */
export function originalLines(text: string, width: number): number[] {
  return text.split('\n').flatMap((line, i) =>
    hardWrap(line, width)
      .split('\n')
      .map(() => i),
  );
}
